//! The SVG chart, drawn from a [`ChartLayout`]: nothing here decides a position. Interaction is
//! delegated: every clickable thing carries `data-event`, `data-cluster` or `data-phase`, and the
//! timeline component reads those from the event target (one listener, not one per marker).

use yew::prelude::*;

use crate::compose::layout::chart::{
    BreakMark, ChartLayout, Cluster, EtaLine, MarkKind, Marker, Symbol, AXIS_H, CLUSTER_PX,
};
use crate::compose::layout::text;
use crate::model::i18n::tr;
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
}

fn f(x: f64) -> String {
    // One decimal is finer than a pixel and keeps the DOM small.
    format!("{:.1}", x)
}

/// The whole `<svg>`'s content, back to front.
pub fn draw(layout: &ChartLayout, st: &ChartState<'_>) -> Html {
    html! {
        <>
            { lanes(layout, st) }
            { bands(layout, st) }
            { grid(layout) }
            { breaks(layout) }
            { axis(layout) }
            { marks(layout, st.lang) }
            { etas(layout, st) }
            <g class="hk-timeline__events">
                { for layout.symbols.iter().enumerate().map(|(i, s)| symbol(i, s, layout, st)) }
            </g>
            // Labels apart from their markers: a marker's accessible name is the whole event,
            // which a shortened label ("交換部…") is not a part of.
            <g class="hk-timeline__labels" aria-hidden="true">
                { for layout.singles().filter_map(|m| label(m, st)) }
            </g>
            // Always there (empty without a selection) so the groups before it keep their
            // DOM nodes, and the focus, from one render to the next.
            <g class="hk-timeline__overlay">
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
fn actor_of(layout: &ChartLayout, lane: usize) -> usize {
    layout
        .lanes
        .get(lane)
        .map(|l| l.actor)
        .unwrap_or(usize::MAX)
}

fn symbol(index: usize, s: &Symbol, layout: &ChartLayout, st: &ChartState<'_>) -> Html {
    match s {
        Symbol::Marker(m) => marker(m, actor_of(layout, m.lane), st, false),
        Symbol::Cluster(c) => cluster(index, c, actor_of(layout, c.lane), st),
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

fn marker(m: &Marker, actor: usize, st: &ChartState<'_>, overlay: bool) -> Html {
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
    let y = m.y;
    let whisker = m.whisker.map(|(a, b)| {
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
            <rect class="hk-timeline__span" x={f(a)} y={f(y - 4.0)} width={f((b - a).max(2.0))}
                height="8" rx="4" />
        }
    });
    html! {
        <g key={format!("e{}", m.event)} class={class} data-event={m.event.to_string()} data-actor={actor.to_string()} role="button" tabindex={tabindex}
            aria-pressed={if selected { "true" } else { "false" }}
            aria-label={event_name(st.report, st.fmt, st.lang, m.event)}>
            { for span }
            { for whisker }
            <path class="hk-timeline__shape" d={shape(m.kind)}
                transform={format!("translate({} {})", f(m.x), f(y))} />
        </g>
    }
}

fn label(m: &Marker, st: &ChartState<'_>) -> Option<Html> {
    let l = m.label.as_ref()?;
    let class = classes!(
        "hk-timeline__label",
        (st.selected_event == Some(m.event)).then_some("is-selected"),
        (st.hovered == Some(m.event)).then_some("is-hovered"),
    );
    Some(html! {
        <text key={m.event} class={class} x={f(l.x)} y={f(l.y)} data-label-event={m.event.to_string()}>
            { l.text.clone() }
        </text>
    })
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

fn cluster(index: usize, c: &Cluster, actor: usize, st: &ChartState<'_>) -> Html {
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
    let (x, y) = (c.x - w / 2.0, c.y - h / 2.0);
    html! {
        <g key={format!("c{}", c.events.first().copied().unwrap_or(index))} class={class}
            data-cluster={index.to_string()} data-count={n.to_string()}
            data-actor={actor.to_string()}
            role="button" tabindex="-1" aria-label={label}>
            // A stack of two cards, not a circle: a circled number reads as phase ①②③.
            <rect class="hk-timeline__cluster-back" x={f(x + STACK)} y={f(y - STACK)}
                width={f(w)} height={f(h)} rx="2" />
            <rect class="hk-timeline__cluster-card" x={f(x)} y={f(y)} width={f(w)} height={f(h)} rx="2" />
            <text x={f(c.x)} y={f(c.y + 3.5)} text-anchor="middle">{ count }</text>
        </g>
    }
}
