//! The SVG chart, drawn from a [`ChartLayout`]: nothing here decides a position. Interaction is
//! delegated: every clickable thing carries `data-event`, `data-cluster` or `data-phase`, and the
//! timeline component reads those from the event target (one listener, not one per marker).

use yew::prelude::*;

use super::symbols::{label, marker, symbol, Names};

use crate::compose::layout::chart::{
    BreakMark, ChartLayout, EtaLine, MarkKind, Marker, Symbol, AXIS_H,
};
use crate::compose::layout::text;
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::{Lang, Report};

/// What the chart shows besides the layout: selection and hover, for highlighting.
pub struct ChartState<'a> {
    pub report: &'a Report,
    pub fmt: &'a Fmt,
    pub lang: Lang,
    pub selected_event: Option<usize>,
    pub selected_phase: Option<usize>,
    pub hovered: Option<usize>,
    /// The one marker in the tab order (roving tabindex).
    pub tab_stop: Option<usize>,
    /// The selected event's marker when a cluster holds it ([`ChartLayout::overlay`]).
    pub overlay: Option<&'a Marker>,
    pub names: &'a Names,
    /// Added to every symbol's x, and taken off again by one `transform` on the layers that
    /// hold them ([`layer_shift`]): a pan step then moves one layer, and the symbols that stay
    /// in the window keep every attribute (issue 15).
    pub shift: f64,
}

/// A coordinate with one decimal (finer than a pixel, and keeps the DOM small), as `{:.1}`
/// writes it. By hand: a zoom step writes some two thousand of these, and the float formatting
/// machinery is slow in the wasm build.
pub(super) fn f(x: f64) -> String {
    let mut s = String::with_capacity(8);
    push_coord(&mut s, x);
    s
}

pub(super) fn push_coord(s: &mut String, x: f64) {
    let tenths = if x.is_finite() {
        (x * 10.0).round().clamp(-1e15, 1e15) as i64
    } else {
        0
    };
    if tenths < 0 {
        s.push('-');
    }
    let t = tenths.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut n = t / 10;
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in digits[..len].iter().rev() {
        s.push(char::from(d));
    }
    s.push('.');
    s.push(char::from(b'0' + (t % 10) as u8));
}

/// `translate(x y)`, for the layers that hold the symbols ([`layer_shift`]).
fn translate(x: f64, y: f64) -> String {
    let mut s = String::with_capacity(24);
    s.push_str("translate(");
    push_coord(&mut s, x);
    s.push(' ');
    push_coord(&mut s, y);
    s.push(')');
    s
}

/// The whole `<svg>`'s content, back to front.
pub fn draw(layout: &ChartLayout, st: &ChartState<'_>) -> Html {
    let layer = translate(-st.shift, 0.0);
    html! {
        <>
            { lanes(layout, st) }
            { bands(layout, st) }
            { grid(layout) }
            { breaks(layout) }
            { axis(layout) }
            { marks(layout, st.lang) }
            { etas(layout, st) }
            // Markers keyed by their event and clusters by the first event they hold, so a
            // symbol that stays in the window keeps its node (and the focus).
            <g class="hk-timeline__events" transform={layer.clone()}>
                { for layout.symbols.iter().map(|s| symbol(s, layout, st)) }
            </g>
            // Labels apart from their markers: a marker's accessible name is the whole event,
            // which a shortened label ("交換部…") is not a part of.
            <g class="hk-timeline__labels" aria-hidden="true" transform={layer.clone()}>
                { for layout.singles().filter_map(|m| label(m, st)) }
            </g>
            // Always there (empty without a selection) so the groups before it keep their
            // DOM nodes, and the focus, from one render to the next.
            <g class="hk-timeline__overlay" transform={layer}>
                { for st.overlay.map(|m| marker(m, actor_of(layout, m.lane), st, true)) }
            </g>
            { tooltip(layout, st) }
        </>
    }
}

fn lanes(layout: &ChartLayout, st: &ChartState<'_>) -> Html {
    let rows = layout.lanes.iter().enumerate().map(|(i, lane)| {
        let class = classes!("hk-timeline__lane", (i % 2 == 1).then_some("hk-timeline__lane--alt"));
        html! {
            <g class={class} data-lane={lane.actor.to_string()}>
                <rect x="0" y={f(lane.top)} width={f(layout.width)} height={f(crate::compose::layout::chart::LANE_H)} />
                <text class="hk-timeline__lane-name" x="8" y={f(lane.mid + 4.0)}>
                    <title>{ lane.full_name.clone() }</title>
                    { lane.name.clone() }
                </text>
            </g>
        }
    });
    let eta_label = (layout.eta_rows > 0).then(|| {
        html! {
            <text class="hk-timeline__lane-name hk-timeline__lane-name--eta" x="8"
                y={f(layout.eta_top + 13.0)}>
                { tr(st.lang, "復旧見込み", "Announced ETA") }
            </text>
        }
    });
    html! {
        <g class="hk-timeline__lanes">
            { for rows }
            { for eta_label }
        </g>
    }
}

fn bands(layout: &ChartLayout, st: &ChartState<'_>) -> Html {
    let top = layout.band_top;
    let height = layout.lanes_bottom - top;
    let items = layout.bands.iter().map(|b| {
        let selected = st.selected_phase == Some(b.phase);
        let class = classes!(
            "hk-timeline__band",
            format!("hk-timeline__band--{}", b.phase % 3),
            selected.then_some("is-selected"),
            b.open_end.then_some("hk-timeline__band--open"),
        );
        // The name holds the visible label word for word (voice control users say what they
        // see), then the period in full when the label had to shorten it.
        let zoom = tr(st.lang, "(この期間を拡大)", "(zoom to this phase)");
        let name = if b.title.contains(b.label.as_str()) {
            format!("{} {zoom}", b.title)
        } else {
            format!("{}: {} {zoom}", b.label, b.title)
        };
        html! {
            <g class={class} data-phase={b.phase.to_string()} role="button" tabindex="0"
                aria-pressed={if selected { "true" } else { "false" }}
                aria-label={name}>
                <rect x={f(b.x0)} y={f(top)} width={f((b.x1 - b.x0).max(1.0))} height={f(height)} />
                <text x={f(b.x0 + 4.0)} y={f(top + 15.0)}>{ b.label.clone() }</text>
            </g>
        }
    });
    html! { <g class="hk-timeline__bands">{ for items }</g> }
}

fn grid(layout: &ChartLayout) -> Html {
    let bottom = layout.lanes_bottom;
    let mut days = String::new();
    for t in &layout.axis.days {
        days.push_str(&format!("M{} {}V{}", f(t.x), f(AXIS_H - 8.0), f(bottom)));
    }
    let mut times = String::new();
    for t in &layout.axis.times {
        times.push_str(&format!("M{} {}V{}", f(t.x), f(AXIS_H - 4.0), f(bottom)));
    }
    html! {
        <g class="hk-timeline__grid" aria-hidden="true">
            <path class="hk-timeline__grid-times" d={times} />
            <path class="hk-timeline__grid-days" d={days} />
            <path class="hk-timeline__axis-line"
                d={format!("M{} {}H{}", f(layout.plot.0), f(AXIS_H), f(layout.plot.1))} />
        </g>
    }
}

fn axis(layout: &ChartLayout) -> Html {
    let days = layout.axis.days.iter().map(|t| {
        html! { <text class="hk-timeline__day" x={f(t.label_x)} y="14">{ t.label.clone() }</text> }
    });
    let times = layout.axis.times.iter().map(|t| {
        html! {
            <text class="hk-timeline__time" x={f(t.label_x)} y={f(AXIS_H - 8.0)} text-anchor="middle">
                { t.label.clone() }
            </text>
        }
    });
    html! { <g class="hk-timeline__axis">{ for days }{ for times }</g> }
}

fn breaks(layout: &ChartLayout) -> Html {
    let top = AXIS_H;
    let bottom = layout.lanes_bottom;
    let items = layout.breaks.iter().map(|b: &BreakMark| {
        // Two zigzag edges: the universal sign for "axis cut here".
        let zig = |x: f64| {
            let mut d = format!("M{} {}", f(x), f(top));
            let mut y = top;
            let mut left = true;
            while y < bottom {
                y = (y + 6.0).min(bottom);
                d.push_str(&format!("L{} {}", f(if left { x - 3.0 } else { x + 3.0 }), f(y)));
                left = !left;
            }
            d
        };
        let mid = (b.x0 + b.x1) / 2.0;
        html! {
            <g class="hk-timeline__break" data-break={b.minutes.to_string()}>
                <rect x={f(b.x0)} y={f(top)} width={f((b.x1 - b.x0).max(1.0))} height={f(bottom - top)} />
                <path d={format!("{}{}", zig(b.x0), zig(b.x1))} />
                <title>{ b.label.clone() }</title>
                if b.label_shown {
                    <text x={f(mid)} y={f(AXIS_H - 8.0)} text-anchor="middle">{ b.label.clone() }</text>
                }
            </g>
        }
    });
    html! { <g class="hk-timeline__breaks">{ for items }</g> }
}

fn marks(layout: &ChartLayout, lang: Lang) -> Html {
    let top = layout.band_top;
    let bottom = layout.lanes_bottom;
    let items = layout.marks.iter().map(|m| {
        let (code, text) = match m.kind {
            MarkKind::Start => ("start", tr(lang, "発生", "Start")),
            MarkKind::Recovery => ("recovery", tr(lang, "復旧", "Recovered")),
            MarkKind::Ongoing => ("ongoing", tr(lang, "継続中 →", "Ongoing →")),
        };
        let anchor = match m.kind {
            MarkKind::Start => "start",
            _ => "end",
        };
        html! {
            <g class={classes!("hk-timeline__mark", format!("hk-timeline__mark--{code}"))}>
                <path d={format!("M{} {}V{}", f(m.x), f(top), f(bottom + 4.0))} />
                <text x={f(m.x)} y={f(bottom + 16.0)} text-anchor={anchor}>{ text }</text>
            </g>
        }
    });
    html! { <g class="hk-timeline__marks">{ for items }</g> }
}

fn etas(layout: &ChartLayout, st: &ChartState<'_>) -> Html {
    let items = layout.etas.iter().map(|e: &EtaLine| {
        let y = e.y;
        let end = if e.end_clipped {
            String::new()
        } else {
            format!("M{} {}l4 4l-4 4l-4 -4Z", f(e.x1), f(y - 4.0))
        };
        let start = if e.start_clipped {
            String::new()
        } else {
            format!("M{} {}v6", f(e.x0), f(y - 3.0))
        };
        let class = classes!(
            "hk-timeline__eta",
            (st.hovered == Some(e.event) || st.selected_event == Some(e.event)).then_some("is-hovered")
        );
        html! {
            <g class={class} data-eta={e.event.to_string()}>
                <path class="hk-timeline__eta-line" d={format!("M{} {}H{}", f(e.x0), f(y), f(e.x1))} />
                <path class="hk-timeline__eta-ends" d={format!("{start}{end}")} />
                if let Some(label) = &e.label {
                    <text x={f(e.x1 + 7.0)} y={f(y + 4.0)}>{ label.clone() }</text>
                }
            </g>
        }
    });
    html! { <g class="hk-timeline__etas">{ for items }</g> }
}

/// The actor of a lane row (for `data-actor`, which tests and host pages can select on).
pub(super) fn actor_of(layout: &ChartLayout, lane: usize) -> usize {
    layout
        .lanes
        .get(lane)
        .map(|l| l.actor)
        .unwrap_or(usize::MAX)
}

/// The hovered (or focused) event in full, drawn in the SVG itself: positioned by attributes,
/// not inline styles, so a strict Content-Security-Policy allows it.
fn tooltip(layout: &ChartLayout, st: &ChartState<'_>) -> Html {
    const WIDTH: f64 = 280.0;
    const FONT: f64 = 11.5;
    const LINE: f64 = 16.0;
    let Some((m, e)) = st.hovered.and_then(|i| match layout.symbol_of(i)? {
        Symbol::Marker(m) => Some((m, st.report.timeline.get(i)?)),
        Symbol::Cluster(_) => None,
    }) else {
        return html! { <g class="hk-timeline__tooltip" aria-hidden="true" /> };
    };
    let actor = st
        .report
        .actor(e.actor)
        .map(|a| a.name.as_str())
        .unwrap_or("");
    let mut head = st.fmt.event_time(e);
    if let Some(local) = e.local_offset.and_then(|o| st.fmt.local_time(&e.time, o)) {
        head.push_str(&local);
    }
    let mut lines = text::wrap(&head, WIDTH - 16.0, FONT, 2);
    let head_lines = lines.len();
    lines.extend(text::wrap(
        &format!("{actor}: {}", e.text.plain()),
        WIDTH - 16.0,
        FONT,
        4,
    ));
    let height = lines.len() as f64 * LINE + 10.0;
    let x = (m.x + 10.0).min(layout.width - WIDTH - 2.0).max(2.0);
    // Below the marker when there is room, else above it.
    let y = if m.y + 14.0 + height <= layout.height {
        m.y + 14.0
    } else {
        (m.y - 14.0 - height).max(0.0)
    };
    let rows = lines.into_iter().enumerate().map(|(n, line)| {
        let class = (n < head_lines).then_some("hk-timeline__tooltip-head");
        html! {
            <text class={classes!(class)} x={f(x + 8.0)} y={f(y + 18.0 + n as f64 * LINE)}>{ line }</text>
        }
    });
    html! {
        <g class="hk-timeline__tooltip" aria-hidden="true">
            <rect x={f(x)} y={f(y)} width={f(WIDTH)} height={f(height)} rx="6" />
            { for rows }
        </g>
    }
}
