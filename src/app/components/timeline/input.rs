//! Pointer and wheel input on the chart: what a pointer or key landed on (the `data-event`,
//! `data-cluster` and `data-phase` attributes), plot coordinates, and the pan / pinch gesture.
//! While a gesture is under way only a local preview range is drawn; the range is emitted once,
//! when the last pointer lifts.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::compose::layout::View;

/// The gesture in progress, shared by the pointer handlers and the click that follows them.
pub(super) type GestureCell = Rc<RefCell<Option<Gesture>>>;
/// The range drawn while a gesture is under way (`None` = none under way).
pub(super) type Preview = UseStateHandle<Option<Option<(i64, i64)>>>;
type OnRange = Callback<Option<(i64, i64)>>;

/// A pan or pinch in progress.
pub(super) struct Gesture {
    /// Active pointers: (id, client x).
    pointers: Vec<(i32, f64)>,
    /// The view when the gesture began, and where.
    base: View,
    start_x: f64,
    start_spread: f64,
    pub(super) moved: bool,
}

/// What a pointer or key event landed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Hit {
    Event(usize),
    Cluster(usize),
    Phase(usize),
}

pub(super) fn hit_of(target: Option<web_sys::EventTarget>) -> Option<Hit> {
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

/// Wheel: pans sideways (or with Shift), zooms about the pointer otherwise.
pub(super) fn on_wheel(
    svg_ref: &NodeRef,
    view: &Option<View>,
    onrange: &OnRange,
) -> Callback<WheelEvent> {
    let svg_ref = svg_ref.clone();
    let view = view.clone();
    let onrange = onrange.clone();
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
}

/// A first pointer starts a pan (not on a marker, cluster or band); a second turns it into a pinch.
pub(super) fn on_pointer_down(
    gesture: &GestureCell,
    svg_ref: &NodeRef,
    view: &Option<View>,
) -> Callback<PointerEvent> {
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
}

/// Moves the preview with the pointers.
pub(super) fn on_pointer_move(
    gesture: &GestureCell,
    preview: &Preview,
    svg_ref: &NodeRef,
) -> Callback<PointerEvent> {
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
}

/// The last pointer up (or a cancel) emits the previewed range.
pub(super) fn on_pointer_end(
    gesture: &GestureCell,
    preview: &Preview,
    onrange: &OnRange,
) -> Callback<PointerEvent> {
    let gesture = gesture.clone();
    let preview = preview.clone();
    let onrange = onrange.clone();
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
}
