//! The accessible twin of the chart: every shown event in order, grouped by day
//! (■2009年7月3日(金)) and events of unknown time last under ■時刻不明, each with its time as the letter writes it, actor, kind, text and quoted
//! notice. Long lists are shown a page at a time so 10,000 events never become 10,000 rows.

use std::rc::Rc;

use yew::prelude::*;

use super::{kind_icon, ByPtr};
use crate::app::components::rich_text::rich_phrasing;
use crate::app::components::typeset::typeset;
use crate::compose::layout::{day_groups, Filter, Prepared};
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::{Lang, Report};

/// Rows shown at first and added by "show more".
pub const PAGE: usize = 100;

#[derive(Properties, PartialEq)]
pub struct EventListProps {
    pub report: ByPtr<Report>,
    pub prepared: ByPtr<Prepared>,
    pub fmt: Fmt,
    pub lang: Lang,
    pub filter: Rc<Filter>,
    pub selected: Option<usize>,
    pub hovered: Option<usize>,
    /// How many rows to show.
    pub limit: usize,
    pub onmore: Callback<()>,
}

#[function_component]
pub fn EventList(props: &EventListProps) -> Html {
    let report = &props.report.0;
    let prepared = &props.prepared.0;
    let fmt = &props.fmt;
    let lang = props.lang;
    let filter = &props.filter;

    let shown_total = prepared
        .order
        .iter()
        .filter(|&&i| prepared.shows(report, filter, i))
        .count();
    // The selected event is always listed, even far down a long list: as one row apart after
    // the page, not by growing the page to it (selecting event 9,000 of 10,000 rendered 9,000
    // rows, about a second; issue 15).
    let limit = props.limit;
    let mut taken = 0usize;
    let mut apart = None;
    let groups = day_groups(report, prepared, fmt, |i| {
        if !prepared.shows(report, filter, i) {
            false
        } else if taken < limit {
            taken += 1;
            true
        } else if props.selected == Some(i) {
            apart = Some(i);
            true
        } else {
            false
        }
    });

    let rows = groups.iter().map(|g| {
        let heading = match g.day {
            Some(d) => format!("■{}", fmt.date(d)),
            None => format!("■{}", tr(lang, "時刻不明", "Time unknown")),
        };
        let items = g
            .events
            .iter()
            .map(|&i| row(report, fmt, lang, i, props, apart == Some(i)));
        html! {
            <li key={heading.clone()} class="hk-timeline__day-group">
                <h3 class="hk-timeline__day-heading">{ heading }</h3>
                <ol class="hk-timeline__entries">{ for items }</ol>
            </li>
        }
    });
    let more = (taken < shown_total).then(|| {
        let onmore = props.onmore.clone();
        let rest = shown_total - taken;
        html! {
            <button type="button" class="hk-timeline__more" data-testid="list-more"
                onclick={Callback::from(move |_| onmore.emit(()))}>
                { match lang {
                    Lang::Ja => format!("さらに表示(残り{rest}件)"),
                    Lang::En => format!("Show more ({rest} left)"),
                } }
            </button>
        }
    });
    let hidden = report.timeline.len() - shown_total;
    html! {
        <section class="hk-timeline__list" aria-label={tr(lang, "経緯(一覧)", "Timeline (list)")}
            data-testid="event-list">
            <h2 class="hk-timeline__list-title">
                { tr(lang, "経緯", "Timeline") }
                <span class="hk-timeline__list-count">
                    { match lang {
                        Lang::Ja => format!("{shown_total}件"),
                        Lang::En => format!("{shown_total} events"),
                    } }
                    if hidden > 0 {
                        { match lang {
                            Lang::Ja => format!("(絞り込みで{hidden}件を非表示)"),
                            Lang::En => format!(" ({hidden} hidden by the filter)"),
                        } }
                    }
                </span>
            </h2>
            if shown_total == 0 {
                <p class="hk-timeline__empty">
                    { tr(lang, "表示する出来事がありません。", "No events to show.") }
                </p>
            }
            <ol class="hk-timeline__days">{ for rows }</ol>
            { for more }
        </section>
    }
}

/// `apart`: the selected row listed after the page, with the rows between it and the page left
/// out (marked so a reader sees the gap).
fn row(
    report: &Report,
    fmt: &Fmt,
    lang: Lang,
    i: usize,
    props: &EventListProps,
    apart: bool,
) -> Html {
    let Some(e) = report.timeline.get(i) else {
        return Html::default();
    };
    let selected = props.selected == Some(i);
    let time = {
        let t = fmt.event_time_cell(e);
        match e.local_offset.and_then(|o| fmt.local_time(&e.time, o)) {
            Some(local) => format!("{t}{local}"),
            None => t,
        }
    };
    let actor = report
        .actor(e.actor)
        .map(|a| a.name.clone())
        .unwrap_or_default();
    let eta = e.eta.as_ref().map(|t| {
        html! {
            <span class="hk-timeline__entry-eta">
                { tr(lang, "復旧見込み: ", "Announced recovery: ") }{ fmt.time_point(t) }
            </span>
        }
    });
    let quote = e.quote.as_ref().map(|q| {
        html! {
            <blockquote class="hk-timeline__quote">
                if let Some(src) = &q.source {
                    <cite>{ src.clone() }</cite>
                }
                <p>{ q.text.clone() }</p>
            </blockquote>
        }
    });
    let class = classes!(
        "hk-timeline__entry",
        selected.then_some("is-selected"),
        (props.hovered == Some(i)).then_some("is-hovered"),
        apart.then_some("hk-timeline__entry--apart"),
    );
    html! {
        <li key={i} class={class} id={format!("hk-entry-{}", e.id)}>
            <button type="button" class="hk-timeline__entry-button" data-testid="event-item"
                data-event={i.to_string()} data-actor={e.actor.to_string()}
                data-kind={e.kind.code()} aria-pressed={if selected { "true" } else { "false" }}>
                <span class="hk-timeline__entry-time">{ typeset(&time) }</span>
                <span class="hk-timeline__entry-actor">{ actor }</span>
                <span class={classes!("hk-timeline__entry-kind", format!("hk-timeline__entry-kind--{}", e.kind.code()))}>
                    { kind_icon(e.kind) }{ e.kind.label(lang) }
                </span>
                <span class="hk-timeline__entry-text">{ rich_phrasing(&e.text) }</span>
                { for eta }
            </button>
            { for quote }
        </li>
    }
}
