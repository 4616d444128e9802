//! The edit view's actions: insert an event (at a given time or now), a phase, a measure or a
//! section at the cursor; save (download as written or normalized, copy, print the letter);
//! start another document (templates, pasted Statuspage JSON, the shown report) and the list
//! of drafts, each openable and discardable.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::components::editor::dom;
use crate::app::components::problems::ProblemsPanel;
use crate::app::drafts::{self, DraftMeta};
use crate::app::state::{Action, AppState, EditAction, Editor};
use crate::format::edit::complete::KnownIds;
use crate::format::edit::insert::{self, InsertError, Snippet};
use crate::format::edit::templates::{convert_pasted, Template};
use crate::format::problem::Problem;
use crate::model::i18n::tr;
use crate::model::{Document, Lang, Zone};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub editor: Rc<Editor>,
    pub area_ref: NodeRef,
    pub lang: Lang,
    /// The app's shown document and where it came from, to offer editing it when it is not the
    /// one being edited (a file loaded meanwhile).
    pub document: Option<Rc<Document>>,
    pub source: Option<Rc<str>>,
    pub report: usize,
    pub dispatch: UseReducerDispatcher<AppState>,
    /// A short message for the status line ("Copied", "Nowhere to insert…").
    pub onnotice: Callback<String>,
    pub onprint: Callback<()>,
}

/// Opens `text` as a new session under `key`, saved at once so it is listed and survives.
pub fn open_new(dispatch: &UseReducerDispatcher<AppState>, key: String, text: String) -> bool {
    let saved = drafts::save(&key, &text, None);
    dispatch.dispatch(Action::Edit(EditAction::Open {
        key: key.into(),
        text: text.into(),
        restored: None,
    }));
    saved
}

fn template_label(t: Template, lang: Lang) -> &'static str {
    match t {
        Template::Minimal => tr(lang, "最小の報告", "Smallest report"),
        Template::Complete => tr(lang, "完全な報告 (見本)", "Complete report (sample)"),
        Template::History => tr(lang, "報告の履歴", "History of reports"),
    }
}

#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let time_ref = use_node_ref();
    let paste_ref = use_node_ref();
    let paste_problems = use_state(|| None::<Rc<[Problem]>>);
    let draft_list = use_state(Vec::<DraftMeta>::new);
    // Read the list once mounted (and whenever another draft is edited), not only when the menu
    // opens: `toggle` fires after the menu is already drawn open, so a reader would otherwise
    // first be told "no saved drafts" when there are some. (Effects do not run in SSR tests.)
    {
        let draft_list = draft_list.clone();
        use_effect_with(props.editor.key.clone(), move |_| {
            draft_list.set(drafts::list())
        });
    }
    let preview = props.editor.preview.clone();
    let zone = preview
        .as_ref()
        .and_then(|d| d.reports.get(props.report).or(d.reports.first()))
        .map(|r| r.zone)
        .or(Some(Zone::jst()));

    let insert_with = |make: Rc<dyn Fn() -> Option<Snippet>>| {
        let area_ref = props.area_ref.clone();
        let onnotice = props.onnotice.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(area) = area_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let Some(snippet) = make() else {
                onnotice.emit(
                    tr(
                        lang,
                        "日時を読み取れませんでした。",
                        "Could not read that time.",
                    )
                    .into(),
                );
                return;
            };
            let (text, cursor) = dom::text_and_cursor(&area);
            match insert::insert(&text, cursor, &snippet) {
                Ok(edit) => dom::apply(&area, &edit),
                Err(InsertError::NoPlace { path }) => onnotice.emit(match lang {
                    Lang::Ja => format!(
                        "挿入できません: 「{path}」が本文にありません (または閉じていません)。"
                    ),
                    Lang::En => format!("Nowhere to insert: the text has no (closed) \"{path}\"."),
                }),
            }
        })
    };
    let on_event = {
        let time_ref = time_ref.clone();
        insert_with(Rc::new(move || {
            let zone = zone?;
            let given = time_ref
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .filter(|v| !v.is_empty());
            let at = match given {
                Some(v) => insert::instant_from_local(&v, zone)?,
                None => insert::instant_at(drafts::now() as i64, zone)?,
            };
            Some(Snippet::Event { at })
        }))
    };
    let on_phase = {
        let preview = preview.clone();
        let report = props.report;
        insert_with(Rc::new(move || {
            let taken = preview
                .as_ref()
                .map(|d| KnownIds::of(d, report).phases)
                .unwrap_or_default();
            let start = insert::instant_at(drafts::now() as i64, zone?)?;
            Some(Snippet::Phase {
                id: insert::next_id("p", &taken),
                start,
            })
        }))
    };
    let on_measure = insert_with(Rc::new(|| Some(Snippet::Measure)));
    let on_section = insert_with(Rc::new(|| Some(Snippet::Section)));

    let file_name = preview
        .as_ref()
        .and_then(|d| d.reports.get(props.report).or(d.reports.first()))
        .map(|r| match r.header.issued {
            Some(day) => format!("{day}-{}.json", r.id),
            None => format!("{}.json", r.id),
        })
        .unwrap_or_else(|| "hokoku-draft.json".into());
    let on_download = {
        let area_ref = props.area_ref.clone();
        let name = file_name.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(area) = area_ref.cast::<HtmlTextAreaElement>() {
                crate::app::browser::save_text(&name, &area.value(), "application/json");
            }
        })
    };
    let normalized = (!props.editor.stale).then_some(preview.clone()).flatten();
    let on_normalized = {
        let name = file_name.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(doc) = &normalized {
                let json = crate::format::export::to_json(doc);
                crate::app::browser::save_text(&name, &json, "application/json");
            }
        })
    };
    let on_copy = {
        let area_ref = props.area_ref.clone();
        let onnotice = props.onnotice.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(area) = area_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let done = dom::copy(&area.value());
            onnotice.emit(if done {
                tr(lang, "本文をコピーしました。", "Copied the text.").into()
            } else {
                tr(
                    lang,
                    "コピーできませんでした。本文を選択してコピーしてください。",
                    "Could not copy; select the text and copy it.",
                )
                .into()
            });
        })
    };
    let on_print = {
        let onprint = props.onprint.clone();
        Callback::from(move |_: MouseEvent| onprint.emit(()))
    };

    let templates = Template::ALL.iter().map(|&t| {
        let dispatch = props.dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            open_new(&dispatch, drafts::key_for_new(t.code(), drafts::now()), t.text().to_string());
        });
        html! {
            <button type="button" class="hk-button" data-testid={format!("template-{}", t.code())} {onclick}>
                { template_label(t, lang) }
            </button>
        }
    });
    let on_convert = {
        let dispatch = props.dispatch.clone();
        let paste_ref = paste_ref.clone();
        let paste_problems = paste_problems.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(area) = paste_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            match convert_pasted(&area.value()) {
                Ok(text) => {
                    paste_problems.set(None);
                    area.set_value("");
                    open_new(
                        &dispatch,
                        drafts::key_for_new("statuspage", drafts::now()),
                        text,
                    );
                }
                // The draft and the shown report stay as they are.
                Err(problems) => paste_problems.set(Some(problems.into())),
            }
        })
    };
    let shown_other = match (&props.document, &props.source) {
        (Some(doc), Some(source)) if **source != *props.editor.key => {
            Some((doc.clone(), source.clone()))
        }
        _ => None,
    };
    let edit_shown = shown_other.map(|(doc, source)| {
        let dispatch = props.dispatch.clone();
        let name = source.to_string();
        let onclick = Callback::from(move |_: MouseEvent| {
            let key = drafts::key_for_source(&source);
            let restored = drafts::load(&key);
            let fresh: Rc<str> = crate::format::export::to_json(&doc).into();
            dispatch.dispatch(Action::Edit(match restored {
                Some((text, meta)) => EditAction::Open {
                    key: key.into(),
                    text: text.into(),
                    restored: Some((meta.saved, fresh)),
                },
                None => EditAction::Open {
                    key: key.into(),
                    text: fresh,
                    restored: None,
                },
            }));
        });
        html! {
            <button type="button" class="hk-button" data-testid="edit-shown" {onclick}>
                { tr(lang, "表示中の報告を編集: ", "Edit the shown report: ") }{ name }
            </button>
        }
    });
    let on_drafts_toggle = {
        let draft_list = draft_list.clone();
        Callback::from(move |e: Event| {
            let open = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|d| d.has_attribute("open"));
            if open {
                draft_list.set(drafts::list());
            }
        })
    };
    let drafts_items = draft_list.iter().map(|d| {
        let when = js_sys::Date::new(&d.saved.into()).to_locale_string(lang.code(), &wasm_bindgen::JsValue::UNDEFINED);
        let name = d.title.clone().unwrap_or_else(|| d.key.clone());
        let current = d.key == *props.editor.key;
        let open = {
            let dispatch = props.dispatch.clone();
            let key = d.key.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some((text, _)) = drafts::load(&key) {
                    dispatch.dispatch(Action::Edit(EditAction::Open { key: key.clone().into(), text: text.into(), restored: None }));
                }
            })
        };
        let discard = {
            let key = d.key.clone();
            let draft_list = draft_list.clone();
            Callback::from(move |_: MouseEvent| {
                drafts::discard(&key);
                draft_list.set(drafts::list());
            })
        };
        html! {
            <li class="hk-editor__draft" data-testid="draft">
                <span class="hk-editor__draft-name">{ name }</span>
                <span class="hk-editor__draft-when">{ String::from(when) }</span>
                if current {
                    <span class="hk-editor__draft-current">{ tr(lang, "(編集中)", "(editing)") }</span>
                } else {
                    <button type="button" class="hk-button" onclick={open}>{ tr(lang, "開く", "Open") }</button>
                }
                <button type="button" class="hk-button" data-testid="draft-discard" onclick={discard}>{ tr(lang, "破棄", "Discard") }</button>
            </li>
        }
    });
    let empty_drafts = draft_list.is_empty();
    html! {
        <div class="hk-editor__bar hk-chrome">
            <div class="hk-editor__group" role="group" aria-label={tr(lang, "挿入", "Insert")}>
                <span class="hk-editor__group-name" aria-hidden="true">{ tr(lang, "挿入", "Insert") }</span>
                <label class="hk-editor__time">
                    <span class="hk-visually-hidden">{ tr(lang, "出来事の日時 (空欄なら現在)", "Event time (empty: now)") }</span>
                    <input type="datetime-local" ref={time_ref} data-testid="insert-time" />
                </label>
                <button type="button" class="hk-button" data-testid="insert-event" onclick={on_event}>{ tr(lang, "出来事", "Event") }</button>
                <button type="button" class="hk-button" data-testid="insert-phase" onclick={on_phase}>{ tr(lang, "フェーズ", "Phase") }</button>
                <button type="button" class="hk-button" data-testid="insert-measure" onclick={on_measure}>{ tr(lang, "対策", "Measure") }</button>
                <button type="button" class="hk-button" data-testid="insert-section" onclick={on_section}>{ tr(lang, "節", "Section") }</button>
            </div>
            <div class="hk-editor__group" role="group" aria-label={tr(lang, "保存", "Save")}>
                <span class="hk-editor__group-name" aria-hidden="true">{ tr(lang, "保存", "Save") }</span>
                <button type="button" class="hk-button" data-testid="editor-download" onclick={on_download}>{ tr(lang, "書いたまま保存", "Download as written") }</button>
                <button type="button" class="hk-button" data-testid="editor-download-normalized" disabled={props.editor.stale} onclick={on_normalized}>{ tr(lang, "整形して保存", "Download normalized") }</button>
                <button type="button" class="hk-button" data-testid="editor-copy" onclick={on_copy}>{ tr(lang, "コピー", "Copy") }</button>
                <button type="button" class="hk-button" data-testid="editor-print" onclick={on_print}>{ tr(lang, "お詫び状を印刷", "Print the letter") }</button>
            </div>
            <details class="hk-editor__menu" data-testid="editor-new">
                <summary>{ tr(lang, "新規・テンプレート", "New from a template") }</summary>
                <div class="hk-editor__menu-body">
                    { for templates }
                    { edit_shown.unwrap_or_default() }
                    <label for="hk-editor-paste">{ tr(lang, "Statuspage の JSON を貼り付けて変換:", "Paste Statuspage JSON to convert:") }</label>
                    <textarea id="hk-editor-paste" class="hk-editor__paste" ref={paste_ref} data-testid="statuspage-paste" spellcheck="false" />
                    <button type="button" class="hk-button" data-testid="statuspage-convert" onclick={on_convert}>{ tr(lang, "変換して編集", "Convert and edit") }</button>
                    if let Some(problems) = &*paste_problems {
                        <ProblemsPanel problems={problems.clone()} {lang}
                            title={AttrValue::from(tr(lang, "変換できませんでした。下書きと表示中の報告はそのままです。", "Could not convert. The draft and the shown report are unchanged."))} />
                    }
                </div>
            </details>
            <details class="hk-editor__menu" data-testid="editor-drafts" ontoggle={on_drafts_toggle}>
                <summary>{ tr(lang, "下書き", "Drafts") }</summary>
                <div class="hk-editor__menu-body">
                    if empty_drafts {
                        <p>{ tr(lang, "保存された下書きはありません。", "No saved drafts.") }</p>
                    } else {
                        <ul class="hk-editor__drafts">{ for drafts_items }</ul>
                    }
                </div>
            </details>
        </div>
    }
}
