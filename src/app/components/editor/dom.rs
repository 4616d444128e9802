//! The edit view's text-area I/O: reading the text and the cursor, applying an [`Edit`] as one
//! undoable browser edit, putting the cursor at a line and column, and a restartable timer for
//! checking the text after a pause in typing.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlTextAreaElement;

use crate::format::edit::{text, Edit};

/// The text and the cursor's byte offset in it.
pub fn text_and_cursor(area: &HtmlTextAreaElement) -> (String, usize) {
    let value = area.value();
    let utf16 = area.selection_start().ok().flatten().unwrap_or(0);
    let cursor = text::offset_of_utf16(&value, utf16);
    (value, cursor)
}

/// Applies `edit` (byte offsets into the area's current text) through the browser's own
/// editing, so Ctrl+Z undoes it and an `input` event follows as for typing.
pub fn apply(area: &HtmlTextAreaElement, edit: &Edit) {
    let value = area.value();
    let start = text::utf16_of(&value, edit.start);
    let end = text::utf16_of(&value, edit.end);
    let _ = area.focus();
    let _ = area.set_selection_range(start, end);
    if !exec_insert_text(&edit.insert) {
        // Without execCommand: replace directly and announce the change like typing would.
        let _ = area.set_range_text_with_start_and_end(&edit.insert, start, end);
        if let Ok(event) = web_sys::Event::new("input") {
            let _ = area.dispatch_event(&event);
        }
    }
    let after = area.value();
    let cursor = text::utf16_of(&after, edit.cursor);
    let _ = area.set_selection_range(cursor, cursor);
}

fn exec_insert_text(insert: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let exec = js_sys::Reflect::get(&document, &JsValue::from_str("execCommand"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(exec) = exec else { return false };
    exec.call3(
        &document,
        &JsValue::from_str("insertText"),
        &JsValue::FALSE,
        &JsValue::from_str(insert),
    )
    .ok()
    .and_then(|r| r.as_bool())
    .unwrap_or(false)
}

/// Puts the cursor at 1-based `line` and `column` and scrolls it into the middle of the view.
pub fn go_to(area: &HtmlTextAreaElement, line: u32, column: u32) {
    let value = area.value();
    let offset = text::offset_of(&value, line, column);
    let at = text::utf16_of(&value, offset);
    let _ = area.focus();
    let _ = area.set_selection_range(at, at);
    let lines = text::line_count(&value).max(1) as f64;
    let line_height = area.scroll_height() as f64 / lines;
    let top = (line as f64 - 1.0) * line_height - area.client_height() as f64 / 3.0;
    area.set_scroll_top(top.max(0.0) as i32);
}

/// Replaces the whole text (a template, a draft): not an edit the writer made.
pub fn set_text(area: &HtmlTextAreaElement, text: &str) {
    if area.value() != text {
        area.set_value(text);
        let _ = area.set_selection_range(0, 0);
        area.set_scroll_top(0);
    }
}

/// A timer that runs its callback once after `ms`, restarted by each `restart`.
#[derive(Default)]
pub struct Debounce {
    handle: Option<i32>,
    closure: Option<Closure<dyn FnMut()>>,
}

impl Debounce {
    pub fn restart(this: &Rc<RefCell<Debounce>>, ms: i32, run: impl FnOnce() + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let mut d = this.borrow_mut();
        if let Some(h) = d.handle.take() {
            window.clear_timeout_with_handle(h);
        }
        let mut run = Some(run);
        let closure = Closure::<dyn FnMut()>::new(move || {
            if let Some(run) = run.take() {
                run();
            }
        });
        d.handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                closure.as_ref().unchecked_ref(),
                ms,
            )
            .ok();
        // The previous closure is dropped here, after its timer was cleared.
        d.closure = Some(closure);
    }

    pub fn cancel(&mut self) {
        if let (Some(h), Some(w)) = (self.handle.take(), web_sys::window()) {
            w.clear_timeout_with_handle(h);
        }
    }
}

/// Copies `text` to the clipboard (the browser may refuse outside a user gesture).
pub fn copy(text: &str) -> bool {
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("navigator")).ok())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("clipboard")).ok())
        .filter(|c| !c.is_undefined());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match write {
        Some(f) => f.call1(&clipboard, &JsValue::from_str(text)).is_ok(),
        None => false,
    }
}
