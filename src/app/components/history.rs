//! The history view of a document with many reports: an overview (a calendar strip of the days
//! with incidents, per-month charts and the same numbers as a table), filters, and the reports
//! newest first, grouped by year and month, each opening its timeline / table / letter.
//!
//! Here: the view and its list; `filters`, `calendar` and `charts` (with the table) are the
//! other parts.
//!
//! Everything counted comes from `crate::compose::history`; every date and length is worded by
//! `crate::model::timefmt`. Levels are a symbol first and a colour second, in the charts as in the
//! list, so the page reads in black and white and without colour vision.

use std::rc::Rc;

use chrono::{Offset, Utc};
use yew::prelude::*;

use crate::compose::history::{self, Entry, Filter};
use crate::compose::impact::join_names;
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::{Document, ImpactLevel, Lang, Report};

mod broken;
mod calendar;
mod charts;
mod filters;
mod month_grid;
mod pager;

use pager::Pager;
pub use pager::PAGE_SIZE;

use filters::Filters;

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
    /// Reports drawn per page of the list; `None` draws them all (the static site, which has no
    /// script to turn pages).
    #[prop_or(Some(PAGE_SIZE))]
    pub page_size: Option<usize>,
    /// The report opened last (its index in `document.reports`): the list comes back at the
    /// page that holds it.
    #[prop_or_default]
    pub current: Option<usize>,
}

fn fmt_for(report: &Report, lang: Lang) -> Fmt {
    Fmt::of_report(report, lang)
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
    // The page chosen by the reader; `None` until then: the page of the current report.
    let page = use_state(|| None::<usize>);
    let list_ref = use_node_ref();
    // Set by the pager only, so typing a search does not move the focus to the list.
    let focus_list = use_mut_ref(|| false);
    {
        // Another document: the old filters (a year, a service) may mean nothing in it.
        let (filter, page) = (filter.clone(), page.clone());
        use_effect_with(props.document.clone(), move |_| {
            if !filter.is_empty() {
                filter.set(Filter::default());
            }
            if page.is_some() {
                page.set(None);
            }
        });
    }
    {
        let (list_ref, focus_list) = (list_ref.clone(), focus_list.clone());
        use_effect_with(*page, move |_| {
            if std::mem::take(&mut *focus_list.borrow_mut()) {
                if let Some(el) = list_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    // Computed once per document; filtering only picks among them.
    let all = use_memo(props.document.clone(), |doc| history::entries(doc));
    let shown: Vec<&Entry> = history::filtered(doc, &all, &filter);
    let fmt = fmt_for_doc(doc, lang);
    let size = props.page_size.unwrap_or(usize::MAX).max(1);
    let last_page = pager::pages(shown.len(), size) - 1;
    let current_page = page
        .or_else(|| {
            let at = props.current?;
            shown
                .iter()
                .position(|e| e.index == at)
                .map(|p| pager::page_of(p, size))
        })
        .unwrap_or(0)
        .min(last_page);
    let from = (current_page * size).min(shown.len());
    let on_page = &shown[from..(from.saturating_add(size)).min(shown.len())];

    let mut count_text = match lang {
        Lang::Ja if filter.is_empty() => format!("{}件", all.len()),
        Lang::Ja => format!("{}件中 {}件が該当", all.len(), shown.len()),
        Lang::En if filter.is_empty() => format!("{} reports", all.len()),
        Lang::En => format!("{} of {} reports match", shown.len(), all.len()),
    };
    if last_page > 0 {
        count_text += &match lang {
            Lang::Ja => format!(
                "（{}を表示）",
                pager::range_text(current_page, size, shown.len(), lang)
            ),
            Lang::En => format!(
                " (showing {})",
                pager::range_text(current_page, size, shown.len(), lang)
            ),
        };
    }
    let onpage = {
        let (page, focus_list) = (page.clone(), focus_list.clone());
        Callback::from(move |p: usize| {
            *focus_list.borrow_mut() = true;
            page.set(Some(p));
        })
    };
    let pager = |place: &'static str| {
        html! { <Pager page={current_page} {size} len={shown.len()} {lang} onpage={onpage.clone()} {place} /> }
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
                onchange={Callback::from({
                    let (filter, page) = (filter.clone(), page.clone());
                    // Other filters, other matches: back to their first page.
                    move |f| { filter.set(f); page.set(Some(0)); }
                })} />
            { broken::broken_list(&doc.broken, lang) }
            { overview(doc, &shown, &fmt, lang) }
            { pager("top") }
            <div class="hk-history__list-frame" ref={list_ref} tabindex="-1" data-testid="history-list"
                aria-label={tr(lang, "報告の一覧", "List of reports")}>
                { list(doc, on_page, &fmt, lang, &props.onopen, props.links.as_deref()) }
            </div>
            { pager("bottom") }
        </section>
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
    // Months, or quarters or years for a long history: a readable number of bars.
    let months = history::figures(doc, shown, history::Span::for_entries(shown));
    html! {
        <section class="hk-history__overview" aria-label={tr(lang, "概要", "Overview")}>
            { calendar::calendar(doc, &days, fmt, lang) }
            { charts::charts(&months, fmt, lang) }
            { charts::table(&months, fmt, lang) }
        </section>
    }
}
