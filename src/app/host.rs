//! Talking with the page hokoku lives in: the iframe embed mode's messages to and from the host.
//!
//! The frame tells its parent its content height (`{type: "hokoku:height", height}`) so the host
//! can size the iframe, and accepts a report from the parent (`{type: "hokoku:load", json}` or
//! `{type: "hokoku:load", document}`) only when the sender's origin is one the deployer listed
//! (`<meta name="hokoku-host-origins">`, see [`crate::app::trust`]), exactly; never from the URL.
//! Everything else is ignored. A received report is validated like any file.
//!
//! Apart from `embed` (which mounts the app) so that the shell can use these without a circle.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, MessageEvent};

/// Message types, shared with the documentation in docs/embedding.md.
pub const HEIGHT_MESSAGE: &str = "hokoku:height";
pub const LOAD_MESSAGE: &str = "hokoku:load";

/// What a host's message asks for, once its origin has been accepted.
#[derive(Debug, PartialEq)]
pub enum HostRequest {
    /// JSON text to decode and show.
    Load(String),
}

/// Reads a message event's data: `{type: "hokoku:load", json: "…"}` or
/// `{type: "hokoku:load", document: {…}}`; anything else is not for us.
pub fn host_request(data: &JsValue) -> Option<HostRequest> {
    let get = |key: &str| js_sys::Reflect::get(data, &JsValue::from_str(key)).ok();
    if !data.is_object() || get("type")?.as_string()? != LOAD_MESSAGE {
        return None;
    }
    if let Some(text) = get("json").and_then(|j| j.as_string()) {
        return Some(HostRequest::Load(text));
    }
    let document = get("document").filter(|d| d.is_object())?;
    let text = js_sys::JSON::stringify(&document).ok()?.as_string()?;
    Some(HostRequest::Load(text))
}

/// Listens for reports from the allowed origins while the returned guard lives.
pub struct MessageListener {
    closure: Closure<dyn FnMut(MessageEvent)>,
}

impl MessageListener {
    pub fn new(allowed: Rc<[String]>, on_load: impl Fn(String, String) + 'static) -> Option<Self> {
        let window = web_sys::window()?;
        let closure = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let origin = e.origin();
            if !crate::app::trust::host_allowed(&origin, &allowed) {
                return;
            }
            if let Some(HostRequest::Load(text)) = host_request(&e.data()) {
                on_load(origin, text);
            }
        });
        window
            .add_event_listener_with_callback("message", closure.as_ref().unchecked_ref())
            .ok()?;
        Some(MessageListener { closure })
    }
}

impl Drop for MessageListener {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback(
                "message",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Reports the element's height to the parent frame whenever it changes.
pub struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _closure: Closure<dyn FnMut(js_sys::Array)>,
}

impl HeightReporter {
    /// `None` when the page is not in a frame.
    pub fn new(element: &Element, target_origin: String) -> Option<Self> {
        let window = web_sys::window()?;
        let parent = window.parent().ok().flatten()?;
        if parent == window {
            return None;
        }
        let observed = element.clone();
        let mut last = -1.0;
        let closure = Closure::<dyn FnMut(js_sys::Array)>::new(move |_entries: js_sys::Array| {
            let height = observed.get_bounding_client_rect().height().ceil();
            if height == last {
                return;
            }
            last = height;
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            let _ = parent.post_message(&message, &target_origin);
        });
        let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(HeightReporter {
            observer,
            _closure: closure,
        })
    }
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
