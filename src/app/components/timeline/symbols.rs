//! The events on the chart: a marker per event (its shape per kind, span or whisker, and its
//! accessible name, made once per event), a cluster card where markers would crowd, the
//! markers' labels; and the layer shift that lets a pan step move them all at once.

use std::cell::RefCell;
use std::collections::HashMap;

use yew::prelude::*;

use super::chart::{actor_of, f, push_coord, ChartState};
use crate::compose::layout::chart::{ChartLayout, Cluster, Marker, Symbol, CLUSTER_PX};
use crate::model::timefmt::Fmt;
use crate::model::{Approx, EventKind, Lang, Report};

/// Marker outline per kind, centred on (0, 0): the shape carries the kind without colour.
pub fn shape(kind: EventKind) -> &'static str {
    match kind {
        // ▲ something broke
        EventKind::Occurrence => "M0 -6.5L6.2 5H-6.2Z",
        // ◆ noticed
        EventKind::Detection => "M0 -7L7 0L0 7L-7 0Z",
        // ● work done
        EventKind::Action => "M-5.5 0a5.5 5.5 0 1 0 11 0a5.5 5.5 0 1 0-11 0Z",
        // ■ told someone
        EventKind::Notice => "M-5 -5H5V5H-5Z",
        // ▶ announced a time
        EventKind::Eta => "M-5 -6L6.5 0L-5 6Z",
        // ★ recovered
        EventKind::Recovery => {
            "M0 -7.5L1.8 -2.5L7.1 -2.3L2.9 1L4.4 6.1L0 3.1L-4.4 6.1L-2.9 1L-7.1 -2.3L-1.8 -2.5Z"
        }
        // ▯ a report (a page with a folded corner)
        EventKind::Report => "M-5 -6.5H2L5 -3.5V6.5H-5Z",
    }
}

/// The same outline as [`shape`] drawn at (x, y) by its path alone, its first point absolute
/// and the rest relative: a zoom step rewrites one `d` per marker, where a `transform` per
/// marker costs Chromium several times more style work (issue 15).
fn shape_at(kind: EventKind, x: f64, y: f64) -> String {
    let ((dx, dy), rest) = match kind {
        EventKind::Occurrence => ((0.0, -6.5), "l6.2 11.5h-12.4z"),
        EventKind::Detection => ((0.0, -7.0), "l7 7l-7 7l-7 -7z"),
        EventKind::Action => ((-5.5, 0.0), "a5.5 5.5 0 1 0 11 0a5.5 5.5 0 1 0-11 0z"),
        EventKind::Notice => ((-5.0, -5.0), "h10v10h-10z"),
        EventKind::Eta => ((-5.0, -6.0), "l11.5 6l-11.5 6z"),
        EventKind::Recovery => (
            (0.0, -7.5),
            "l1.8 5l5.3 0.2l-4.2 3.3l1.5 5.1l-4.4 -3l-4.4 3l1.5 -5.1l-4.2 -3.3l5.3 -0.2z",
        ),
        EventKind::Report => ((-5.0, -6.5), "h7l3 3v10h-10z"),
    };
    let mut d = String::with_capacity(rest.len() + 16);
    d.push('M');
    push_coord(&mut d, x + dx);
    d.push(' ');
    push_coord(&mut d, y + dy);
    d.push_str(rest);
    d
}

/// Symbols are drawn at `x + shift`, where `x + shift` does not depend on the window's
/// position, only on the zoom: `x = x0 + (world − from) · zoom`, so `shift = from · zoom − origin`
/// gives `x0 + world · zoom − origin`. The origin moves in steps of 4,096 px so the numbers
/// stay small (SVG coordinates are single precision) at any zoom.
pub fn layer_shift(layout: &ChartLayout) -> f64 {
    const STEP: f64 = 4096.0;
    let Some(v) = &layout.view else { return 0.0 };
    let from = v.from * v.zoom();
    if !from.is_finite() {
        return 0.0;
    }
    from - (from / STEP).floor() * STEP
}

/// Markers' accessible names, each made once per report and language: a zoom or pan step
/// would otherwise write out the time, actor and text of every marker again only to find the
/// same words.
#[derive(Default)]
pub struct Names(RefCell<HashMap<usize, AttrValue>>);

impl Names {
    pub fn of(&self, report: &Report, fmt: &Fmt, lang: Lang, event: usize) -> AttrValue {
        self.0
            .borrow_mut()
            .entry(event)
            .or_insert_with(|| AttrValue::from(event_name(report, fmt, lang, event)))
            .clone()
    }
}

pub(super) fn symbol(s: &Symbol, layout: &ChartLayout, st: &ChartState<'_>) -> Html {
    match s {
        Symbol::Marker(m) => marker(m, actor_of(layout, m.lane), st, false),
        Symbol::Cluster(c) => cluster(c, actor_of(layout, c.lane), st),
    }
}

/// An accessible name: time, actor, kind and text.
pub fn event_name(report: &Report, fmt: &Fmt, lang: Lang, event: usize) -> String {
    let Some(e) = report.timeline.get(event) else {
        return String::new();
    };
    let actor = report.actor(e.actor).map(|a| a.name.as_str()).unwrap_or("");
    // The other party's local time too: 「15時頃（現地時間7月2日23時頃）」.
    let local = e
        .local_offset
        .and_then(|o| fmt.local_time(&e.time, o))
        .unwrap_or_default();
    format!(
        "{}{local} {actor} {} {}",
        fmt.event_time(e),
        e.kind.label(lang),
        crate::model::safe::one_line(&e.text.plain())
    )
}

pub(super) fn marker(m: &Marker, actor: usize, st: &ChartState<'_>, overlay: bool) -> Html {
    let selected = st.selected_event == Some(m.event);
    let class = classes!(
        "hk-timeline__marker",
        format!("hk-timeline__marker--{}", m.kind.code()),
        match m.approx {
            Approx::Exact => None,
            Approx::About => Some("hk-timeline__marker--about"),
            Approx::After => Some("hk-timeline__marker--after"),
            Approx::Until => Some("hk-timeline__marker--until"),
            Approx::Before => Some("hk-timeline__marker--before"),
            Approx::AsOf => Some("hk-timeline__marker--as-of"),
        },
        m.span.is_some().then_some("hk-timeline__marker--span"),
        selected.then_some("is-selected"),
        (st.hovered == Some(m.event)).then_some("is-hovered"),
    );
    let tabindex = if st.tab_stop == Some(m.event) || (overlay && selected) {
        "0"
    } else {
        "-1"
    };
    // In the symbols' layer (see `ChartState::shift`).
    let (x, y) = (m.x + st.shift, m.y);
    let whisker = m.whisker.map(|(a, b)| {
        let (a, b) = (a + st.shift, b + st.shift);
        let d = match m.approx {
            // 過ぎ: open to the right, an arrow.
            Approx::After => format!(
                "M{} {}H{}M{} {}l4 3l-4 3",
                f(a),
                f(y),
                f(b),
                f(b - 4.0),
                f(y - 3.0)
            ),
            // まで and 前: bounded on the right, open to the left.
            Approx::Until | Approx::Before => format!(
                "M{} {}H{}M{} {}l-4 3l4 3",
                f(a),
                f(y),
                f(b),
                f(a + 4.0),
                f(y - 3.0)
            ),
            // 頃: an interval with caps.
            _ => format!(
                "M{} {}v6M{} {}H{}M{} {}v6",
                f(a),
                f(y - 3.0),
                f(a),
                f(y),
                f(b),
                f(b),
                f(y - 3.0)
            ),
        };
        html! { <path class="hk-timeline__whisker" d={d} /> }
    });
    let span = m.span.map(|(a, b)| {
        html! {
            <rect class="hk-timeline__span" x={f(a + st.shift)} y={f(y - 4.0)} width={f((b - a).max(2.0))}
                height="8" rx="4" />
        }
    });
    html! {
        <g key={format!("e{}", m.event)} class={class} data-event={m.event.to_string()} data-actor={actor.to_string()} role="button" tabindex={tabindex}
            aria-pressed={if selected { "true" } else { "false" }}
            aria-label={st.names.of(st.report, st.fmt, st.lang, m.event)}>
            { for span }
            { for whisker }
            <path class="hk-timeline__shape" d={shape_at(m.kind, x, y)} />
        </g>
    }
}

pub(super) fn label(m: &Marker, st: &ChartState<'_>) -> Option<Html> {
    let l = m.label.as_ref()?;
    let class = classes!(
        "hk-timeline__label",
        (st.selected_event == Some(m.event)).then_some("is-selected"),
        (st.hovered == Some(m.event)).then_some("is-hovered"),
    );
    Some(html! {
        <text key={m.event} class={class} x={f(l.x + st.shift)} y={f(l.y)} data-label-event={m.event.to_string()}>
            { l.text.clone() }
        </text>
    })
}

fn cluster(c: &Cluster, actor: usize, st: &ChartState<'_>) -> Html {
    let n = c.events.len();
    let holds = |e: Option<usize>| e.is_some_and(|e| c.events.contains(&e));
    let class = classes!(
        "hk-timeline__cluster",
        holds(st.selected_event).then_some("is-selected"),
        holds(st.hovered).then_some("is-hovered"),
    );
    let label = match st.lang {
        Lang::Ja => format!("{n}件の出来事(クリックで拡大)"),
        Lang::En => format!("{n} events (click to zoom in)"),
    };
    let count = if n >= 1000 {
        format!("{}k", n / 1000)
    } else {
        n.to_string()
    };
    // Wide enough for the count; three digits stay within the cluster spacing.
    const STACK: f64 = 2.5;
    let digits = count.chars().count() as f64;
    let w = (digits * 5.8 + 6.0).max(13.0).min(CLUSTER_PX - STACK);
    let h = 13.0;
    let (cx, cy) = (c.x + st.shift, c.y);
    let (x, y) = (cx - w / 2.0, cy - h / 2.0);
    // `data-cluster` is the first event it holds: clicking zooms to that cluster.
    let first = c.events.first().copied().unwrap_or(usize::MAX);
    html! {
        <g key={format!("c{first}")} class={class} data-cluster={first.to_string()}
            data-count={n.to_string()} data-actor={actor.to_string()}
            role="button" tabindex="-1" aria-label={label}>
            // A stack of two cards, not a circle: a circled number reads as phase ①②③.
            <rect class="hk-timeline__cluster-back" x={f(x + STACK)} y={f(y - STACK)}
                width={f(w)} height={f(h)} rx="2" />
            <rect class="hk-timeline__cluster-card" x={f(x)} y={f(y)} width={f(w)} height={f(h)} rx="2" />
            <text x={f(cx)} y={f(cy + 3.5)} text-anchor="middle">{ count }</text>
        </g>
    }
}
