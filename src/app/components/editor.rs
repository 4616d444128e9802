//! The edit view (編集 / Edit): the document's JSON in a plain text area with a line gutter, its
//! problems (each a button that puts the cursor at its line and column), completion of ids and
//! codes, insert and save actions, and a live preview of any of the three views beside it (a
//! toggle on phones). The draft is saved on every change (see [`crate::app::drafts`]).
//!
//! Why a `textarea` and not a bundled editor: it costs no bytes, works under the strict CSP,
//! and is accessible and fast as the browser made it. The text area is never re-rendered from
//! state while the writer types; the text is checked after a short pause.

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::app::drafts;
use crate::app::state::{Action, AppState, EditAction, Editor, Pane, Selection, View};
use crate::format::decode_str;
use crate::format::edit::complete::{complete_at, Completion, KnownIds};
use crate::format::edit::text::line_count;
use crate::format::problem::{Problem, Severity};
use crate::model::i18n::tr;
use crate::model::{Document, Lang, Report};

pub mod dom;
pub mod gutter;
pub mod preview;
pub mod toolbar;

use dom::Debounce;
use gutter::Gutter;
use preview::Preview;
use toolbar::Toolbar;

/// The pause in typing after which the text is checked and the preview redrawn: short for a
/// usual report, so the preview follows the keys; longer for a large one, whose check and
/// redraw cost more, so that fast typing does not queue one check per key.
pub fn check_after_ms(text_len: usize) -> i32 {
    match text_len {
        0..30_000 => 10,
        30_000..100_000 => 60,
        _ => 120,
    }
}

#[derive(Properties, PartialEq)]
pub struct EditorViewProps {
    pub editor: Option<Rc<Editor>>,
    pub document: Option<Rc<Document>>,
    pub shown: Option<Rc<Report>>,
    pub source: Option<Rc<str>>,
    pub report: usize,
    pub selection: Selection,
    pub range: Option<(i64, i64)>,
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// Starts the session when the edit view first opens: the shown document's draft if it has
/// one, else (when nothing in particular was loaded) the draft edited last, else the shown
/// document itself. A restored draft says so and can be discarded.
fn start_session(props: &EditorViewProps) {
    let fresh: Rc<str> = match &props.document {
        Some(doc) => crate::format::export::to_json(doc).into(),
        None => crate::format::edit::templates::Template::Minimal
            .text()
            .into(),
    };
    let source = props.source.as_deref().unwrap_or("sample");
    let own = drafts::key_for_source(source);
    let restore = drafts::load(&own).map(|d| (own.clone(), d)).or_else(|| {
        (source == "sample")
            .then(drafts::current)
            .flatten()
            .and_then(|k| drafts::load(&k).map(|d| (k, d)))
    });
    let action = match restore {
        Some((key, (text, meta))) => EditAction::Open {
            key: key.into(),
            text: text.into(),
            restored: Some((meta.saved, fresh)),
        },
        None => EditAction::Open {
            key: own.into(),
            text: fresh,
            restored: None,
        },
    };
    props.dispatch.dispatch(Action::Edit(action));
}

fn summary(lang: Lang, errors: usize, warnings: usize) -> String {
    match (lang, errors, warnings) {
        (Lang::Ja, 0, 0) => "問題はありません。".into(),
        (Lang::Ja, e, w) => format!("エラー {e} 件、警告 {w} 件"),
        (Lang::En, 0, 0) => "No problems.".into(),
        (Lang::En, e, w) => format!("{e} error(s), {w} warning(s)"),
    }
}

#[function_component]
pub fn EditorView(props: &EditorViewProps) -> Html {
    let lang = props.lang;
    let area_ref = use_node_ref();
    let gutter_ref = use_node_ref();
    let debounce = use_mut_ref(Debounce::default);
    let completion = use_state_eq(|| None::<(Completion, usize)>);
    let notice = use_state_eq(String::new);
    let print_pending = use_state(|| false);

    {
        let props_start = props.editor.is_none();
        let start = props_start.then(|| {
            let p = EditorViewProps {
                editor: None,
                document: props.document.clone(),
                shown: None,
                source: props.source.clone(),
                report: props.report,
                selection: props.selection,
                range: props.range,
                lang,
                dispatch: props.dispatch.clone(),
            };
            move || start_session(&p)
        });
        use_effect_with((), move |_| {
            if let Some(start) = start {
                start();
            }
        });
    }
    // A new text from outside (template, draft, restore) is written into the area once.
    {
        let area_ref = area_ref.clone();
        let text = props.editor.as_ref().map(|e| e.text.clone());
        let revision = props.editor.as_ref().map_or(0, |e| e.revision);
        use_effect_with(revision, move |_| {
            if let (Some(area), Some(text)) = (area_ref.cast::<HtmlTextAreaElement>(), text) {
                dom::set_text(&area, &text);
            }
        });
    }
    {
        let debounce = debounce.clone();
        use_effect_with((), move |_| move || debounce.borrow_mut().cancel());
    }
    // "Print the letter": show it in the preview, then print once it is drawn.
    {
        let pending = print_pending.clone();
        let view = props.editor.as_ref().map(|e| e.preview_view);
        use_effect_with((*print_pending, view), move |(p, view)| {
            if *p && *view == Some(View::Letter) {
                pending.set(false);
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }
        });
    }

    let Some(editor) = props.editor.clone() else {
        return html! { <p class="hk-editor__empty">{ tr(lang, "準備中…", "Preparing…") }</p> };
    };
    let ids = Rc::new(
        editor
            .preview
            .as_ref()
            .map(|d| KnownIds::of(d, props.report))
            .unwrap_or_default(),
    );

    let ongoto = {
        let area_ref = area_ref.clone();
        Callback::from(move |(line, column): (u32, u32)| {
            if let Some(area) = area_ref.cast::<HtmlTextAreaElement>() {
                dom::go_to(&area, line, column);
            }
        })
    };
    let oninput = {
        let area_ref = area_ref.clone();
        let debounce = debounce.clone();
        let dispatch = props.dispatch.clone();
        let key = editor.key.clone();
        let title = props.shown.as_ref().and_then(|r| r.header.title.clone());
        let completion = completion.clone();
        let notice = notice.clone();
        let ids = ids.clone();
        Callback::from(move |_: InputEvent| {
            let Some(area) = area_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let (text, cursor) = dom::text_and_cursor(&area);
            if !drafts::save(&key, &text, title.as_deref()) {
                notice.set(tr(lang, "下書きを保存できませんでした (ブラウザの保存領域がいっぱいか無効です)。本文をダウンロードしてください。", "Could not save the draft (browser storage is full or disabled). Download the text.").into());
            }
            completion.set(complete_at(&text, cursor, &ids).map(|c| (c, 0)));
            let area_ref = area_ref.clone();
            let dispatch = dispatch.clone();
            Debounce::restart(&debounce, check_after_ms(text.len()), move || {
                let Some(area) = area_ref.cast::<HtmlTextAreaElement>() else {
                    return;
                };
                let text = area.value();
                let outcome = decode_str(&text);
                dispatch.dispatch(Action::Edit(EditAction::Checked {
                    text: text.into(),
                    outcome,
                }));
            });
        })
    };
    let accept = {
        let area_ref = area_ref.clone();
        let completion = completion.clone();
        let ids = ids.clone();
        Callback::from(move |value: String| {
            completion.set(None);
            let Some(area) = area_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let (text, cursor) = dom::text_and_cursor(&area);
            if let Some(c) = complete_at(&text, cursor, &ids) {
                dom::apply(&area, &c.edit(&value));
            }
        })
    };
    let onkeydown = {
        let completion = completion.clone();
        let accept = accept.clone();
        let area_ref = area_ref.clone();
        let ids = ids.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == " " && e.ctrl_key() {
                e.prevent_default();
                if let Some(area) = area_ref.cast::<HtmlTextAreaElement>() {
                    let (text, cursor) = dom::text_and_cursor(&area);
                    completion.set(complete_at(&text, cursor, &ids).map(|c| (c, 0)));
                }
                return;
            }
            let Some((c, active)) = (*completion).clone() else {
                return;
            };
            let n = c.candidates.len();
            match e.key().as_str() {
                "ArrowDown" => completion.set(Some((c, (active + 1) % n))),
                "ArrowUp" => completion.set(Some((c, (active + n - 1) % n))),
                "Enter" | "Tab" => accept.emit(c.candidates[active].clone()),
                "Escape" => completion.set(None),
                _ => return,
            }
            e.prevent_default();
        })
    };
    let onblur = {
        let completion = completion.clone();
        Callback::from(move |_: FocusEvent| completion.set(None))
    };
    let onscroll = {
        let area_ref = area_ref.clone();
        let gutter_ref = gutter_ref.clone();
        Callback::from(move |_: Event| {
            if let (Some(area), Some(g)) = (
                area_ref.cast::<HtmlTextAreaElement>(),
                gutter_ref.cast::<web_sys::Element>(),
            ) {
                g.set_scroll_top(area.scroll_top());
            }
        })
    };

    let d = props.dispatch.clone();
    let pane_button = |pane: Pane, label: &'static str| {
        let d = d.clone();
        let onclick = Callback::from(move |_| d.dispatch(Action::Edit(EditAction::SetPane(pane))));
        html! {
            <button type="button" class="hk-button" aria-pressed={(editor.pane == pane).to_string()}
                data-testid={match pane { Pane::Text => "pane-text", Pane::Preview => "pane-preview" }} {onclick}>
                { label }
            </button>
        }
    };
    let restored = editor.restored.clone().map(|(saved, fresh)| {
        let when = js_sys::Date::new(&saved.into()).to_locale_string(lang.code(), &wasm_bindgen::JsValue::UNDEFINED);
        let keep = {
            let d = d.clone();
            Callback::from(move |_| d.dispatch(Action::Edit(EditAction::KeepRestored)))
        };
        let discard = {
            let d = d.clone();
            let key = editor.key.clone();
            Callback::from(move |_| {
                drafts::discard(&key);
                d.dispatch(Action::Edit(EditAction::Open { key: key.clone(), text: fresh.clone(), restored: None }));
            })
        };
        html! {
            <div class="hk-editor__restored hk-chrome" role="status" data-testid="draft-restored">
                <span>{ tr(lang, "保存されていた下書きを復元しました: ", "Restored your saved draft from ") }{ String::from(when) }</span>
                <button type="button" class="hk-button" onclick={keep}>{ tr(lang, "このまま続ける", "Keep it") }</button>
                <button type="button" class="hk-button" data-testid="draft-restored-discard" onclick={discard}>{ tr(lang, "下書きを破棄して元に戻す", "Discard the draft and start over") }</button>
            </div>
        }
    });
    let onnotice = {
        let notice = notice.clone();
        Callback::from(move |m: String| notice.set(m))
    };
    let onprint = {
        let d = d.clone();
        let pending = print_pending.clone();
        Callback::from(move |_| {
            d.dispatch(Action::Edit(EditAction::SetPreview(View::Letter)));
            pending.set(true);
        })
    };
    let problems = problem_list(&editor.problems, lang, &ongoto);
    let listbox = (*completion).clone().map(|(c, active)| {
        let items = c.candidates.iter().enumerate().map(|(i, value)| {
            let accept = accept.clone();
            let v = value.clone();
            let onmousedown = Callback::from(move |e: MouseEvent| {
                e.prevent_default(); // keeps the focus (and the cursor) in the text area
                accept.emit(v.clone());
            });
            html! {
                <li role="option" id={format!("hk-completion-{i}")} class="hk-editor__option"
                    aria-selected={(i == active).to_string()} {onmousedown}>{ value.clone() }</li>
            }
        });
        html! {
            <ul class="hk-editor__completion" id="hk-completion" role="listbox" data-testid="completion"
                aria-label={format!("{} {}", tr(lang, "候補:", "Suggestions:"), c.field)}>
                { for items }
            </ul>
        }
    });
    let active = (*completion)
        .as_ref()
        .map(|(_, a)| format!("hk-completion-{a}"));
    let class = classes!(
        "hk-editor",
        match editor.pane {
            Pane::Text => "hk-editor--pane-text",
            Pane::Preview => "hk-editor--pane-preview",
        }
    );
    html! {
        <div {class} data-testid="editor">
            <Toolbar editor={editor.clone()} area_ref={area_ref.clone()} {lang}
                document={props.document.clone()} source={props.source.clone()} report={props.report}
                dispatch={props.dispatch.clone()} {onnotice} {onprint} />
            { restored.unwrap_or_default() }
            <p class="hk-editor__notice hk-chrome" role="status" data-testid="editor-notice">{ (*notice).clone() }</p>
            <div class="hk-editor__panes hk-chrome" role="group" aria-label={tr(lang, "表示する面", "Pane shown")}>
                { pane_button(Pane::Text, tr(lang, "本文", "Text")) }
                { pane_button(Pane::Preview, tr(lang, "プレビュー", "Preview")) }
            </div>
            <div class="hk-editor__body">
                <section class="hk-editor__source hk-chrome" aria-label={tr(lang, "本文 (JSON)", "Text (JSON)")}>
                    <label class="hk-visually-hidden" for="hk-editor-text">{ tr(lang, "報告の JSON", "The report's JSON") }</label>
                    <div class="hk-editor__code">
                        <Gutter lines={line_count(&editor.text)} problems={editor.problems.clone()} {lang}
                            gutter_ref={gutter_ref.clone()} ongoto={ongoto.clone()} />
                        <textarea id="hk-editor-text" class="hk-editor__text" ref={area_ref.clone()}
                            data-testid="editor-text" wrap="off" spellcheck="false" autocomplete="off"
                            autocapitalize="off" aria-autocomplete="list" aria-controls={active.as_ref().map(|_| "hk-completion")}
                            aria-activedescendant={active} aria-describedby="hk-editor-summary"
                            {oninput} {onkeydown} {onblur} {onscroll} />
                    </div>
                    { listbox.unwrap_or_default() }
                    <p id="hk-editor-summary" class="hk-editor__summary" aria-live="polite" data-testid="editor-summary">
                        { summary(lang, editor.errors(), editor.warnings()) }
                    </p>
                    { problems }
                </section>
                <Preview report={editor.preview.as_ref().and(props.shown.clone())} view={editor.preview_view}
                    stale={editor.stale} errors={editor.errors()} {lang} selection={props.selection}
                    range={props.range} dispatch={props.dispatch.clone()} />
            </div>
        </div>
    }
}

/// Each problem as a button that puts the cursor at its line and column, in the problem's
/// language; problems without a position are listed as text.
fn problem_list(problems: &[Problem], lang: Lang, ongoto: &Callback<(u32, u32)>) -> Html {
    if problems.is_empty() {
        return Html::default();
    }
    let items = problems.iter().map(|p| {
        let (severity, badge) = match p.severity {
            Severity::Error => ("error", tr(lang, "エラー", "Error")),
            Severity::Warning => ("warning", tr(lang, "警告", "Warning")),
        };
        let body = html! {
            <>
                <span class="hk-problem__badge">{ badge }</span>
                <code class="hk-problem__where">{ p.location(lang) }</code>
                <span class="hk-problem__what">{ p.message(lang) }</span>
            </>
        };
        let content = match p.pos {
            Some(pos) => {
                let ongoto = ongoto.clone();
                let onclick = Callback::from(move |_| ongoto.emit((pos.line, pos.column)));
                html! { <button type="button" class="hk-editor__problem-go" data-testid="editor-problem-go" {onclick}>{ body }</button> }
            }
            None => body,
        };
        html! {
            <li class="hk-problem" data-testid="editor-problem" data-severity={severity} data-code={p.code()}
                data-line={p.pos.map(|x| x.line.to_string())}>{ content }</li>
        }
    });
    html! {
        <ul class="hk-editor__problems" data-testid="editor-problems"
            aria-label={tr(lang, "本文の問題", "Problems in the text")}>{ for items }</ul>
    }
}
