//! The edit view's part of the app state: the text being written, its problems, the last
//! version that read without error (the preview), and the actions that change them.
//!
//! The text area itself is the source of truth while the writer types (it is never re-set
//! from here on each keystroke, so it never lags); the state receives the text when it is
//! checked, after a short pause, and when a new text is opened (template, draft, shown report),
//! which bumps `revision` so the view writes it into the text area once.

use std::rc::Rc;

use crate::app::state::{AppState, View};
use crate::format::problem::Problem;
use crate::format::{decode_str, Outcome};
use crate::model::Document;

/// Which pane a phone shows (wide screens show both side by side).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pane {
    #[default]
    Text,
    Preview,
}

/// One editing session: one document's text.
#[derive(Clone, Debug, PartialEq)]
pub struct Editor {
    /// The draft's key in storage (one per document).
    pub key: Rc<str>,
    /// The text as last checked or opened.
    pub text: Rc<str>,
    /// Bumped when the text is replaced from outside the text area.
    pub revision: u32,
    /// The problems of `text`, errors first.
    pub problems: Rc<[Problem]>,
    /// The last version of the text that read without error; what the preview shows.
    pub preview: Option<Rc<Document>>,
    /// The preview is older than the text (the text has errors now).
    pub stale: bool,
    /// Which of the three views the preview shows.
    pub preview_view: View,
    pub pane: Pane,
    /// When the text was restored from a draft: its save time (Unix ms) and the text the
    /// session would have started from otherwise, to go back to on "discard".
    pub restored: Option<(f64, Rc<str>)>,
}

impl Editor {
    pub fn errors(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

pub enum EditAction {
    /// Starts editing `text` under draft `key` (a template, a draft, the shown report).
    Open {
        key: Rc<str>,
        text: Rc<str>,
        restored: Option<(f64, Rc<str>)>,
    },
    /// The text area's text was read (after a pause in typing).
    Checked {
        text: Rc<str>,
        outcome: Outcome,
    },
    SetPreview(View),
    SetPane(Pane),
    /// The restore banner was acknowledged.
    KeepRestored,
}

pub fn reduce(next: &mut AppState, action: EditAction) {
    match action {
        EditAction::Open {
            key,
            text,
            restored,
        } => {
            let outcome = decode_str(&text);
            let old = next.editor.as_deref();
            let mut editor = Editor {
                key,
                text: text.clone(),
                revision: old.map_or(1, |e| e.revision + 1),
                problems: Rc::from([]),
                preview: None,
                stale: false,
                preview_view: old.map_or(View::Timeline, |e| e.preview_view),
                pane: old.map_or(Pane::Text, |e| e.pane),
                restored,
            };
            checked(next, &mut editor, text, outcome);
            next.editor = Some(Rc::new(editor));
        }
        EditAction::Checked { text, outcome } => {
            let Some(old) = next.editor.as_deref() else {
                return;
            };
            let mut editor = old.clone();
            checked(next, &mut editor, text, outcome);
            next.editor = Some(Rc::new(editor));
        }
        EditAction::SetPreview(view) => update(next, |e| e.preview_view = view),
        EditAction::SetPane(pane) => update(next, |e| e.pane = pane),
        EditAction::KeepRestored => update(next, |e| e.restored = None),
    }
}

fn update(next: &mut AppState, change: impl FnOnce(&mut Editor)) {
    if let Some(old) = next.editor.as_deref() {
        let mut editor = old.clone();
        change(&mut editor);
        next.editor = Some(Rc::new(editor));
    }
}

/// Takes a checked text: a text that reads becomes the preview and the app's shown document
/// (so the header, the other tabs and printing follow the writer); one with errors keeps the
/// last good preview, marked out of date.
fn checked(next: &mut AppState, editor: &mut Editor, text: Rc<str>, outcome: Outcome) {
    editor.text = text;
    editor.problems = outcome.problems.clone().into();
    match outcome.document {
        Some(doc) => {
            let doc = Rc::new(doc);
            editor.preview = Some(doc.clone());
            editor.stale = false;
            next.replace_document(doc, editor.key.clone(), outcome.problems);
        }
        None => editor.stale = true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::state::Action;
    use yew::Reducible;

    const GOOD: &str = include_str!("../../../examples/minimal.json");

    fn open(text: &str) -> Rc<AppState> {
        Rc::new(AppState::default()).reduce(Action::Edit(EditAction::Open {
            key: "doc:test".into(),
            text: text.into(),
            restored: None,
        }))
    }

    fn check(s: Rc<AppState>, text: &str) -> Rc<AppState> {
        s.reduce(Action::Edit(EditAction::Checked {
            text: text.into(),
            outcome: decode_str(text),
        }))
    }

    #[test]
    fn a_good_text_is_previewed_and_shown() {
        let s = open(GOOD);
        let e = s.editor.as_ref().expect("editor");
        assert!(e.preview.is_some() && !e.stale);
        assert_eq!(
            s.shown_report().and_then(|r| r.header.title.as_deref()),
            Some("メール配送遅延のご報告")
        );
    }

    #[test]
    fn errors_keep_the_last_good_preview_marked_stale() {
        let s = open(GOOD);
        let before = s.editor.as_ref().unwrap().preview.clone();
        let broken = GOOD.replace("+09:00\"\n", "\"\n");
        let s = check(s, &broken);
        let e = s.editor.as_ref().unwrap();
        assert!(e.stale);
        assert_eq!(e.errors(), 1);
        assert_eq!(e.problems[0].code(), "missing-offset");
        assert_eq!(e.preview, before, "the preview stays");
        assert!(s.shown_report().is_some(), "the shown report stays");
        assert_eq!(&*e.text, broken.as_str());
        // Fixing it brings the preview up to date.
        let s = check(s, &GOOD.replace("メール配送遅延", "メール遅延"));
        let e = s.editor.as_ref().unwrap();
        assert!(!e.stale);
        assert_eq!(
            s.shown_report().and_then(|r| r.header.title.as_deref()),
            Some("メール遅延のご報告")
        );
    }

    #[test]
    fn a_bad_file_loaded_while_editing_changes_neither_draft_nor_report() {
        let s = open(GOOD);
        let ticket = s.latest + 1;
        let s = s.reduce(Action::Decoded {
            ticket,
            source: "bad.json".into(),
            outcome: decode_str("{"),
        });
        assert!(s.failure.is_some());
        assert_eq!(&*s.editor.as_ref().unwrap().text, GOOD);
        assert_eq!(
            s.shown_report().and_then(|r| r.header.title.as_deref()),
            Some("メール配送遅延のご報告")
        );
    }

    #[test]
    fn reopening_bumps_the_revision_and_keeps_the_preview_choice() {
        let s = open(GOOD);
        let s = s.reduce(Action::Edit(EditAction::SetPreview(View::Letter)));
        let r = s.editor.as_ref().unwrap().revision;
        let s = s.reduce(Action::Edit(EditAction::Open {
            key: "new:x".into(),
            text: "{".into(),
            restored: None,
        }));
        let e = s.editor.as_ref().unwrap();
        assert_eq!(e.revision, r + 1);
        assert_eq!(e.preview_view, View::Letter);
        assert!(e.preview.is_none() && e.stale);
    }
}
