//! The interactive timeline (経緯): an SVG chart of lanes, phase bands and markers; zoom and pan;
//! lane and kind filters; the unknown-time tray; the detail panel; and the accessible list twin.
//!
//! Every position comes from `crate::compose::layout`; this component keeps only interaction state
//! (hover, filters, the scale toggle, a drag in progress) and turns gestures into `onselect` and
//! `onrange`. The visible range lives in the parent (the URL); while a drag or pinch is under
//! way a local preview is drawn and the range is emitted once, when the gesture ends.
//!
//! Parts: `chart` draws the SVG, `list` the list twin, `panels` the toolbar, filters, tray and
//! detail, `input` pointer and wheel gestures, `keys` the keyboard, `hooks` browser measurements.

pub mod chart;
mod hooks;
mod input;
mod keys;
pub mod list;
mod panels;
mod symbols;

use std::rc::Rc;

use yew::prelude::*;

use self::chart::{draw, ChartState};
use self::hooks::{find_in, focus, use_container_width, use_printing};
use self::input::{hit_of, GestureCell, Hit};
use self::keys::{Actions, Origin};
use self::list::{EventList, PAGE};
use self::panels::ToolbarActions;
use self::symbols::{layer_shift, shape, Names};
use crate::app::state::Selection;
use crate::compose::layout::chart::{
    base as chart_base, chart_in as lay_out, ChartBase, ChartLayout, Symbol,
};
use crate::compose::layout::{Filter, Prepared};
use crate::model::timefmt::Fmt;
use crate::model::{EventKind, Lang, Report};

/// An `Rc` compared by identity: a 10,000-event report is never compared field by field just
/// to learn that it is the same one.
pub struct ByPtr<T>(pub Rc<T>);

impl<T> Clone for ByPtr<T> {
    fn clone(&self) -> Self {
        ByPtr(self.0.clone())
    }
}

impl<T> PartialEq for ByPtr<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A kind's marker shape as a small inline icon (for the list, the filters and the legend).
pub fn kind_icon(kind: EventKind) -> Html {
    html! {
        <svg class={classes!("hk-timeline__icon", format!("hk-timeline__marker--{}", kind.code()))}
            width="14" height="14" viewBox="-8 -8 16 16" aria-hidden="true" focusable="false">
            <path class="hk-timeline__shape" d={shape(kind)} />
        </svg>
    }
}

#[derive(Properties)]
pub struct TimelineProps {
    pub report: Rc<Report>,
    pub lang: Lang,
    pub selection: Selection,
    pub onselect: Callback<Selection>,
    /// Visible window in Unix ms (from the URL); `None` = fit all.
    pub range: Option<(i64, i64)>,
    pub onrange: Callback<Option<(i64, i64)>>,
    /// Rows the event list shows before "show more". A static page (`hokoku build`) has no
    /// script to show more, so it lists every event.
    #[prop_or(PAGE)]
    pub list_rows: usize,
}

/// The report by identity: the derived comparison would compare 10,000 events field by field
/// on every render of the app (each selection, zoom or pan step) only to find them equal.
impl PartialEq for TimelineProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
            && self.lang == other.lang
            && self.selection == other.selection
            && self.onselect == other.onselect
            && self.range == other.range
            && self.onrange == other.onrange
            && self.list_rows == other.list_rows
    }
}

/// The interval of a phase, for "zoom to this phase".
fn phase_interval(report: &Report, prepared: &Prepared, phase: usize) -> Option<(i64, i64)> {
    let p = report.incident.phases.get(phase)?;
    let start = p.period.start.earliest()?.timestamp_millis();
    let end = match p.period.end.and_then(|e| e.latest()) {
        Some(e) => e.timestamp_millis(),
        None => prepared.extent?.1,
    };
    Some((start, end.max(start)))
}

/// Width used while printing: the chart is scaled to the paper by CSS.
const PRINT_WIDTH: f64 = 1000.0;

#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let report = props.report.clone();
    let lang = props.lang;
    let fmt = Fmt::of_report(&report, lang);

    let prepared = use_memo(ByPtr(report.clone()), |r| Prepared::new(&r.0));
    let filter = use_state(|| Rc::new(Filter::default()));
    let real_time = use_state_eq(|| false);
    let hovered = use_state_eq(|| None::<usize>);
    let preview = use_state_eq(|| None::<Option<(i64, i64)>>);
    let list_limit = use_state_eq(|| props.list_rows);
    let list_ready = use_state_eq(|| false);
    let wrap_ref = use_node_ref();
    let svg_ref = use_node_ref();
    let chart_ref = use_node_ref();
    let list_ref = use_node_ref();
    let nav = use_mut_ref(|| None::<Origin>);
    let gesture: GestureCell = use_mut_ref(|| None);
    // 0 until the container has been measured (and on the server): laid out at 1000 px then.
    let width = use_container_width(&wrap_ref);
    let printing = use_printing();

    let range = if printing {
        None
    } else {
        (*preview).unwrap_or(props.range)
    };
    let selected_event = props
        .selection
        .event()
        .filter(|&i| i < report.timeline.len());
    let selected_phase = props.selection.phase();
    // What does not depend on the window, once per report, width, scale and filter; then the
    // window's layout over it, once per zoom or pan step. Not the selection: selecting an event
    // restyles a few nodes, it does not lay out 10,000 events again (issue 15).
    let chart_width = match (printing, width > 0.0) {
        (true, _) => PRINT_WIDTH,
        (false, true) => width,
        (false, false) => 1000.0,
    };
    let base: Rc<ChartBase> = use_memo(
        (
            ByPtr(report.clone()),
            ByPtr(prepared.clone()),
            chart_width,
            *real_time,
            (*filter).clone(),
        ),
        |(r, p, w, real_time, filter)| chart_base(&r.0, &p.0, *w, *real_time, filter),
    );
    let layout: Rc<ChartLayout> = use_memo(
        (
            ByPtr(report.clone()),
            ByPtr(prepared.clone()),
            fmt,
            ByPtr(base.clone()),
            range,
        ),
        |(r, p, fmt, base, range)| lay_out(&r.0, &p.0, fmt, &base.0, *range),
    );

    // The list follows the chart by one render, so a large report shows its chart first.
    {
        let list_ready = list_ready.clone();
        use_effect_with(width > 0.0, move |measured| {
            if *measured {
                list_ready.set(true);
            }
        });
    }

    // Filters and the list page belong to one report: another report starts afresh.
    {
        let filter = filter.clone();
        let list_limit = list_limit.clone();
        let hovered = hovered.clone();
        let list_rows = props.list_rows;
        use_effect_with(ByPtr(report.clone()), move |_| {
            if !filter.is_empty() {
                filter.set(Rc::new(Filter::default()));
            }
            list_limit.set(list_rows);
            hovered.set(None);
        });
    }

    // Keyboard navigation: focus follows the selection in the part where it started, and the
    // chart scrolls to an event that is outside the window.
    {
        let nav = nav.clone();
        let chart_ref = chart_ref.clone();
        let list_ref = list_ref.clone();
        let layout = layout.clone();
        let prepared = prepared.clone();
        let onrange = props.onrange.clone();
        use_effect_with(
            (selected_event, ByPtr(layout.clone())),
            move |(selected, _)| {
                let origin = *nav.borrow();
                if let (Some(i), Some(origin)) = (*selected, origin) {
                    let in_window = layout.symbol_of(i).is_some() || layout.tray.contains(&i);
                    if !in_window {
                        if let (Some(view), Some(spot)) =
                            (&layout.view, prepared.spots.get(i).copied().flatten())
                        {
                            onrange.emit(view.centred_on(spot.anchor));
                            return;
                        }
                    }
                    let container = match origin {
                        Origin::Chart => &chart_ref,
                        Origin::List => &list_ref,
                    };
                    let selector = format!("[data-event=\"{i}\"]");
                    // In the chart, the overlay marker (drawn on top of a cluster) comes last.
                    let el = match origin {
                        Origin::Chart => {
                            find_in(container, &format!(".hk-timeline__overlay {selector}"))
                                .or_else(|| find_in(container, &selector))
                        }
                        Origin::List => find_in(container, &selector),
                    };
                    if let Some(el) = el {
                        focus(&el);
                    }
                    *nav.borrow_mut() = None;
                }
            },
        );
    }

    let view = layout.view.clone();
    let emit_zoom = {
        let onrange = props.onrange.clone();
        let view = view.clone();
        Callback::from(move |factor: f64| {
            if let Some(v) = &view {
                onrange.emit(v.zoomed(factor, (v.x0 + v.x1) / 2.0));
            }
        })
    };
    let zoom_in = {
        let z = emit_zoom.clone();
        Callback::from(move |_: MouseEvent| z.emit(2.0))
    };
    let zoom_out = {
        let z = emit_zoom.clone();
        Callback::from(move |_: MouseEvent| z.emit(0.5))
    };
    let fit = {
        let onrange = props.onrange.clone();
        Callback::from(move |_: MouseEvent| onrange.emit(None))
    };
    let toggle_real = {
        let real_time = real_time.clone();
        Callback::from(move |_: MouseEvent| real_time.set(!*real_time))
    };

    // Selecting from the chart or the list.
    let select_event = {
        let onselect = props.onselect.clone();
        Callback::from(move |i: usize| onselect.emit(Selection::Event(i)))
    };
    let step = {
        let report = report.clone();
        let prepared = prepared.clone();
        let filter = filter.clone();
        let onselect = props.onselect.clone();
        let nav = nav.clone();
        Callback::from(
            move |(from, forward, origin): (Option<usize>, bool, Origin)| {
                if let Some(next) = prepared.step(&report, &filter, from, forward) {
                    *nav.borrow_mut() = Some(origin);
                    onselect.emit(Selection::Event(next));
                }
            },
        )
    };
    let zoom_to_phase = {
        let report = report.clone();
        let prepared = prepared.clone();
        let onrange = props.onrange.clone();
        let onselect = props.onselect.clone();
        let view = view.clone();
        Callback::from(move |p: usize| {
            onselect.emit(Selection::Phase(p));
            if let (Some(v), Some((a, b))) = (&view, phase_interval(&report, &prepared, p)) {
                onrange.emit(v.focused(a, b));
            }
        })
    };
    let zoom_to_cluster = {
        let layout = layout.clone();
        let onrange = props.onrange.clone();
        // By the first event it holds (`data-cluster`).
        Callback::from(move |first: usize| {
            let cluster = layout.clusters().find(|c| c.events.first() == Some(&first));
            if let (Some(c), Some(v)) = (cluster, &layout.view) {
                onrange.emit(v.focused(c.from, c.to));
            }
        })
    };
    let actions = Actions {
        select_event: select_event.clone(),
        step,
        zoom_to_phase: zoom_to_phase.clone(),
        zoom_to_cluster: zoom_to_cluster.clone(),
        zoom: emit_zoom,
        onselect: props.onselect.clone(),
        onrange: props.onrange.clone(),
    };

    let onclick = {
        let gesture = gesture.clone();
        let select_event = select_event.clone();
        let zoom_to_phase = zoom_to_phase.clone();
        let zoom_to_cluster = zoom_to_cluster.clone();
        Callback::from(move |e: MouseEvent| {
            if gesture.borrow().as_ref().is_some_and(|g| g.moved) {
                *gesture.borrow_mut() = None;
                return;
            }
            match hit_of(e.target()) {
                Some(Hit::Event(i)) => select_event.emit(i),
                Some(Hit::Cluster(c)) => zoom_to_cluster.emit(c),
                Some(Hit::Phase(p)) => zoom_to_phase.emit(p),
                None => {}
            }
        })
    };
    let onhover = {
        let hovered = hovered.clone();
        move |target: Option<web_sys::EventTarget>| {
            hovered.set(match hit_of(target) {
                Some(Hit::Event(i)) => Some(i),
                _ => None,
            })
        }
    };
    let onmouseover = {
        let onhover = onhover.clone();
        Callback::from(move |e: MouseEvent| onhover(e.target()))
    };
    let onfocusin = {
        let onhover = onhover.clone();
        Callback::from(move |e: FocusEvent| onhover(e.target()))
    };
    let onmouseleave = {
        let hovered = hovered.clone();
        Callback::from(move |_: MouseEvent| hovered.set(None))
    };
    let (onmouseover_list, onfocusin_list, onmouseleave_list) =
        (onmouseover.clone(), onfocusin.clone(), onmouseleave.clone());

    let onkeydown_chart = keys::on_chart_key(&actions, &view);

    let onwheel = input::on_wheel(&svg_ref, &view, &props.onrange);
    let onpointerdown = input::on_pointer_down(&gesture, &svg_ref, &view);
    let onpointermove = input::on_pointer_move(&gesture, &preview, &svg_ref);
    let end_gesture = input::on_pointer_end(&gesture, &preview, &props.onrange);

    // The list.
    let onclick_list = {
        let select_event = select_event.clone();
        let nav = nav.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(Hit::Event(i)) = hit_of(e.target()) {
                *nav.borrow_mut() = Some(Origin::List);
                select_event.emit(i);
            }
        })
    };
    let onkeydown_list = keys::on_list_key(&actions);

    // Filters.
    let toggle_lane = {
        let filter = filter.clone();
        move |actor: usize| {
            let filter = filter.clone();
            Callback::from(move |_: Event| filter.set(Rc::new(filter.toggled_actor(actor))))
        }
    };
    let toggle_kind = {
        let filter = filter.clone();
        move |kind: EventKind| {
            let filter = filter.clone();
            Callback::from(move |_: Event| filter.set(Rc::new(filter.toggled_kind(kind))))
        }
    };
    // Stable across renders, so the list is not re-rendered for a new closure alone.
    let onmore = {
        let list_limit = list_limit.clone();
        use_callback(list_limit.clone(), move |_: (), _| {
            list_limit.set(list_limit.saturating_add(PAGE))
        })
    };

    // The marker in the tab order: the selected one, else the first drawn.
    let tab_stop = selected_event
        .filter(|&s| layout.symbol_of(s).is_some())
        .or_else(|| {
            layout.symbols.iter().find_map(|s| match s {
                Symbol::Marker(m) => Some(m.event),
                Symbol::Cluster(_) => None,
            })
        });
    let overlay = selected_event.and_then(|i| layout.overlay(&report, &prepared, i));
    let names = use_memo((ByPtr(report.clone()), fmt), |_| Names::default());
    let state = ChartState {
        report: &report,
        fmt: &fmt,
        lang,
        selected_event,
        selected_phase,
        hovered: *hovered,
        tab_stop,
        overlay: overlay.as_ref(),
        names: &names,
        shift: layer_shift(&layout),
    };

    let controls = panels::toolbar(
        &layout,
        &fmt,
        lang,
        *real_time,
        ToolbarActions {
            zoom_in,
            zoom_out,
            fit,
            toggle_real,
        },
    );
    let filters = panels::filters(
        &report,
        &prepared,
        &filter,
        lang,
        &toggle_lane,
        &toggle_kind,
    );
    let tray = panels::tray(&report, &layout, &fmt, lang, selected_event, *hovered);
    let detail = panels::detail(&report, &fmt, lang, selected_event, &props.onselect);

    let svg_label = match lang {
        Lang::Ja => format!(
            "経緯の図。{}件。左右の矢印キーで移動、+と−で拡大・縮小、0で全体表示。",
            report.timeline.len()
        ),
        Lang::En => format!(
            "Timeline chart, {} events. Left and right arrows pan, + and − zoom, 0 fits all.",
            report.timeline.len()
        ),
    };
    let class = classes!(
        "hk-timeline",
        (*preview).is_some().then_some("is-dragging"),
        layout.tray.is_empty().then_some("hk-timeline--no-tray"),
    );

    html! {
        <div class={class} data-testid="timeline" data-measured={(width > 0.0).to_string()}>
            { controls }
            { filters }
            <div key="stage" class="hk-timeline__stage" ref={chart_ref}>
                <div key="chart" class="hk-timeline__chart" ref={wrap_ref} data-testid="timeline-chart">
                    <svg key="svg" class="hk-timeline__svg" ref={svg_ref}
                        width={format!("{:.0}", layout.width)} height={format!("{:.0}", layout.height)}
                        viewBox={format!("0 0 {:.0} {:.0}", layout.width, layout.height)}
                        role="group" tabindex="0" aria-label={svg_label}
                        onclick={onclick} onmouseover={onmouseover} onmouseleave={onmouseleave}
                        onfocusin={onfocusin} onkeydown={onkeydown_chart}
                        onwheel={onwheel} onpointerdown={onpointerdown} onpointermove={onpointermove}
                        onpointerup={end_gesture.clone()} onpointercancel={end_gesture}>
                        // In the browser the chart is drawn once its width is known (a frame
                        // later) rather than drawn at a guess and redrawn; on the server (render
                        // tests) there is nothing to measure.
                        if width > 0.0 || !cfg!(target_arch = "wasm32") {
                            { draw(&layout, &state) }
                        }
                    </svg>
                </div>
                { for tray }
            </div>
            { for detail }
            <div key="list" ref={list_ref} onclick={onclick_list} onkeydown={onkeydown_list}
                onmouseover={onmouseover_list} onmouseleave={onmouseleave_list}
                onfocusin={onfocusin_list}>
                if *list_ready || !cfg!(target_arch = "wasm32") {
                    <EventList report={ByPtr(report.clone())} prepared={ByPtr(prepared.clone())}
                        fmt={fmt} lang={lang} filter={(*filter).clone()} selected={selected_event}
                        hovered={*hovered} limit={*list_limit} onmore={onmore} />
                }
            </div>
        </div>
    }
}
