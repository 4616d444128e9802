//! Living inside someone else's page without an iframe: the JavaScript `mount(element, options)`
//! call, which renders one instance of the app into a host element. The iframe mode's messages
//! are in [`crate::app::host`].

use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::Element;

use crate::app::config::{Config, Theme};
use crate::app::shell::{App, AppProps};
use crate::app::state::View;
use crate::model::Lang;

/// Options of the JavaScript `mount(element, options)` call.
pub fn config_from_options(options: &JsValue) -> Config {
    let get = |key: &str| {
        js_sys::Reflect::get(options, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let data = js_sys::Reflect::get(options, &JsValue::from_str("data"))
        .ok()
        .and_then(|d| {
            if let Some(s) = d.as_string() {
                Some(s)
            } else if d.is_object() {
                js_sys::JSON::stringify(&d).ok()?.as_string()
            } else {
                None
            }
        });
    // `sourceOrigins: ["https://reports.example.co.jp"]` (or one string): the host's own code
    // chooses them, as the deployer.
    let source_origins = js_sys::Reflect::get(options, &JsValue::from_str("sourceOrigins"))
        .ok()
        .map(|v| {
            if js_sys::Array::is_array(&v) {
                js_sys::Array::from(&v)
                    .iter()
                    .filter_map(|o| o.as_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                v.as_string().unwrap_or_default()
            }
        })
        .map(|list| crate::app::trust::parse_origins(&list))
        .unwrap_or_default();
    Config {
        src: get("src"),
        source_origins: source_origins.into(),
        data,
        view: get("view").and_then(|v| View::from_code(&v)),
        lang: get("lang").and_then(|l| Lang::from_code(&l)),
        report: get("report"),
        theme: get("theme")
            .and_then(|t| Theme::from_code(&t))
            .unwrap_or_default(),
        // A mounted instance is part of the host page: it shows one view and leaves the
        // page's URL and title alone, so two instances on one page do not fight.
        embed: true,
        standalone: false,
        ..Config::default()
    }
}

/// Renders an instance into `element`. Called from the exported JavaScript `mount`.
pub fn mount(element: Element, options: &JsValue) {
    let config = Rc::new(config_from_options(options));
    yew::Renderer::<App>::with_root_and_props(element, AppProps { config }).render();
}
