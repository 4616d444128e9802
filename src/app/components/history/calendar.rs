//! The history's calendar: one strip per year, a cell per day, marked days coloured by their worst
//! level with its symbol, quiet weeks drawn as one patterned rectangle. A history over more than
//! three calendar years gets a month grid instead (`month_grid`): fourteen strips of 53 weeks are neither
//! readable nor cheap. A strip keeps its size and scrolls sideways on a narrow screen.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use yew::prelude::*;

use super::{level_code, level_label, level_symbol};
use crate::compose::history::{self, DayMark};
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::{Document, ImpactLevel, Lang};

const CELL: i32 = 12;
const GAP: i32 = 2;
const LEFT: i32 = 26;
const TOP: i32 = 14;

/// One GitHub-style strip per year: a column per week, a row per weekday (Monday on top).
pub(super) fn calendar(
    doc: &Document,
    days: &BTreeMap<NaiveDate, DayMark>,
    fmt: &Fmt,
    lang: Lang,
) -> Html {
    if history::wants_month_grid(days) {
        return figure(super::month_grid::month_grid(days, fmt, lang), true, lang);
    }
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
                <div class="hk-history__strip-scroll" tabindex="0">
                <svg class="hk-history__calendar-svg" role="img" aria-label={label}
                    viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                    preserveAspectRatio="xMinYMin meet">
                    { for months }
                    { for weekdays }
                    { quiet }
                    { for cells }
                </svg>
                </div>
            </div>
        })
    });
    figure(html! { <>{ for strips }</> }, false, lang)
}

/// The calendar's frame: its caption, the strips or the month grid, and the legend.
fn figure(body: Html, by_month: bool, lang: Lang) -> Html {
    let legend = ImpactLevel::ALL.into_iter().filter(|l| *l != ImpactLevel::Operational).map(|l| {
        html! {
            <li class={classes!("hk-history__legend-item", format!("hk-history__legend-item--{}", l.code()))}>
                <span class="hk-history__swatch" aria-hidden="true">{ l.symbol() }</span>
                { l.label(lang) }
            </li>
        }
    });
    let caption = if by_month {
        tr(lang, "障害のあった月（色と記号は、その月の最大の影響。数字は報告の件数）", "Months with incidents (colour and symbol: the worst impact that month; number: reports)")
    } else {
        tr(
            lang,
            "障害のあった日（色と記号は、その日の最大の影響）",
            "Days with incidents (colour and symbol: the worst impact that day)",
        )
    };
    html! {
        <figure class="hk-history__calendar" data-testid="history-calendar" data-by={if by_month { "month" } else { "day" }}>
            <figcaption class="hk-history__caption">{ caption }</figcaption>
            { body }
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
