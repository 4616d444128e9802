//! The interactive timeline (経緯): an SVG chart of lanes, phase bands and markers; zoom and pan;
//! lane and kind filters; the unknown-time tray; the detail panel; and the accessible list twin.
//!
//! Every position comes from `crate::compose::layout`; this component keeps only interaction state
//! (hover, filters, the scale toggle, a drag in progress) and turns gestures into `onselect` and
//! `onrange`. The visible range lives in the parent (the URL); while a drag or pinch is under
//! way a local preview is drawn and the range is emitted once, when the gesture ends.

pub mod chart;
pub mod list;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use self::chart::{draw, event_name, shape, ChartState};
use self::list::{EventList, PAGE};
use crate::app::state::Selection;
use crate::compose::layout::chart::{chart as lay_out, ChartLayout, ChartSpec, Symbol};
use crate::compose::layout::{Filter, Prepared, View};
use crate::compose::timefmt::Fmt;
use crate::model::i18n::tr;
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

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub report: Rc<Report>,
    pub lang: Lang,
    pub selection: Selection,
    pub onselect: Callback<Selection>,
    /// Visible window in Unix ms (from the URL); `None` = fit all.
    pub range: Option<(i64, i64)>,
    pub onrange: Callback<Option<(i64, i64)>>,
}

/// Where keyboard navigation started, so focus follows the selection there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    Chart,
    List,
}

/// A pan or pinch in progress.
struct Gesture {
    /// Active pointers: (id, client x).
    pointers: Vec<(i32, f64)>,
    /// The view when the gesture began, and where.
    base: View,
    start_x: f64,
    start_spread: f64,
    moved: bool,
}

/// What a pointer or key event landed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hit {
    Event(usize),
    Cluster(usize),
    Phase(usize),
}

fn hit_of(target: Option<web_sys::EventTarget>) -> Option<Hit> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let el = el
        .closest("[data-event],[data-cluster],[data-phase]")
        .ok()??;
    let num = |name: &str| el.get_attribute(name).and_then(|v| v.parse::<usize>().ok());
    num("data-event")
        .map(Hit::Event)
        .or_else(|| num("data-cluster").map(Hit::Cluster))
        .or_else(|| num("data-phase").map(Hit::Phase))
}

/// Plot x of a pointer, from its client x.
fn plot_x(svg: &NodeRef, client_x: f64) -> Option<f64> {
    let svg = svg.cast::<web_sys::Element>()?;
    let rect = svg.get_bounding_client_rect();
    let scale = if rect.width() > 0.0 {
        svg.get_attribute("width")
            .and_then(|w| w.parse::<f64>().ok())
            .unwrap_or(rect.width())
            / rect.width()
    } else {
        1.0
    };
    Some((client_x - rect.left()) * scale)
}

/// Focuses an element (SVG elements included, which `HtmlElement` does not cover).
fn focus(el: &web_sys::Element) {
    if let Ok(f) = js_sys::Reflect::get(el, &"focus".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(el);
        }
    }
}

fn find_in(container: &NodeRef, selector: &str) -> Option<web_sys::Element> {
    container
        .cast::<web_sys::Element>()?
        .query_selector(selector)
        .ok()?
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
    let fmt = Fmt::new(lang, report.letter.date_style, report.zone);

    let prepared = use_memo(ByPtr(report.clone()), |r| Prepared::new(&r.0));
    let filter = use_state(|| Rc::new(Filter::default()));
    let real_time = use_state_eq(|| false);
    // 0 until the container has been measured (and on the server): laid out at 1000 px then.
    let width = use_state_eq(|| 0.0f64);
    let hovered = use_state_eq(|| None::<usize>);
    let preview = use_state_eq(|| None::<Option<(i64, i64)>>);
    let list_limit = use_state_eq(|| PAGE);
    let printing = use_state_eq(|| false);
    let list_ready = use_state_eq(|| false);
    let wrap_ref = use_node_ref();
    let svg_ref = use_node_ref();
    let chart_ref = use_node_ref();
    let list_ref = use_node_ref();
    let nav = use_mut_ref(|| None::<Origin>);
    let gesture: Rc<RefCell<Option<Gesture>>> = use_mut_ref(|| None);

    let range = if *printing {
        None
    } else {
        (*preview).unwrap_or(props.range)
    };
    let selected_event = props
        .selection
        .event()
        .filter(|&i| i < report.timeline.len());
    let selected_phase = props.selection.phase();
    let layout: Rc<ChartLayout> = use_memo(
        (
            ByPtr(report.clone()),
            ByPtr(prepared.clone()),
            fmt,
            if *printing {
                PRINT_WIDTH
            } else if *width > 0.0 {
                *width
            } else {
                1000.0
            },
            *real_time,
            range,
            (*filter).clone(),
            selected_event,
        ),
        |(r, p, fmt, w, real_time, range, filter, selected)| {
            lay_out(
                &r.0,
                &p.0,
                fmt,
                &ChartSpec {
                    width: *w,
                    real_time: *real_time,
                    range: *range,
                    filter: (**filter).clone(),
                    selected: *selected,
                },
            )
        },
    );

    // The list follows the chart by one render, so a large report shows its chart first.
    {
        let list_ready = list_ready.clone();
        use_effect_with(*width > 0.0, move |measured| {
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
        use_effect_with(ByPtr(report.clone()), move |_| {
            if !filter.is_empty() {
                filter.set(Rc::new(Filter::default()));
            }
            list_limit.set(PAGE);
            hovered.set(None);
        });
    }

    // Width follows the container.
    {
        let wrap_ref = wrap_ref.clone();
        let width = width.clone();
        use_effect_with((), move |_| {
            let observer = wrap_ref.cast::<web_sys::Element>().and_then(|el| {
                let measure = {
                    let el = el.clone();
                    let width = width.clone();
                    move || {
                        let w = f64::from(el.client_width());
                        if w > 0.0 {
                            width.set(w.round());
                        }
                    }
                };
                measure();
                let closure = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| measure());
                let observer =
                    web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
                observer.observe(&el);
                Some((observer, closure))
            });
            move || {
                if let Some((observer, _closure)) = observer {
                    observer.disconnect();
                }
            }
        });
    }

    // Printing shows everything: a static fit-all figure, whatever the zoom on screen.
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let on_before = printing.clone();
            let listener = crate::app::browser::PrintListener::new(
                move || on_before.set(true),
                move || printing.set(false),
            );
            move || drop(listener)
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
        move |factor: f64| {
            if let Some(v) = &view {
                onrange.emit(v.zoomed(factor, (v.x0 + v.x1) / 2.0));
            }
        }
    };
    let zoom_in = {
        let z = emit_zoom.clone();
        Callback::from(move |_: MouseEvent| z(2.0))
    };
    let zoom_out = {
        let z = emit_zoom.clone();
        Callback::from(move |_: MouseEvent| z(0.5))
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
        move |i: usize| onselect.emit(Selection::Event(i))
    };
    let step = {
        let report = report.clone();
        let prepared = prepared.clone();
        let filter = filter.clone();
        let onselect = props.onselect.clone();
        let nav = nav.clone();
        move |from: Option<usize>, forward: bool, origin: Origin| {
            if let Some(next) = prepared.step(&report, &filter, from, forward) {
                *nav.borrow_mut() = Some(origin);
                onselect.emit(Selection::Event(next));
            }
        }
    };
    let zoom_to_phase = {
        let report = report.clone();
        let prepared = prepared.clone();
        let onrange = props.onrange.clone();
        let onselect = props.onselect.clone();
        let view = view.clone();
        move |p: usize| {
            onselect.emit(Selection::Phase(p));
            if let (Some(v), Some((a, b))) = (&view, phase_interval(&report, &prepared, p)) {
                onrange.emit(v.focused(a, b));
            }
        }
    };
    let zoom_to_cluster = {
        let layout = layout.clone();
        let onrange = props.onrange.clone();
        move |index: usize| {
            if let (Some(Symbol::Cluster(c)), Some(v)) = (layout.symbols.get(index), &layout.view) {
                onrange.emit(v.focused(c.from, c.to));
            }
        }
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
                Some(Hit::Event(i)) => select_event(i),
                Some(Hit::Cluster(c)) => zoom_to_cluster(c),
                Some(Hit::Phase(p)) => zoom_to_phase(p),
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

    let onkeydown_chart = {
        let step = step.clone();
        let select_event = select_event.clone();
        let zoom_to_phase = zoom_to_phase.clone();
        let zoom_to_cluster = zoom_to_cluster.clone();
        let onselect = props.onselect.clone();
        let onrange = props.onrange.clone();
        let view = view.clone();
        let emit_zoom = emit_zoom.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            let hit = hit_of(e.target());
            let handled = match (hit, key.as_str()) {
                (_, "Escape") => {
                    onselect.emit(Selection::None);
                    true
                }
                (Some(Hit::Event(i)), "ArrowRight" | "ArrowDown") => {
                    step(Some(i), true, Origin::Chart);
                    true
                }
                (Some(Hit::Event(i)), "ArrowLeft" | "ArrowUp") => {
                    step(Some(i), false, Origin::Chart);
                    true
                }
                (Some(Hit::Event(i)), "Enter" | " ") => {
                    select_event(i);
                    true
                }
                (Some(Hit::Phase(p)), "Enter" | " ") => {
                    zoom_to_phase(p);
                    true
                }
                (Some(Hit::Cluster(c)), "Enter" | " ") => {
                    zoom_to_cluster(c);
                    true
                }
                (None, "ArrowRight" | "ArrowLeft") => {
                    if let Some(v) = &view {
                        let share = if e.shift_key() { 0.6 } else { 0.2 };
                        let dx = (v.x1 - v.x0) * share;
                        onrange.emit(v.panned(if key == "ArrowRight" { -dx } else { dx }));
                    }
                    true
                }
                (None, "ArrowDown") => {
                    step(None, true, Origin::Chart);
                    true
                }
                (_, "+" | "=") => {
                    emit_zoom(2.0);
                    true
                }
                (_, "-" | "_") => {
                    emit_zoom(0.5);
                    true
                }
                (_, "0") => {
                    onrange.emit(None);
                    true
                }
                _ => false,
            };
            if handled {
                e.prevent_default();
            }
        })
    };

    let onwheel = {
        let svg_ref = svg_ref.clone();
        let view = view.clone();
        let onrange = props.onrange.clone();
        Callback::from(move |e: WheelEvent| {
            let Some(v) = &view else { return };
            // Lines and pages are turned into pixels, roughly as browsers scroll them.
            let unit = match e.delta_mode() {
                1 => 16.0,
                2 => 400.0,
                _ => 1.0,
            };
            let (dx, dy) = (e.delta_x() * unit, e.delta_y() * unit);
            e.prevent_default();
            if e.shift_key() || dx.abs() > dy.abs() {
                let d = if dx.abs() > dy.abs() { dx } else { dy };
                onrange.emit(v.panned(-d));
            } else if dy != 0.0 {
                let at = plot_x(&svg_ref, f64::from(e.client_x())).unwrap_or((v.x0 + v.x1) / 2.0);
                onrange.emit(v.zoomed((-dy * 0.002).exp(), at));
            }
        })
    };

    let onpointerdown = {
        let gesture = gesture.clone();
        let svg_ref = svg_ref.clone();
        let view = view.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(v) = &view else { return };
            if e.button() != 0 {
                return;
            }
            let x = f64::from(e.client_x());
            let mut g = gesture.borrow_mut();
            match g.as_mut() {
                Some(g) if g.pointers.len() == 1 => {
                    // A second finger: from here on it is a pinch.
                    g.pointers.push((e.pointer_id(), x));
                    g.start_spread = (g.pointers[0].1 - x).abs().max(1.0);
                    g.start_x = (g.pointers[0].1 + x) / 2.0;
                }
                Some(_) => {}
                None => {
                    // Markers, clusters and bands are clicked, not dragged.
                    if hit_of(e.target()).is_some() {
                        return;
                    }
                    *g = Some(Gesture {
                        pointers: vec![(e.pointer_id(), x)],
                        base: v.clone(),
                        start_x: x,
                        start_spread: 0.0,
                        moved: false,
                    });
                }
            }
            if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                let _ = svg.set_pointer_capture(e.pointer_id());
            }
        })
    };
    let onpointermove = {
        let gesture = gesture.clone();
        let preview = preview.clone();
        let svg_ref = svg_ref.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            let Some(g) = g.as_mut() else { return };
            let x = f64::from(e.client_x());
            if let Some(p) = g.pointers.iter_mut().find(|p| p.0 == e.pointer_id()) {
                p.1 = x;
            } else {
                return;
            }
            if g.pointers.len() >= 2 {
                let spread = (g.pointers[0].1 - g.pointers[1].1).abs().max(1.0);
                let at = plot_x(&svg_ref, g.start_x).unwrap_or((g.base.x0 + g.base.x1) / 2.0);
                g.moved = true;
                preview.set(Some(g.base.zoomed(spread / g.start_spread, at)));
            } else {
                let dx = x - g.start_x;
                if dx.abs() > 3.0 {
                    g.moved = true;
                }
                if g.moved {
                    preview.set(Some(g.base.panned(dx)));
                }
            }
        })
    };
    let end_gesture = {
        let gesture = gesture.clone();
        let preview = preview.clone();
        let onrange = props.onrange.clone();
        Callback::from(move |e: PointerEvent| {
            let mut g = gesture.borrow_mut();
            let Some(state) = g.as_mut() else { return };
            state.pointers.retain(|p| p.0 != e.pointer_id());
            if !state.pointers.is_empty() {
                return;
            }
            if state.moved {
                if let Some(r) = *preview {
                    onrange.emit(r);
                }
                preview.set(None);
                // Keep `moved` until the click that follows this pointerup is swallowed.
            } else {
                *g = None;
            }
        })
    };

    // The list.
    let onclick_list = {
        let select_event = select_event.clone();
        let nav = nav.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(Hit::Event(i)) = hit_of(e.target()) {
                *nav.borrow_mut() = Some(Origin::List);
                select_event(i);
            }
        })
    };
    let onkeydown_list = {
        let step = step.clone();
        let onselect = props.onselect.clone();
        Callback::from(move |e: KeyboardEvent| {
            let from = match hit_of(e.target()) {
                Some(Hit::Event(i)) => Some(i),
                _ => None,
            };
            let handled = match e.key().as_str() {
                "ArrowDown" | "ArrowRight" => {
                    step(from, true, Origin::List);
                    true
                }
                "ArrowUp" | "ArrowLeft" => {
                    step(from, false, Origin::List);
                    true
                }
                "Escape" => {
                    onselect.emit(Selection::None);
                    true
                }
                _ => false,
            };
            if handled {
                e.prevent_default();
            }
        })
    };

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
            list_limit.set(*list_limit + PAGE)
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
    let state = ChartState {
        report: &report,
        fmt: &fmt,
        lang,
        selected_event,
        selected_phase,
        hovered: *hovered,
        tab_stop,
    };

    let fit_all = layout.view.as_ref().is_none_or(View::is_fit);
    let range_text = layout.view.as_ref().map(|v| {
        let (a, b) = v.range();
        let day = |t: i64| {
            chrono::DateTime::from_timestamp_millis(t)
                .map(|d| {
                    let local = d.with_timezone(&fmt.zone);
                    use chrono::Timelike;
                    format!(
                        "{} {}",
                        fmt.axis_day(local.date_naive()),
                        fmt.axis_time(local.hour(), local.minute())
                    )
                })
                .unwrap_or_default()
        };
        format!("{}{}{}", day(a), tr(lang, "～", " – "), day(b))
    });

    let controls = html! {
        <div key="controls" class="hk-timeline__controls" role="toolbar"
            aria-label={tr(lang, "経緯の表示操作", "Timeline controls")}>
            <button type="button" class="hk-timeline__button" data-testid="zoom-in"
                onclick={zoom_in} title={tr(lang, "拡大 (+)", "Zoom in (+)")}
                aria-label={tr(lang, "拡大", "Zoom in")} disabled={layout.view.is_none()}>{ "＋" }</button>
            <button type="button" class="hk-timeline__button" data-testid="zoom-out"
                onclick={zoom_out} title={tr(lang, "縮小 (−)", "Zoom out (−)")}
                aria-label={tr(lang, "縮小", "Zoom out")} disabled={fit_all}>{ "－" }</button>
            <button type="button" class="hk-timeline__button" data-testid="zoom-fit"
                onclick={fit} disabled={fit_all} title={tr(lang, "全体表示 (0)", "Fit all (0)")}>
                { tr(lang, "全体表示", "Fit all") }
            </button>
            <button type="button" class="hk-timeline__button hk-timeline__toggle" data-testid="real-time"
                aria-pressed={if *real_time { "true" } else { "false" }} onclick={toggle_real}
                title={tr(lang, "空白期間を省略せず、実際の時間の長さで表示します",
                    "Show quiet stretches at their real length")}>
                { tr(lang, "実時間スケール", "Real time scale") }
            </button>
            <span class="hk-timeline__range" data-testid="visible-range"
                data-from={view.as_ref().map(|v| v.range().0.to_string())}
                data-to={view.as_ref().map(|v| v.range().1.to_string())}>
                { range_text.unwrap_or_default() }
            </span>
            <span class="hk-timeline__zone">
                { tr(lang, "時刻: ", "Times: ") }{ fmt.zone_label() }
            </span>
            if layout.before + layout.after > 0 {
                <span class="hk-timeline__outside" data-testid="outside-count">
                    { match lang {
                        Lang::Ja => format!("表示範囲外: 前{}件・後{}件", layout.before, layout.after),
                        Lang::En => format!("Outside the view: {} before, {} after", layout.before, layout.after),
                    } }
                </span>
            }
        </div>
    };

    let filters = {
        let lanes = prepared.lanes.iter().map(|&a| {
            let actor = &report.actors[a];
            let count = prepared.by_actor.get(a).map(Vec::len).unwrap_or(0)
                + report
                    .timeline
                    .iter()
                    .filter(|e| e.actor == a && !e.time.is_known())
                    .count();
            let on = filter.shows_actor(a);
            html! {
                <label class="hk-timeline__filter">
                    <input type="checkbox" checked={on} data-testid="lane-filter"
                        data-actor={a.to_string()} onchange={toggle_lane(a)} />
                    { format!("{} ({count})", actor.name) }
                </label>
            }
        });
        let kinds = EventKind::ALL
            .iter()
            .filter(|k| report.timeline.iter().any(|e| e.kind == **k))
            .map(|&k| {
                let on = filter.shows_kind(k);
                html! {
                    <label class="hk-timeline__filter">
                        <input type="checkbox" checked={on} data-testid="kind-filter"
                            data-kind={k.code()} onchange={toggle_kind(k)} />
                        { kind_icon(k) }{ k.label(lang) }
                    </label>
                }
            });
        html! {
            <div key="filters" class="hk-timeline__filters">
                <fieldset class="hk-timeline__filter-group">
                    <legend>{ tr(lang, "関係者", "Parties") }</legend>
                    { for lanes }
                </fieldset>
                <fieldset class="hk-timeline__filter-group">
                    <legend>{ tr(lang, "種類", "Kinds") }</legend>
                    { for kinds }
                </fieldset>
            </div>
        }
    };

    let tray = (!layout.tray.is_empty()).then(|| {
        let items = layout.tray.iter().take(50).map(|&i| {
            let e = &report.timeline[i];
            let selected = selected_event == Some(i);
            let class = classes!(
                "hk-timeline__tray-item",
                format!("hk-timeline__marker--{}", e.kind.code()),
                selected.then_some("is-selected"),
                (*hovered == Some(i)).then_some("is-hovered"),
            );
            html! {
                <li>
                    <button type="button" class={class} data-event={i.to_string()}
                        data-actor={e.actor.to_string()} aria-pressed={if selected { "true" } else { "false" }}
                        aria-label={event_name(&report, &fmt, lang, i)}>
                        { kind_icon(e.kind) }
                        <span>{ e.text.clone() }</span>
                    </button>
                </li>
            }
        });
        let more = layout.tray.len().saturating_sub(50);
        html! {
            <aside key="tray" class="hk-timeline__tray" data-testid="unknown-tray"
                aria-label={tr(lang, "時刻不明の出来事", "Events with unknown time")}>
                <h3>{ tr(lang, "時刻不明", "Time unknown") }</h3>
                <ul>{ for items }</ul>
                if more > 0 {
                    <p>{ match lang { Lang::Ja => format!("ほか{more}件", ), Lang::En => format!("{more} more") } }</p>
                }
            </aside>
        }
    });

    let detail = selected_event.and_then(|i| {
        let e = report.timeline.get(i)?;
        let actor = report.actor(e.actor).map(|a| a.name.clone()).unwrap_or_default();
        let mut time = fmt.event_time(e);
        if let Some(local) = e.local_offset.and_then(|o| fmt.local_time(&e.time, o)) {
            time.push_str(&local);
        }
        let phase = e.phase.and_then(|p| report.incident.phases.get(p));
        let services: Vec<String> =
            e.services.iter().filter_map(|s| report.services.get(*s)).map(|s| s.name.clone()).collect();
        let close = {
            let onselect = props.onselect.clone();
            Callback::from(move |_: MouseEvent| onselect.emit(Selection::None))
        };
        Some(html! {
            <section key="detail" class="hk-timeline__detail" data-testid="event-detail" data-selected-event={i.to_string()}
                aria-label={tr(lang, "選択した出来事", "Selected event")} aria-live="polite">
                <header class="hk-timeline__detail-head">
                    { kind_icon(e.kind) }
                    <span class="hk-timeline__detail-kind">{ e.kind.label(lang) }</span>
                    <span class="hk-timeline__detail-time">{ time }</span>
                    <button type="button" class="hk-timeline__button hk-timeline__detail-close"
                        onclick={close} aria-label={tr(lang, "選択を解除 (Esc)", "Clear selection (Esc)")}>
                        { "×" }
                    </button>
                </header>
                <dl class="hk-timeline__detail-fields">
                    <dt>{ tr(lang, "関係者", "Party") }</dt><dd>{ actor }</dd>
                    if let Some(p) = phase {
                        <dt>{ tr(lang, "フェーズ", "Phase") }</dt><dd>{ p.label.clone() }</dd>
                    }
                    if !services.is_empty() {
                        <dt>{ tr(lang, "対象サービス", "Services") }</dt><dd>{ services.join(tr(lang, "、", ", ")) }</dd>
                    }
                    if let Some(eta) = &e.eta {
                        <dt>{ tr(lang, "復旧見込み", "Announced recovery") }</dt><dd>{ fmt.time_point(eta) }</dd>
                    }
                </dl>
                <p class="hk-timeline__detail-text">{ e.text.clone() }</p>
                if let Some(q) = &e.quote {
                    <blockquote class="hk-timeline__quote">
                        if let Some(src) = &q.source { <cite>{ src.clone() }</cite> }
                        <p>{ q.text.clone() }</p>
                    </blockquote>
                }
            </section>
        })
    });

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
        <div class={class} data-testid="timeline" data-measured={(*width > 0.0).to_string()}>
            { controls }
            { filters }
            <div key="stage" class="hk-timeline__stage" ref={chart_ref}>
                <div key="chart" class="hk-timeline__chart" ref={wrap_ref} data-testid="timeline-chart">
                    <svg key="svg" class="hk-timeline__svg" ref={svg_ref}
                        width={format!("{:.0}", layout.width)} height={format!("{:.0}", layout.height)}
                        viewBox={format!("0 0 {:.0} {:.0}", layout.width, layout.height)}
                        role="group" tabindex="0" aria-label={svg_label}
                        onclick={onclick} onmouseover={onmouseover} onmouseleave={onmouseleave}
                        onfocusin={onfocusin} onkeydown={onkeydown_chart} onwheel={onwheel}
                        onpointerdown={onpointerdown} onpointermove={onpointermove}
                        onpointerup={end_gesture.clone()} onpointercancel={end_gesture}>
                        // In the browser the chart is drawn once its width is known (a frame
                        // later) rather than drawn at a guess and redrawn; on the server (render
                        // tests) there is nothing to measure.
                        if *width > 0.0 || !cfg!(target_arch = "wasm32") {
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
