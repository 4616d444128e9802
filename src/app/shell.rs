//! The app shell: one reducer's state (see `state`), the first load, the URL, `<html lang>`
//! and the tab title kept in step with what is shown, the problems panel and the drop target.
//! Its chrome (header, loader, footer) is in `chrome`, the view switcher and panels in `views`;
//! how it was started is `crate::app::config`.

pub mod chrome;
pub mod views;

use std::rc::Rc;

use web_sys::DragEvent;
use yew::prelude::*;

use self::chrome::{failure, footer_text, header, loader, source_line};
use self::views::{shown_view, tabs, view_panel, REPORT_VIEWS};
use crate::app::browser as web;
use crate::app::components::problems::ProblemsPanel;
use crate::app::components::timeline::ByPtr;
use crate::app::config::Config;
use crate::app::loading::{load_file, load_text, load_url, progress, Loads};
use crate::app::state::{Action, AppState, Selection, View};
use crate::model::i18n::tr;
use crate::model::Lang;

/// The built-in sample, compiled in so it shows even when nothing else can be loaded.
pub const SAMPLE_JSON: &str = include_str!("../../examples/sample.json");

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let config = props.config.clone();
    let state = use_reducer(|| AppState {
        view: config.asked_view().unwrap_or_default(),
        lang_override: config.lang,
        range: config.range,
        ..AppState::default()
    });
    let dispatch = state.dispatcher();
    let loads = use_memo((), |_| Loads::choosing(config.lang));

    // First load: ?src=, else the embedded script, else the built-in sample.
    {
        let dispatch = dispatch.clone();
        let config = config.clone();
        let loads = loads.clone();
        use_effect_with((), move |_| {
            let restored = config.restore.then(web::last_good).flatten();
            if let Some(json) = restored {
                let source = tr(
                    config.lang.unwrap_or_default(),
                    "復元した報告",
                    "restored report",
                );
                load_text(&json, source.into(), &loads, &dispatch);
            } else if let Some(src) = &config.src {
                load_url(src, config.source_origins.clone(), &loads, &dispatch);
            } else if let Some(data) = &config.data {
                load_text(data, "#hokoku-data".into(), &loads, &dispatch);
            } else {
                load_text(SAMPLE_JSON, "sample".into(), &loads, &dispatch);
            }
            // Leaving the page (or a host unmounting us) stops a download still running.
            move || loads.stop()
        });
    }

    // Once the first document is there, open the report and event the URL asked for.
    let opened = use_mut_ref(|| false);
    {
        let dispatch = dispatch.clone();
        let config = config.clone();
        let state = state.clone();
        use_effect_with(state.document.clone(), move |doc| {
            if doc.is_some() && !*opened.borrow() {
                *opened.borrow_mut() = true;
                if let Some(i) = config
                    .report
                    .as_deref()
                    .and_then(|id| state.report_index(id))
                {
                    dispatch.dispatch(Action::SelectReport(i));
                }
                let report = config
                    .report
                    .as_deref()
                    .and_then(|id| state.report_index(id))
                    .unwrap_or(0);
                let event = config.event.as_deref().and_then(|id| {
                    doc.as_ref()?
                        .reports
                        .get(report)?
                        .timeline
                        .iter()
                        .position(|e| e.id == id)
                });
                if let Some(e) = event {
                    dispatch.dispatch(Action::Select(Selection::Event(e)));
                }
                if let Some(r) = config.range {
                    dispatch.dispatch(Action::SetRange(Some(r)));
                }
                // A history opens on its list (see the reducer) unless the URL asked for a
                // report or a view.
                match (&config.report, config.asked_view()) {
                    (Some(_), view) => {
                        dispatch.dispatch(Action::SetView(view.unwrap_or(REPORT_VIEWS[0])))
                    }
                    (None, Some(view)) => dispatch.dispatch(Action::SetView(view)),
                    (None, None) => {}
                }
            }
        });
    }

    let lang = state.lang();
    // The shown report's title, made once per report and language: the header is drawn again
    // on every change of state (each progress step of a download), and copying a 19 MB title
    // twice for each drawing cost 150 ms a time.
    let title = use_memo(
        (state.shown_report().cloned().map(ByPtr), lang),
        |(report, lang)| {
            report
                .as_ref()
                .map(|r| AttrValue::from(r.0.header.shown_title(*lang)))
                .unwrap_or_default()
        },
    );

    // Keep the URL, <html lang> and the tab title in step with what is shown.
    {
        let state = state.clone();
        let standalone = config.standalone;
        let title = title.clone();
        use_effect_with(
            (
                state.view,
                state.report,
                state.selection,
                state.range,
                // By identity: `Rc<Document>`'s own `==` compares every event (on each render).
                state.document.clone().map(ByPtr),
                lang,
            ),
            move |_| {
                if !standalone {
                    return;
                }
                let report = state.shown_report();
                let is_history = state.document.as_ref().is_some_and(|d| d.is_history);
                let fragment = report.and_then(|r| {
                    let e = r.timeline.get(state.selection.event()?)?;
                    Some(crate::app::fragment::fragment_for_event(&e.id))
                });
                web::replace_url(
                    &[
                        ("view", Some(shown_view(&state).code().to_string())),
                        (
                            "report",
                            report.filter(|_| is_history).map(|r| r.id.clone()),
                        ),
                        ("range", state.range.map(|(a, b)| format!("{a},{b}"))),
                    ],
                    fragment.as_deref(),
                );
                web::set_document_lang(lang.code());
                if report.is_some() {
                    web::set_document_title(&format!(
                        "{} — hokoku",
                        crate::model::long::clipped(&title, 120)
                    ));
                }
            },
        );
    }

    // Keep the last good document for the crash screen's "reload" (standalone page only).
    // Not while writing: the edit view's draft keeps the text itself, and writing the whole
    // document out on each checked key would slow the preview of a large one.
    {
        let standalone = config.standalone;
        let editing = shown_view(&state) == View::Edit;
        use_effect_with(state.document.clone().map(ByPtr), move |doc| {
            if let (true, false, Some(ByPtr(doc))) = (standalone, editing, doc) {
                // After the first paint: writing out 1,300 reports took longer than drawing
                // their list, and the reader waited for it.
                let doc = doc.clone();
                web::after_paint(move || web::remember_last_good(&doc));
            }
        });
    }

    // A host page may send the report with postMessage, from the origins it listed.
    {
        let dispatch = dispatch.clone();
        let allowed = config.host_origins.clone();
        let loads = loads.clone();
        use_effect_with((), move |_| {
            let listener = (!allowed.is_empty()).then(|| {
                crate::app::host::MessageListener::new(allowed, move |origin, text| {
                    load_text(&text, origin.into(), &loads, &dispatch);
                })
            });
            move || drop(listener)
        });
    }

    // In an iframe, tell the host how tall the content is so it can size the frame.
    let root_ref = use_node_ref();
    {
        let root_ref = root_ref.clone();
        let config = config.clone();
        use_effect_with((), move |_| {
            let target = match &*config.host_origins {
                [only] => only.clone(),
                _ => "*".to_string(), // a height is not a secret
            };
            let reporter = (config.embed && config.standalone)
                .then(|| root_ref.cast::<web_sys::Element>())
                .flatten()
                .and_then(|el| crate::app::host::HeightReporter::new(&el, target));
            move || drop(reporter)
        });
    }

    let dragging = use_state(|| false);
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Only when leaving the window, not when moving between children.
            if e.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        let dispatch = dispatch.clone();
        let loads = loads.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let file = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                load_file(file, &loads, &dispatch);
            }
        })
    };

    let embed = config.embed;
    let root_class = classes!("hokoku", embed.then_some("hokoku--embed"));
    let ready = state.document.is_some() && state.loading.is_none();
    html! {
        <div class={root_class} ref={root_ref} lang={lang.code()} data-ready={ready.to_string()}
            data-theme={config.theme.attribute()}
            {ondragover} {ondragleave} {ondrop}>
            if !embed {
                { header(&state, &title, lang, &dispatch) }
                { loader(lang, &loads, &dispatch) }
            }
            { progress(&state, lang, &loads, &dispatch) }
            { failure(&state, lang, &dispatch) }
            if !embed {
                { tabs(&state, lang, &dispatch) }
            }
            <main class="hk-main">
                if config.refuses_edit() {
                    <p class="hk-embed-note" role="note" data-testid="edit-refused">
                        { tr(lang,
                            "編集画面は埋め込み表示では開けません。hokoku を単独で開いて編集してください。",
                            "The edit view does not open in an embedded frame; open hokoku on its own to edit.") }
                    </p>
                }
                { view_panel(&state, lang, &dispatch, embed) }
                if embed {
                    { source_line(&state, lang) }
                }
                // The edit view lists the warnings with the errors, at their lines.
                if !state.warnings.is_empty() && shown_view(&state) != View::Edit {
                    <ProblemsPanel problems={state.warnings.clone()} {lang}
                        title={warnings_title(&state, lang)} broken={broken_reports(&state)} />
                }
            </main>
            if !embed {
                <footer class="hk-footer hk-chrome">
                    { footer_text(&state, lang) }
                </footer>
            }
            if *dragging {
                <div class="hk-drop-hint hk-chrome" aria-hidden="true">
                    { tr(lang, "ここにドロップして読み込み", "Drop to load") }
                </div>
            }
        </div>
    }
}

/// The shown history's entries that could not be opened (their problems are in `warnings`).
fn broken_reports(state: &AppState) -> Rc<[crate::model::BrokenReport]> {
    state
        .document
        .as_ref()
        .map(|d| d.broken.clone())
        .unwrap_or_default()
        .into()
}

/// The panel's heading under a shown document: warnings, or the history's unopened reports.
fn warnings_title(state: &AppState, lang: Lang) -> AttrValue {
    let n = state.document.as_ref().map_or(0, |d| d.broken.len());
    AttrValue::from(match (n, lang) {
        (0, _) => tr(lang, "警告", "Warnings").to_string(),
        (n, Lang::Ja) => format!("開けない報告が{n}件あります（一覧と集計から除外。ほかの報告は表示しています）"),
        (1, Lang::En) => "1 report could not be opened (left out of the list and the figures; the others are shown)".to_string(),
        (n, Lang::En) => format!("{n} reports could not be opened (left out of the list and the figures; the others are shown)"),
    })
}

/// Id of the element the standalone page renders into. A host page that uses `mount` has none,
/// so loading the module there starts nothing by itself.
pub const ROOT_ID: &str = "hokoku-root";

/// Renders the app into `#hokoku-root`, reading its configuration from the URL.
pub fn start() {
    install_panic_hook();
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ROOT_ID));
    let Some(root) = root else { return };
    let config = Rc::new(Config::from_page());
    yew::Renderer::<App>::with_root_and_props(root, AppProps { config }).render();
}

/// If anything ever panics, say so and offer a reload instead of leaving a dead page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("hokoku panicked: {info}").into());
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(body) = doc.body() else { return };
        let Ok(box_) = doc.create_element("div") else {
            return;
        };
        box_.set_class_name("hokoku");
        let _ = box_.set_attribute("role", "alert");
        let _ = box_.set_attribute("data-testid", "crash");
        let inner = doc.create_element("div").ok();
        if let Some(inner) = inner {
            inner.set_class_name("hk-crash");
            inner.set_text_content(Some(
                "予期しないエラーが発生しました。ページを再読み込みしてください。 / \
                 Something went wrong. Please reload the page.",
            ));
            if let Ok(a) = doc.create_element("a") {
                let href = web_sys::window()
                    .and_then(|w| web_sys::Url::new(&w.location().href().ok()?).ok())
                    .map(|url| {
                        url.search_params().set("restore", "1");
                        String::from(url.href())
                    })
                    .unwrap_or_default();
                let _ = a.set_attribute("href", &href);
                a.set_text_content(Some(" 再読み込み / Reload"));
                let _ = inner.append_child(&a);
            }
            let _ = box_.append_child(&inner);
        }
        let _ = body.prepend_with_node_1(&box_);
    }));
}
