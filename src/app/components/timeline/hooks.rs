//! Browser hooks of the timeline: the chart's container width (a `ResizeObserver`), whether the
//! page is being printed, and focusing an element found in a container.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The container's width in whole pixels; 0 until it has been measured (and on the server).
#[hook]
pub(super) fn use_container_width(wrap_ref: &NodeRef) -> f64 {
    let width = use_state_eq(|| 0.0f64);
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
    *width
}

/// True between `beforeprint` and `afterprint`.
#[hook]
pub(super) fn use_printing() -> bool {
    let printing = use_state_eq(|| false);
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
    *printing
}

/// Focuses an element (SVG elements included, which `HtmlElement` does not cover).
pub(super) fn focus(el: &web_sys::Element) {
    if let Ok(f) = js_sys::Reflect::get(el, &"focus".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(el);
        }
    }
}

pub(super) fn find_in(container: &NodeRef, selector: &str) -> Option<web_sys::Element> {
    container
        .cast::<web_sys::Element>()?
        .query_selector(selector)
        .ok()?
}
