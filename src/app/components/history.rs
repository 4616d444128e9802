//! The history view of a document with many reports: an overview (a calendar strip of the days
//! with incidents, per-month charts and the same numbers as a table), filters, and the reports
//! newest first, grouped by year and month, each opening its timeline / table / letter.
//!
//! Everything counted comes from `crate::compose::history`; every date and length is worded by
//! `crate::compose::timefmt`. Levels are a symbol first and a colour second, in the charts as in the
//! list, so the page reads in black and white and without colour vision.

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::{Datelike, NaiveDate, Offset, Utc, Weekday};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::compose::history::{self, DayMark, Entry, Filter, MonthStats};
use crate::compose::impact::join_names;
use crate::compose::timefmt::Fmt;
use crate::model::i18n::tr;
use crate::model::{Document, ImpactLevel, Lang, Report};

#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    pub document: Rc<Document>,
    pub lang: Lang,
    /// A report was chosen: its index in `document.reports`.
    pub onopen: Callback<usize>,
    /// The page of each report, by index, when each has one (the static site): titles are then
    /// links to them instead of buttons.
    #[prop_or_default]
    pub links: Option<Rc<Vec<AttrValue>>>,
}

fn fmt_for(report: &Report, lang: Lang) -> Fmt {
    Fmt::new(lang, report.letter.date_style, report.zone)
}

/// The formatter for headings and the overview: the newest report's style and zone.
fn fmt_for_doc(doc: &Document, lang: Lang) -> Fmt {
    match doc.reports.first() {
        Some(r) => fmt_for(r, lang),
        None => Fmt::new(lang, Default::default(), Utc.fix()),
    }
}

fn level_code(level: Option<ImpactLevel>) -> &'static str {
    level.map_or("none", ImpactLevel::code)
}

fn level_symbol(level: Option<ImpactLevel>) -> &'static str {
    level.map_or("—", ImpactLevel::symbol)
}

fn level_label(level: Option<ImpactLevel>, lang: Lang) -> &'static str {
    match level {
        Some(l) => l.label(lang),
        None => tr(lang, "記載なし", "not stated"),
    }
}

/// A level as symbol and words.
fn level_mark(level: Option<ImpactLevel>, lang: Lang) -> Html {
    let code = level_code(level);
    html! {
        <span class={classes!("hk-history__level", format!("hk-history__level--{code}"))} data-level={code}>
            <span class="hk-history__symbol" aria-hidden="true">{ level_symbol(level) }</span>
            <span class="hk-history__level-label">{ level_label(level, lang) }</span>
        </span>
    }
}

#[function_component]
pub fn History(props: &HistoryProps) -> Html {
    let lang = props.lang;
    let doc = &props.document;
    let filter = use_state(Filter::default);
    {
        // Another document: the old filters (a year, a service) may mean nothing in it.
        let filter = filter.clone();
        use_effect_with(props.document.clone(), move |_| {
            if !filter.is_empty() {
                filter.set(Filter::default());
            }
        });
    }
    // Computed once per document; filtering only picks among them.
    let all = use_memo(props.document.clone(), |doc| history::entries(doc));
    let shown: Vec<&Entry> = history::filtered(doc, &all, &filter);
    let fmt = fmt_for_doc(doc, lang);

    let count_text = match lang {
        Lang::Ja if filter.is_empty() => format!("{}件", all.len()),
        Lang::Ja => format!("{}件中 {}件を表示", all.len(), shown.len()),
        Lang::En if filter.is_empty() => format!("{} reports", all.len()),
        Lang::En => format!("Showing {} of {} reports", shown.len(), all.len()),
    };

    html! {
        <section class="hk-history" data-testid="history" aria-labelledby="hk-history-heading">
            <header class="hk-history__head">
                <h2 id="hk-history-heading" class="hk-history__heading">
                    { tr(lang, "障害履歴", "Incident history") }
                </h2>
                <p class="hk-history__count" aria-live="polite" data-testid="history-count">{ count_text }</p>
            </header>
            <Filters document={props.document.clone()} entries={all.clone()} {lang} filter={(*filter).clone()}
                onchange={Callback::from({ let filter = filter.clone(); move |f| filter.set(f) })} />
            { overview(doc, &shown, &fmt, lang) }
            { list(doc, &shown, &fmt, lang, &props.onopen, props.links.as_deref()) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FiltersProps {
    document: Rc<Document>,
    entries: Rc<Vec<Entry>>,
    lang: Lang,
    filter: Filter,
    onchange: Callback<Filter>,
}

#[function_component]
fn Filters(props: &FiltersProps) -> Html {
    let lang = props.lang;
    let fmt = fmt_for_doc(&props.document, lang);
    let update = |change: fn(&mut Filter, String)| {
        let (filter, onchange) = (props.filter.clone(), props.onchange.clone());
        move |value: String| {
            let mut next = filter.clone();
            change(&mut next, value);
            onchange.emit(next);
        }
    };
    let on_text = {
        let set = update(|f, v| f.text = v);
        Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let select = |change: fn(&mut Filter, String)| {
        let set = update(change);
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_service = select(|f, v| f.service = (!v.is_empty()).then_some(v));
    let on_level = select(|f, v| f.level = ImpactLevel::from_code(&v));
    let on_year = select(|f, v| f.year = v.parse().ok());
    let on_clear = {
        let onchange = props.onchange.clone();
        Callback::from(move |_: MouseEvent| onchange.emit(Filter::default()))
    };
    let f = &props.filter;
    let services = history::services(&props.document)
        .into_iter()
        .map(|(id, name)| {
            let selected = f.service.as_deref() == Some(id.as_str());
            html! { <option value={id} {selected}>{ name }</option> }
        });
    let levels = ImpactLevel::ALL.into_iter().map(|l| {
        html! {
            <option value={l.code()} selected={f.level == Some(l)}>
                { format!("{} {}", l.symbol(), l.label(lang)) }
            </option>
        }
    });
    let years = history::years(&props.entries).into_iter().map(|y| {
        html! { <option value={y.to_string()} selected={f.year == Some(y)}>{ fmt.year(y) }</option> }
    });
    let prevent = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="hk-history__filters hk-chrome" role="search" onsubmit={prevent}
            aria-label={tr(lang, "報告の絞り込み", "Filter reports")}>
            <label class="hk-history__filter hk-history__filter--text">
                <span class="hk-history__filter-label">{ tr(lang, "キーワード", "Search") }</span>
                <input type="search" data-testid="history-search" value={f.text.clone()} oninput={on_text}
                    placeholder={tr(lang, "件名・本文・サービス名", "title, text, service")} />
            </label>
            <label class="hk-history__filter">
                <span class="hk-history__filter-label">{ tr(lang, "サービス", "Service") }</span>
                <select data-testid="history-service" onchange={on_service}>
                    <option value="" selected={f.service.is_none()}>{ tr(lang, "すべて", "All") }</option>
                    { for services }
                </select>
            </label>
            <label class="hk-history__filter">
                <span class="hk-history__filter-label">{ tr(lang, "最大の影響", "Worst impact") }</span>
                <select data-testid="history-level" onchange={on_level}>
                    <option value="" selected={f.level.is_none()}>{ tr(lang, "すべて", "All") }</option>
                    { for levels }
                </select>
            </label>
            <label class="hk-history__filter">
                <span class="hk-history__filter-label">{ tr(lang, "年", "Year") }</span>
                <select data-testid="history-year" onchange={on_year}>
                    <option value="" selected={f.year.is_none()}>{ tr(lang, "すべて", "All") }</option>
                    { for years }
                </select>
            </label>
            if !f.is_empty() {
                <button type="button" class="hk-history__clear" onclick={on_clear}>
                    { tr(lang, "条件をクリア", "Clear filters") }
                </button>
            }
        </form>
    }
}

/// The reports, grouped by year and month, newest first.
fn list(
    doc: &Document,
    shown: &[&Entry],
    fmt: &Fmt,
    lang: Lang,
    onopen: &Callback<usize>,
    links: Option<&Vec<AttrValue>>,
) -> Html {
    if shown.is_empty() {
        return html! {
            <p class="hk-history__empty" data-testid="history-empty">
                { tr(lang, "条件に合う報告はありません。", "No report matches these filters.") }
            </p>
        };
    }
    let groups = history::by_month(shown);
    let years = groups.into_iter().map(|year| {
        let heading = match year.year {
            Some(y) => fmt.year(y),
            None => tr(lang, "日付不明", "Date unknown").to_string(),
        };
        let months = year.months.into_iter().map(|month| {
            let items = month
                .entries
                .iter()
                .filter_map(|i| shown.get(*i))
                .map(|e| item(doc, e, lang, onopen, links));
            html! {
                <section class="hk-history__month">
                    if let Some((y, m)) = month.month {
                        <h4 class="hk-history__month-heading">{ fmt.year_month(y, m) }</h4>
                    }
                    <ol class="hk-history__items">{ for items }</ol>
                </section>
            }
        });
        html! {
            <section class="hk-history__year">
                <h3 class="hk-history__year-heading">{ heading }</h3>
                { for months }
            </section>
        }
    });
    html! { <div class="hk-history__list">{ for years }</div> }
}

/// One report's line: title (opens it), period and duration, worst impact, services, summary.
fn item(
    doc: &Document,
    e: &Entry,
    lang: Lang,
    onopen: &Callback<usize>,
    links: Option<&Vec<AttrValue>>,
) -> Html {
    let Some(report) = doc.reports.get(e.index) else {
        return Html::default();
    };
    let fmt = fmt_for(report, lang);
    let period = fmt.period(&report.incident.period);
    let length = e.length.text(&fmt);
    let names: Vec<&str> = e
        .affected
        .iter()
        .filter_map(|s| report.services.get(*s))
        .map(|s| s.name.as_str())
        .collect();
    let onclick = {
        let (onopen, index) = (onopen.clone(), e.index);
        Callback::from(move |_: MouseEvent| onopen.emit(index))
    };
    let code = level_code(e.worst);
    let title_id = format!("hk-history-item-{}", e.index);
    html! {
        <li class={classes!("hk-history__item", format!("hk-history__item--{code}"))}
            data-testid="history-item" data-report={e.index.to_string()} data-level={code}>
            <article aria-labelledby={title_id.clone()}>
                <p class="hk-history__title">
                    if let Some(href) = links.and_then(|l| l.get(e.index)) {
                        <a class="hk-history__open" id={title_id} data-testid="history-open" href={href.clone()}>
                            { report.header.title.as_deref().map(|t| crate::model::long::clipped(t, crate::model::long::TITLE_CHARS)) }
                        </a>
                    } else {
                        <button type="button" class="hk-history__open" id={title_id} data-testid="history-open" {onclick}>
                            { report.header.title.as_deref().map(|t| crate::model::long::clipped(t, crate::model::long::TITLE_CHARS)) }
                        </button>
                    }
                </p>
                <p class="hk-history__when">
                    <span class="hk-history__period">{ period }</span>
                    <span class="hk-history__length">
                        { match lang { Lang::Ja => format!("（{length}）"), Lang::En => format!(" ({length})") } }
                    </span>
                </p>
                <p class="hk-history__facts">
                    { level_mark(e.worst, lang) }
                    if !names.is_empty() {
                        <span class="hk-history__services">
                            <span class="hk-history__services-label">{ tr(lang, "対象：", "Services: ") }</span>
                            { join_names(&names, lang) }
                        </span>
                    }
                </p>
                if let Some(summary) = &e.summary {
                    <p class="hk-history__summary">{ summary.clone() }</p>
                }
            </article>
        </li>
    }
}

/// The overview: calendar strip, monthly charts and the table with the same numbers.
fn overview(doc: &Document, shown: &[&Entry], fmt: &Fmt, lang: Lang) -> Html {
    if shown.is_empty() {
        return Html::default();
    }
    let days = history::calendar(doc, shown);
    let months = history::monthly(doc, shown);
    html! {
        <section class="hk-history__overview" aria-label={tr(lang, "概要", "Overview")}>
            { calendar(doc, &days, fmt, lang) }
            { charts(&months, fmt, lang) }
            { table(&months, fmt, lang) }
        </section>
    }
}

const CELL: i32 = 12;
const GAP: i32 = 2;
const LEFT: i32 = 26;
const TOP: i32 = 14;

/// One GitHub-style strip per year: a column per week, a row per weekday (Monday on top).
fn calendar(doc: &Document, days: &BTreeMap<NaiveDate, DayMark>, fmt: &Fmt, lang: Lang) -> Html {
    let mut years: Vec<i32> = days.keys().map(|d| d.year()).collect();
    years.dedup();
    years.reverse();
    let strips = years.into_iter().filter_map(|year| {
        let first = NaiveDate::from_ymd_opt(year, 1, 1)?;
        let last = NaiveDate::from_ymd_opt(year, 12, 31)?;
        let offset = first.weekday().num_days_from_monday() as i32;
        let weeks = (offset + last.ordinal() as i32 + 6) / 7;
        let width = LEFT + weeks * (CELL + GAP);
        let height = TOP + 7 * (CELL + GAP);
        // Quiet days are one patterned rectangle over the full weeks, so a long history does
        // not cost a node per day; only the partial first and last weeks are drawn cell by cell.
        let pattern_id = format!("hk-history-quiet-{year}");
        let step = CELL + GAP;
        let cells = first.iter_days().take_while(|d| *d <= last).filter_map(|d| {
            let index = offset + d.ordinal0() as i32;
            let (column, row) = (index / 7, index % 7);
            let (x, y) = (LEFT + column * step, TOP + row * step);
            match days.get(&d) {
                None if column == 0 || column == weeks - 1 => Some(html! {
                    <rect class="hk-history__day hk-history__day--quiet" x={x.to_string()} y={y.to_string()}
                        width={CELL.to_string()} height={CELL.to_string()} rx="2" />
                }),
                None => None,
                Some(mark) => Some(day_cell(doc, d, mark, x, y, fmt, lang)),
            }
        });
        let quiet = html! {
            <>
                <defs>
                    <pattern id={pattern_id.clone()} x={LEFT.to_string()} y={TOP.to_string()}
                        width={step.to_string()} height={step.to_string()} patternUnits="userSpaceOnUse">
                        <rect class="hk-history__day--quiet" width={CELL.to_string()} height={CELL.to_string()} rx="2" />
                    </pattern>
                </defs>
                <rect class="hk-history__quiet" x={(LEFT + step).to_string()} y={TOP.to_string()}
                    width={((weeks - 2).max(0) * step).to_string()} height={(7 * step).to_string()}
                    fill={format!("url(#{pattern_id})")} />
            </>
        };
        let months = (1..=12).filter_map(|m| {
            let d = NaiveDate::from_ymd_opt(year, m, 1)?;
            let x = LEFT + (offset + d.ordinal0() as i32) / 7 * (CELL + GAP);
            let label = match lang {
                Lang::Ja => format!("{m}月"),
                Lang::En => fmt.year_month(year, m).split(' ').next().unwrap_or_default().chars().take(3).collect(),
            };
            Some(html! { <text class="hk-history__axis" x={x.to_string()} y="10">{ label }</text> })
        });
        let weekdays = [(Weekday::Mon, 0), (Weekday::Wed, 2), (Weekday::Fri, 4)].into_iter().map(|(w, row)| {
            let label = match (lang, w) {
                (Lang::Ja, Weekday::Mon) => "月",
                (Lang::Ja, Weekday::Wed) => "水",
                (Lang::Ja, _) => "金",
                (Lang::En, Weekday::Mon) => "Mon",
                (Lang::En, Weekday::Wed) => "Wed",
                (Lang::En, _) => "Fri",
            };
            let y = TOP + row * (CELL + GAP) + CELL - 2;
            html! { <text class="hk-history__axis" x="0" y={y.to_string()}>{ label }</text> }
        });
        let label = match lang {
            Lang::Ja => format!("{}の障害発生日", fmt.year(year)),
            Lang::En => format!("Days with incidents in {year}"),
        };
        Some(html! {
            <div class="hk-history__strip">
                <p class="hk-history__strip-year" aria-hidden="true">{ fmt.year(year) }</p>
                <svg class="hk-history__calendar-svg" role="img" aria-label={label}
                    viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                    preserveAspectRatio="xMinYMin meet">
                    { for months }
                    { for weekdays }
                    { quiet }
                    { for cells }
                </svg>
            </div>
        })
    });
    let legend = ImpactLevel::ALL.into_iter().filter(|l| *l != ImpactLevel::Operational).map(|l| {
        html! {
            <li class={classes!("hk-history__legend-item", format!("hk-history__legend-item--{}", l.code()))}>
                <span class="hk-history__swatch" aria-hidden="true">{ l.symbol() }</span>
                { l.label(lang) }
            </li>
        }
    });
    html! {
        <figure class="hk-history__calendar" data-testid="history-calendar">
            <figcaption class="hk-history__caption">
                { tr(lang, "障害のあった日（色と記号は、その日の最大の影響）", "Days with incidents (colour and symbol: the worst impact that day)") }
            </figcaption>
            { for strips }
            <ul class="hk-history__legend">
                { for legend }
                <li class="hk-history__legend-item hk-history__legend-item--none">
                    <span class="hk-history__swatch" aria-hidden="true">{ "—" }</span>
                    { tr(lang, "影響の記載なし", "impact not stated") }
                </li>
            </ul>
        </figure>
    }
}

/// A marked day: coloured by its worst level, the level's symbol on it, and a tooltip naming the
/// reports.
fn day_cell(
    doc: &Document,
    d: NaiveDate,
    mark: &DayMark,
    x: i32,
    y: i32,
    fmt: &Fmt,
    lang: Lang,
) -> Html {
    let code = level_code(mark.worst);
    let titles: Vec<String> = mark
        .reports
        .iter()
        .filter_map(|i| doc.reports.get(*i))
        .map(|r| r.header.shown_title(lang))
        .collect();
    let tooltip = match lang {
        Lang::Ja => format!(
            "{}：{}（{}）",
            fmt.date(d),
            titles.join("、"),
            level_label(mark.worst, lang)
        ),
        Lang::En => format!(
            "{}: {} ({})",
            fmt.date(d),
            titles.join("; "),
            level_label(mark.worst, lang)
        ),
    };
    html! {
        <g class={classes!("hk-history__day", format!("hk-history__day--{code}"))} data-day={d.to_string()} data-level={code}>
            <title>{ tooltip }</title>
            <rect x={x.to_string()} y={y.to_string()} width={CELL.to_string()} height={CELL.to_string()} rx="2" />
            <text class="hk-history__day-symbol" x={(x + CELL / 2).to_string()} y={(y + CELL - 3).to_string()}
                text-anchor="middle">{ level_symbol(mark.worst) }</text>
        </g>
    }
}

/// What one chart shows per month: its value, and the words for it.
struct Series<'m> {
    name: &'static str,
    class: &'static str,
    values: Vec<(&'m MonthStats, i64, String)>,
}

fn series<'m>(months: &'m [MonthStats], fmt: &Fmt, lang: Lang) -> [Series<'m>; 3] {
    let count = |m: &MonthStats| match lang {
        Lang::Ja => format!("{}件", m.incidents),
        Lang::En => format!(
            "{} incident{}",
            m.incidents,
            if m.incidents == 1 { "" } else { "s" }
        ),
    };
    let outage = |m: &MonthStats| m.outage_text(fmt);
    let mttr = |m: &MonthStats| m.mttr_text(fmt);
    [
        Series {
            name: tr(lang, "件数", "Incidents"),
            class: "count",
            values: months
                .iter()
                .map(|m| (m, m.incidents as i64, count(m)))
                .collect(),
        },
        Series {
            name: tr(lang, "停止時間", "Outage time"),
            class: "outage",
            values: months
                .iter()
                .map(|m| (m, m.outage_minutes, outage(m)))
                .collect(),
        },
        Series {
            name: tr(lang, "平均復旧時間 (MTTR)", "Mean time to recovery"),
            class: "mttr",
            values: months
                .iter()
                .map(|m| (m, m.mttr_minutes.unwrap_or(0), mttr(m)))
                .collect(),
        },
    ]
}

const BAR: i32 = 10;
const BAR_GAP: i32 = 3;
const CHART_H: i32 = 48;

/// Three small bar charts, one bar per month, each bar's numbers in its tooltip.
fn charts(months: &[MonthStats], fmt: &Fmt, lang: Lang) -> Html {
    if months.is_empty() {
        return Html::default();
    }
    // A long quiet stretch left out of the months takes one slot, marked as a break.
    let mut slots = 0;
    let xs: Vec<i32> = months
        .iter()
        .map(|m| {
            slots += 1 + i32::from(m.skipped_before > 0);
            (slots - 1) * (BAR + BAR_GAP)
        })
        .collect();
    let width = slots * (BAR + BAR_GAP);
    let height = CHART_H + 14;
    let charts = series(months, fmt, lang).into_iter().map(|s| {
        let max = history::scale_max(s.values.iter().map(|(_, v, _)| *v));
        let peak = s.values.iter().max_by_key(|(_, v, _)| *v).map(|(_, _, t)| t.clone()).unwrap_or_default();
        let gaps = months.iter().zip(&xs).filter(|(m, _)| m.skipped_before > 0).map(|(m, x)| {
            let tip = match lang {
                Lang::Ja => format!("報告のない {} か月を省略", m.skipped_before),
                Lang::En => format!("{} months without reports left out", m.skipped_before),
            };
            let x = x - (BAR + BAR_GAP) + BAR / 2;
            html! {
                <g class="hk-history__bar-gap" data-skipped={m.skipped_before.to_string()}>
                    <title>{ tip }</title>
                    <text class="hk-history__axis" x={x.to_string()} y={(CHART_H - 2).to_string()} text-anchor="middle">{ "≈" }</text>
                </g>
            }
        });
        let bars = s.values.iter().zip(&xs).map(|((m, v, text), x)| {
            let h = if *v > 0 { ((*v * CHART_H as i64) / max).max(2) as i32 } else { 0 };
            let x = *x;
            let tip = format!("{} {}{}", fmt.year_month(m.year, m.month), s.name, tr(lang, "：", ": ")) + text;
            html! {
                <g class="hk-history__bar" data-month={format!("{}-{:02}", m.year, m.month)}>
                    <title>{ tip }</title>
                    // A full-height transparent target so thin and empty months have a tooltip too.
                    <rect class="hk-history__bar-hit" x={x.to_string()} y="0" width={BAR.to_string()} height={CHART_H.to_string()} />
                    <rect class="hk-history__bar-value" x={x.to_string()} y={(CHART_H - h).to_string()}
                        width={BAR.to_string()} height={h.to_string()} />
                </g>
            }
        });
        let first = months.first().map(|m| fmt.year_month(m.year, m.month)).unwrap_or_default();
        let last = months.last().map(|m| fmt.year_month(m.year, m.month)).unwrap_or_default();
        let aria = match lang {
            Lang::Ja => format!("{}の月別グラフ（{first}～{last}、最大 {peak}）", s.name),
            Lang::En => format!("{} per month ({first} – {last}, highest {peak})", s.name),
        };
        html! {
            <figure class={classes!("hk-history__chart", format!("hk-history__chart--{}", s.class))}>
                <figcaption class="hk-history__chart-name">
                    { s.name }
                    <span class="hk-history__chart-peak">{ format!("{}{peak}", tr(lang, "　最大 ", " — highest ")) }</span>
                </figcaption>
                <svg class="hk-history__chart-svg" role="img" aria-label={aria}
                    viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                    preserveAspectRatio="xMinYMin meet">
                    <line class="hk-history__baseline" x1="0" y1={CHART_H.to_string()} x2={width.to_string()} y2={CHART_H.to_string()} />
                    { for bars }
                    { for gaps }
                    <text class="hk-history__axis" x="0" y={(height - 2).to_string()}>{ first }</text>
                    <text class="hk-history__axis" x={width.to_string()} y={(height - 2).to_string()} text-anchor="end">{ last }</text>
                </svg>
            </figure>
        }
    });
    html! { <div class="hk-history__charts" data-testid="history-charts">{ for charts }</div> }
}

/// The charts' numbers as a table, for screen readers and print. Quiet months are left out.
fn table(months: &[MonthStats], fmt: &Fmt, lang: Lang) -> Html {
    let [count, outage, mttr] = series(months, fmt, lang);
    let rows = months.iter().enumerate().filter(|(_, m)| m.incidents > 0 || m.maintenance > 0).map(|(i, m)| {
        let text = |s: &Series, i: usize| s.values.get(i).map(|(_, _, t)| t.clone()).unwrap_or_default();
        html! {
            <tr data-month={format!("{}-{:02}", m.year, m.month)}>
                <th scope="row">{ fmt.year_month(m.year, m.month) }</th>
                <td>{ text(&count, i) }</td>
                <td>{ text(&outage, i) }</td>
                <td>{ text(&mttr, i) }</td>
                <td>{ if m.maintenance > 0 { m.maintenance.to_string() } else { String::new() } }</td>
            </tr>
        }
    });
    html! {
        <div class="hk-history__table-wrap" tabindex="0" role="region"
            aria-label={tr(lang, "月別の数値", "Monthly figures")}>
            <table class="hk-history__table" data-testid="history-table">
                <caption>{ tr(lang, "月別の件数・停止時間・平均復旧時間（メンテナンスは件数に含めず別記）", "Incidents, outage time and mean time to recovery per month (maintenance counted apart)") }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ tr(lang, "月", "Month") }</th>
                        <th scope="col">{ count.name }</th>
                        <th scope="col">{ outage.name }</th>
                        <th scope="col">{ mttr.name }</th>
                        <th scope="col">{ tr(lang, "メンテナンス", "Maintenance") }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
