//! Browser I/O: the page URL, downloads with progress, reading dropped or chosen files, the
//! JSON embedded in the host page, and saving a file. Each function reports through callbacks
//! and never panics; everything it reads goes through `decode` like any other input.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, File, ProgressEvent, UrlSearchParams, XmlHttpRequest};

use crate::format::encoding::Legacy;
use crate::format::problem::{Problem, ProblemKind};
use crate::format::MAX_BYTES;

/// Id of the `<script type="application/json">` a host page may embed the report in.
pub const EMBEDDED_DATA_ID: &str = "hokoku-data";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's query parameters (`?src=…&view=…`).
pub fn query() -> Option<UrlSearchParams> {
    let search = window()?.location().search().ok()?;
    UrlSearchParams::new_with_str(&search).ok()
}

pub fn query_param(name: &str) -> Option<String> {
    query()?.get(name).filter(|v| !v.is_empty())
}

/// The fragment without `#`.
pub fn hash() -> Option<String> {
    let h = window()?.location().hash().ok()?;
    let h = h.strip_prefix('#').unwrap_or(&h);
    (!h.is_empty()).then(|| h.to_string())
}

/// Rewrites the query parameters and fragment without reloading or adding a history entry.
/// `set` gives (name, value-or-None-to-remove); other parameters (`src`, `embed`…) stay.
pub fn replace_url(set: &[(&str, Option<String>)], fragment: Option<&str>) {
    let Some(win) = window() else { return };
    let Some(params) = query() else { return };
    for (name, value) in set {
        match value {
            Some(v) => params.set(name, v),
            None => params.delete(name),
        }
    }
    let search: String = params.to_string().into();
    let path = win.location().pathname().unwrap_or_default();
    let mut url = path;
    if !search.is_empty() {
        url.push('?');
        url.push_str(&search);
    }
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(f);
    }
    let current = win.location().href().unwrap_or_default();
    if current.ends_with(&url) {
        return;
    }
    if let Ok(history) = win.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// The text of `<script type="application/json" id="hokoku-data">`, if the host page has one.
pub fn embedded_json() -> Option<String> {
    let el = window()?.document()?.get_element_by_id(EMBEDDED_DATA_ID)?;
    let kind = el.get_attribute("type").unwrap_or_default();
    if kind != "application/json" {
        return None;
    }
    el.text_content().filter(|t| !t.trim().is_empty())
}

/// A deployer's setting: the `content` of `<meta name="NAME">` in the page, which only whoever
/// deploys the page can write (never the URL). See [`crate::app::trust`].
pub fn deployer_setting(name: &str) -> Option<String> {
    let document = window()?.document()?;
    let el = document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    el.get_attribute("content")
}

/// The page's origin (`https://www.example.co.jp`).
pub fn page_origin() -> Option<String> {
    window()?.location().origin().ok()
}

/// `url` resolved against the document's base URL: (absolute href, its origin).
pub fn resolve_url(url: &str) -> Option<(String, String)> {
    let base = window()?.document()?.base_uri().ok()??;
    let resolved = web_sys::Url::new_with_base(url, &base).ok()?;
    Some((resolved.href(), resolved.origin()))
}

/// How a download ended.
pub enum Fetched {
    /// The bytes, and the URL they came from after redirects (`None` for a local file).
    Bytes(Vec<u8>, Option<String>),
    Failed(Problem),
}

/// A download in progress; [`Download::abort`] stops it without calling its `on_done`.
pub struct Download {
    xhr: Option<XmlHttpRequest>,
    done: Rc<RefCell<Option<Box<dyn FnOnce(Fetched)>>>>,
}

impl Download {
    pub fn abort(&self) {
        // Forget the callback first: the abort event must not report a failure to the user
        // who asked for it.
        self.done.borrow_mut().take();
        if let Some(xhr) = &self.xhr {
            let _ = xhr.abort();
        }
    }
}

/// Downloads `url` with progress reports; refuses more than `MAX_BYTES`.
pub fn fetch_bytes(
    url: &str,
    on_progress: impl Fn(u64, Option<u64>) + 'static,
    on_done: impl FnOnce(Fetched) + 'static,
) -> Download {
    type Done = Rc<RefCell<Option<Box<dyn FnOnce(Fetched)>>>>;
    let done: Done = Rc::new(RefCell::new(Some(Box::new(on_done))));
    let fail = |kind| Fetched::Failed(Problem::error("", None, kind));
    let give_up = |done: Done, fetched: Fetched| {
        if let Some(cb) = done.borrow_mut().take() {
            cb(fetched);
        }
        Download { xhr: None, done }
    };
    let xhr = match XmlHttpRequest::new() {
        Ok(x) => x,
        Err(_) => return give_up(done, fail(ProblemKind::Network)),
    };
    if xhr.open("GET", url).is_err() {
        return give_up(done, fail(ProblemKind::BadSource(url.to_string())));
    }
    xhr.set_response_type(web_sys::XmlHttpRequestResponseType::Arraybuffer);

    // Whichever of load / error / abort comes first finishes the request; the closures are
    // kept in one cell so all of them are dropped together after it.
    let finish = {
        let done = done.clone();
        move |f: Fetched| {
            if let Some(cb) = done.borrow_mut().take() {
                cb(f);
            }
        }
    };
    let closures: Rc<RefCell<Vec<Closure<dyn FnMut(ProgressEvent)>>>> = Rc::default();

    let progress = {
        let xhr = xhr.clone();
        let finish = finish.clone();
        Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
            let loaded = e.loaded() as u64;
            let total = e.length_computable().then(|| e.total() as u64);
            if loaded > MAX_BYTES || total.is_some_and(|t| t > MAX_BYTES) {
                let bytes = total.unwrap_or(loaded);
                finish(fail(ProblemKind::TooLarge {
                    bytes,
                    limit: MAX_BYTES,
                }));
                let _ = xhr.abort();
                return;
            }
            on_progress(loaded, total);
        })
    };
    let load = {
        let xhr = xhr.clone();
        let finish = finish.clone();
        let closures = closures.clone();
        Closure::<dyn FnMut(ProgressEvent)>::new(move |_| {
            let status = xhr.status().unwrap_or(0);
            if (200..300).contains(&status) {
                let bytes = xhr
                    .response()
                    .ok()
                    .filter(|r| r.is_instance_of::<js_sys::ArrayBuffer>())
                    .map(|buf| js_sys::Uint8Array::new(&buf).to_vec());
                let url = Some(xhr.response_url()).filter(|u| !u.is_empty());
                match bytes {
                    Some(b) => finish(Fetched::Bytes(b, url)),
                    None => finish(fail(ProblemKind::ReadFailed)),
                }
            } else if status == 0 {
                finish(fail(ProblemKind::Network));
            } else {
                finish(fail(ProblemKind::HttpStatus(status)));
            }
            release(&closures);
        })
    };
    let error = {
        let finish = finish.clone();
        let closures = closures.clone();
        Closure::<dyn FnMut(ProgressEvent)>::new(move |_| {
            finish(fail(ProblemKind::Network));
            release(&closures);
        })
    };
    xhr.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    xhr.set_onload(Some(load.as_ref().unchecked_ref()));
    xhr.set_onerror(Some(error.as_ref().unchecked_ref()));
    xhr.set_onabort(Some(error.as_ref().unchecked_ref()));
    closures.borrow_mut().extend([progress, load, error]);
    if xhr.send().is_err() {
        finish(fail(ProblemKind::Network));
    }
    Download {
        xhr: Some(xhr),
        done,
    }
}

/// Drops the request's closures once the browser will not call them again. Deferred to a
/// microtask: a closure must not be dropped while it is running.
fn release(closures: &Rc<RefCell<Vec<Closure<dyn FnMut(ProgressEvent)>>>>) {
    let closures = closures.clone();
    wasm_bindgen_futures::spawn_local(async move {
        closures.borrow_mut().clear();
    });
}

/// Reads a chosen or dropped file; refuses more than `MAX_BYTES` before reading.
pub fn read_file(file: File, on_done: impl FnOnce(Fetched) + 'static) {
    let size = file.size() as u64;
    if size > MAX_BYTES {
        on_done(Fetched::Failed(Problem::error(
            "",
            None,
            ProblemKind::TooLarge {
                bytes: size,
                limit: MAX_BYTES,
            },
        )));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let result = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
        match result {
            Ok(buf) => on_done(Fetched::Bytes(js_sys::Uint8Array::new(&buf).to_vec(), None)),
            Err(_) => on_done(Fetched::Failed(Problem::error(
                "",
                None,
                ProblemKind::ReadFailed,
            ))),
        }
    });
}

/// Text of a file in a legacy Japanese encoding, by the browser's own `TextDecoder` (its tables
/// are already in the browser, so none are shipped in the wasm). Fatal: a byte that does not fit
/// the encoding refuses the file rather than becoming U+FFFD.
pub fn decode_legacy(legacy: Legacy, bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder =
        web_sys::TextDecoder::new_with_label_and_options(legacy.label(), &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// Offers `text` as a file download named `name`.
pub fn save_text(name: &str, text: &str, mime: &str) {
    let Some(document) = window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Sets `<html lang>` so screen readers pronounce the interface in its language.
///
/// Only when it differs: Chromium treats any write of `lang` as a change of `:lang()` for the
/// whole page and restyles every element, even when the value is the same. The app re-renders
/// on every check of the edit view, and with a 1,000-event report in the text area (8,000 lines,
/// one element each inside the browser's text area) that restyle cost 25–40 ms a keystroke.
pub fn set_document_lang(lang: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        if el.get_attribute("lang").as_deref() != Some(lang) {
            let _ = el.set_attribute("lang", lang);
        }
    }
}

/// Sets the tab title, as one line whatever the data holds (NUL, U+2028 …).
pub fn set_document_title(title: &str) {
    if let Some(d) = window().and_then(|w| w.document()) {
        let title = crate::model::safe::one_line(title);
        // Unchanged titles are not written again: a write replaces <title>'s text node.
        if d.title() != title {
            d.set_title(&title);
        }
    }
}

/// Key under which the last good document is kept for the tab, so a crash can be recovered.
const LAST_GOOD_KEY: &str = "hokoku:last-good";

fn session_storage() -> Option<web_sys::Storage> {
    window()?.session_storage().ok().flatten()
}

/// Runs `f` once the next frame has been painted (a frame, then a task): for work the reader
/// need not wait for, such as writing out a large document, so it does not delay what is drawn.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(w) = window() else { return };
    let later = Closure::once_into_js(f);
    let w2 = w.clone();
    let frame = Closure::once_into_js(move || {
        let _ = w2.set_timeout_with_callback(later.unchecked_ref());
    });
    let _ = w.request_animation_frame(frame.unchecked_ref());
}

/// The longest JSON kept as the tab's last good document. A tab's sessionStorage holds about 5
/// million characters (Chromium: 10 MiB of UTF-16) and UTF-8 takes at least a byte a character,
/// so a copy within this always fits; a 19 MB document was written out, handed to JavaScript
/// and refused by the storage, 1 s of main thread for nothing.
pub const LAST_GOOD_MAX_BYTES: usize = 4_000_000;

/// Remembers the document shown, as compact JSON, for the crash screen's reload (quota errors
/// are ignored: this is a convenience, not storage the user relies on). A document too large to
/// keep clears the copy instead, so a reload never brings back an older report as if it were
/// this one.
pub fn remember_last_good(doc: &crate::model::Document) {
    let Some(s) = session_storage() else { return };
    match json_within(doc, LAST_GOOD_MAX_BYTES) {
        Some(json) => {
            let _ = s.set_item(LAST_GOOD_KEY, &json);
        }
        None => {
            let _ = s.remove_item(LAST_GOOD_KEY);
        }
    }
}

/// The document's JSON (compact: only the app reads it back) when it is at most `limit` bytes;
/// writing stops as soon as it passes the limit, so a huge document costs only `limit` bytes
/// of work.
pub fn json_within(doc: &crate::model::Document, limit: usize) -> Option<String> {
    crate::format::json::write::to_string_within(&crate::format::export::to_raw(doc), limit)
}

pub fn last_good() -> Option<String> {
    session_storage()?.get_item(LAST_GOOD_KEY).ok().flatten()
}

/// Calls `before` and `after` around every printing of the page (the browser's print dialog,
/// Ctrl+P or `window.print()`) while the returned guard lives.
pub struct PrintListener {
    before: Closure<dyn FnMut()>,
    after: Closure<dyn FnMut()>,
}

impl PrintListener {
    pub fn new(before: impl FnMut() + 'static, after: impl FnMut() + 'static) -> PrintListener {
        let listener = PrintListener {
            before: Closure::<dyn FnMut()>::new(before),
            after: Closure::<dyn FnMut()>::new(after),
        };
        if let Some(w) = window() {
            let _ = w.add_event_listener_with_callback(
                "beforeprint",
                listener.before.as_ref().unchecked_ref(),
            );
            let _ = w.add_event_listener_with_callback(
                "afterprint",
                listener.after.as_ref().unchecked_ref(),
            );
        }
        listener
    }
}

impl Drop for PrintListener {
    fn drop(&mut self) {
        if let Some(w) = window() {
            let _ = w.remove_event_listener_with_callback(
                "beforeprint",
                self.before.as_ref().unchecked_ref(),
            );
            let _ = w.remove_event_listener_with_callback(
                "afterprint",
                self.after.as_ref().unchecked_ref(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_good_copy_reads_back_as_the_document_or_is_not_made() {
        let doc = crate::format::decode_str(crate::app::shell::SAMPLE_JSON)
            .document
            .expect("the sample");
        let json = json_within(&doc, LAST_GOOD_MAX_BYTES).expect("the sample fits");
        assert_eq!(
            crate::format::decode_str(&json).document.as_ref(),
            Some(&doc)
        );
        // One byte short of its own length: no copy, rather than a cut one.
        assert_eq!(json_within(&doc, json.len() - 1), None);
        assert_eq!(
            json_within(&doc, json.len()).as_deref(),
            Some(json.as_str())
        );
    }
}
