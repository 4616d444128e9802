//! Native render tests of the edit view: the text area with its gutter, the problems of the
//! text as buttons at their lines, the summary announced politely, and the preview kept and
//! marked out of date while the text has errors.

use std::rc::Rc;

use hokoku::app::components::editor::{EditorView, EditorViewProps};
use hokoku::app::state::{Action, AppState, EditAction};
use hokoku::format::decode_str;
use yew::prelude::*;
use yew::{LocalServerRenderer, Reducible};

const MINIMAL: &str = include_str!("../examples/minimal.json");

#[derive(Properties, PartialEq)]
struct HarnessProps {
    /// Texts given to the editor in turn: the first is opened, the others checked.
    texts: Vec<&'static str>,
}

#[function_component]
fn Harness(props: &HarnessProps) -> Html {
    let texts = props.texts.clone();
    let state = use_reducer(move || {
        let mut s = Rc::new(AppState::default());
        for (i, text) in texts.iter().enumerate() {
            let action = if i == 0 {
                EditAction::Open {
                    key: "doc:test".into(),
                    text: (*text).into(),
                    restored: None,
                }
            } else {
                EditAction::Checked {
                    text: (*text).into(),
                    outcome: decode_str(text),
                }
            };
            s = s.reduce(Action::Edit(action));
        }
        (*s).clone()
    });
    let props = EditorViewProps {
        editor: state.editor.clone(),
        document: state.document.clone(),
        shown: state.shown.clone(),
        source: state.source.clone(),
        report: state.report,
        selection: state.selection,
        range: state.range,
        lang: state.lang(),
        dispatch: state.dispatcher(),
    };
    html! { <EditorView ..props /> }
}

async fn render(texts: Vec<&'static str>) -> String {
    LocalServerRenderer::<Harness>::with_props(HarnessProps { texts })
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn a_good_text_is_previewed_with_no_problem() {
    let html = render(vec![MINIMAL]).await;
    assert!(html.contains(r#"data-testid="editor-text""#));
    assert!(html.contains(r#"aria-live="polite""#));
    assert!(html.contains("問題はありません。"));
    assert!(html.contains(r#"data-stale="false""#));
    assert!(!html.contains(r#"data-testid="editor-problem""#));
    // One gutter run for all 12 lines (no marker).
    assert!(
        html.contains("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12"),
        "{html}"
    );
}

#[tokio::test]
async fn errors_are_listed_at_their_lines_and_the_preview_is_kept_out_of_date() {
    let broken: &'static str = Box::leak(
        MINIMAL
            .replace(
                "\"end\": \"2026-05-11T15:05:00+09:00\"",
                "\"end\": \"2026-05-11T15:05:00\"",
            )
            .into_boxed_str(),
    );
    assert_ne!(broken, MINIMAL);
    let html = render(vec![MINIMAL, broken]).await;
    assert!(html.contains("エラー 1 件、警告 0 件"));
    assert!(html.contains(r#"data-code="missing-offset""#));
    assert!(
        html.contains(r#"data-line="10""#),
        "the error is on the line of end"
    );
    assert!(
        html.contains(r#"data-testid="editor-problem-go""#),
        "clickable"
    );
    assert!(html.contains(r#"data-testid="gutter-mark""#));
    assert!(html.contains(r#"data-stale="true""#));
    assert!(html.contains(r#"data-testid="preview-stale""#));
    // The preview still shows the last good version (its timeline), not a blank.
    assert!(html.contains(r#"data-testid="timeline""#), "timeline kept");
}

#[tokio::test]
async fn a_text_that_never_read_says_so_instead_of_a_blank() {
    let html = render(vec!["{\"version\": 1,"]).await;
    assert!(html.contains(r#"data-testid="preview-empty""#));
    assert!(html.contains(r#"data-code="syntax""#));
}
