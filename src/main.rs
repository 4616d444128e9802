//! The binary: in the browser (the Trunk build) the app, everything in the library so tests
//! can reach it; natively with the `cli` feature, the `hokoku` command line
//! (`hokoku::cli`).
//!
//! `main` runs when the module is initialised and renders into `#hokoku-root` if the page has
//! one. Host pages that embed hokoku without an iframe call the exported `mount` instead.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[cfg(not(all(feature = "cli", not(target_arch = "wasm32"))))]
fn main() {
    hokoku::app::start();
}

#[cfg(all(feature = "cli", not(target_arch = "wasm32")))]
fn main() -> std::process::ExitCode {
    hokoku::cli::main()
}

/// `mount(element, { src | data, view, lang, theme, report })`: renders one hokoku view into a
/// host element. Can be called several times for several instances.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) {
    hokoku::app::install_panic_hook();
    hokoku::app::embed::mount(element, &options);
}
