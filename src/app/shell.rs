//! The app shell: header, view switcher, the ways to load a file, the problems panel, and the
//! URL kept in step with what is shown. Views are separate components that only take props.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::browser as web;
use crate::app::components::clipped::Clipped;
use crate::app::components::editor::EditorView;
use crate::app::components::history::History;
use crate::app::components::impact_table::ImpactTable;
use crate::app::components::letter_view::LetterView;
use crate::app::components::problems::ProblemsPanel;
use crate::app::components::timeline::{ByPtr, Timeline};
use crate::app::loading::{load_file, load_text, load_url, progress, Loads};
use crate::app::state::{Action, AppState, Selection, View};
use crate::app::trust;
use crate::model::i18n::tr;
use crate::model::{Document, Lang, Report, ReportKind};

/// The built-in sample, compiled in so it shows even when nothing else can be loaded.
pub const SAMPLE_JSON: &str = include_str!("../../examples/sample.json");

/// The views of one report, in switcher order. Each is added here when it is real.
pub const REPORT_VIEWS: &[View] = &[View::Timeline, View::Table, View::Letter];

/// The views a document offers: a history starts with its list of reports; the edit view
/// comes last.
pub fn views(state: &AppState) -> Vec<View> {
    let history = state.document.as_ref().is_some_and(|d| d.is_history);
    history
        .then_some(View::History)
        .into_iter()
        .chain(REPORT_VIEWS.iter().copied())
        .chain([View::Edit])
        .collect()
}

/// The view to show: the one asked for when this document has it, else the first one.
pub fn shown_view(state: &AppState) -> View {
    let available = views(state);
    if available.contains(&state.view) {
        state.view
    } else {
        available.first().copied().unwrap_or_default()
    }
}

/// How the app was started: from the page URL, or (later) by a host page's mount call.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// `?src=`: a URL to download.
    pub src: Option<String>,
    /// JSON text given directly (embedded script or mount option).
    pub data: Option<String>,
    pub view: Option<View>,
    pub lang: Option<Lang>,
    /// `?report=`: id of the report to open in a history.
    pub report: Option<String>,
    /// `#event-<id>`: the event to select on open.
    pub event: Option<String>,
    /// `?range=<start ms>,<end ms>`
    pub range: Option<(i64, i64)>,
    /// `?theme=light|dark|auto`
    pub theme: Theme,
    /// `?embed=1` (or a mount call): one view, none of the app's own chrome.
    pub embed: bool,
    /// True when hokoku owns the page: it may then keep the URL and the tab title in step.
    pub standalone: bool,
    /// Host origins whose postMessage reports are accepted: the deployer's
    /// `<meta name="hokoku-host-origins">`, never the URL.
    pub host_origins: Rc<[String]>,
    /// Other origins `src` may download from (the page's own always may): the deployer's
    /// `<meta name="hokoku-source-origins">` or `mount`'s `sourceOrigins`, never the URL.
    pub source_origins: Rc<[String]>,
    /// `?restore=1`: reopen the last good document of this tab (the crash screen's reload).
    pub restore: bool,
}

/// Colour theme; `Auto` follows the system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn from_code(code: &str) -> Option<Theme> {
        match code {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The root's `data-theme`; none for `Auto` so the media query decides.
    fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

impl Config {
    /// The view asked for, as far as it is allowed: an embedded frame never opens the edit
    /// view. It sits on someone else's page in front of their readers, who are not the report's
    /// writers, and its drafts would land in that page's storage. See [`Config::refuses_edit`].
    pub fn asked_view(&self) -> Option<View> {
        self.view.filter(|_| !self.refuses_edit())
    }

    /// `?embed=1&view=edit` (or a mount call asking for it): refused, and the frame says so.
    pub fn refuses_edit(&self) -> bool {
        self.embed && self.view == Some(View::Edit)
    }

    /// Reads the page URL and the embedded data script.
    pub fn from_page() -> Config {
        let range = web::query_param("range").and_then(|r| {
            let (a, b) = r.split_once(',')?;
            let (a, b) = (a.parse().ok()?, b.parse().ok()?);
            (a < b).then_some((a, b))
        });
        Config {
            src: web::query_param("src"),
            data: web::embedded_json(),
            view: web::query_param("view").and_then(|v| View::from_code(&v)),
            lang: web::query_param("lang")
                .or_else(|| web::deployer_setting(LANG_META))
                .and_then(|l| Lang::from_code(&l)),
            report: web::query_param("report"),
            event: web::hash().and_then(|h| crate::app::fragment::event_from_fragment(&h)),
            range,
            theme: web::query_param("theme")
                .and_then(|t| Theme::from_code(&t))
                .unwrap_or_default(),
            embed: web::query_param("embed").is_some_and(|v| v == "1" || v == "true"),
            standalone: true,
            restore: web::query_param("restore").is_some_and(|v| v == "1"),
            host_origins: deployer_origins(HOST_ORIGINS_META),
            source_origins: deployer_origins(SOURCE_ORIGINS_META),
        }
    }
}

/// `<meta name>` of the deployer's host origins (see [`crate::app::trust`]).
/// `<meta name>` of the page's interface language (a static site built with `--lang`); a
/// `?lang=` in the URL still wins, as it is the reader's own choice.
pub const LANG_META: &str = "hokoku-lang";
pub const HOST_ORIGINS_META: &str = "hokoku-host-origins";
/// `<meta name>` of the deployer's other source origins.
pub const SOURCE_ORIGINS_META: &str = "hokoku-source-origins";

fn deployer_origins(meta: &str) -> Rc<[String]> {
    if meta == HOST_ORIGINS_META && web::query_param("allow_origin").is_some() {
        // Whoever writes a link could choose it, so it is no longer read; say where it went.
        web_sys::console::warn_1(
            &"hokoku: ?allow_origin= is ignored. List host origins in \
              <meta name=\"hokoku-host-origins\"> (docs/embedding.md)."
                .into(),
        );
    }
    web::deployer_setting(meta)
        .map(|list| trust::parse_origins(&list))
        .unwrap_or_default()
        .into()
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
}

/// The report's place in its series, as the header shows it (also the static site's pages).
pub fn kind_label(kind: ReportKind, lang: Lang) -> String {
    match (kind, lang) {
        (ReportKind::First, Lang::Ja) => "第1報".into(),
        (ReportKind::Interim(Some(n)), Lang::Ja) => format!("第{n}報"),
        (ReportKind::Interim(None), Lang::Ja) => "続報".into(),
        (ReportKind::Final, Lang::Ja) => "最終報告".into(),
        (ReportKind::Recovery, Lang::Ja) => "復旧のご報告".into(),
        (ReportKind::First, Lang::En) => "First report".into(),
        (ReportKind::Interim(Some(n)), Lang::En) => format!("Update {n}"),
        (ReportKind::Interim(None), Lang::En) => "Update".into(),
        (ReportKind::Final, Lang::En) => "Final report".into(),
        (ReportKind::Recovery, Lang::En) => "Recovery notice".into(),
    }
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

    // Keep the URL, <html lang> and the tab title in step with what is shown.
    {
        let state = state.clone();
        let standalone = config.standalone;
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
                if let Some(r) = report {
                    web::set_document_title(&format!(
                        "{} — hokoku",
                        crate::model::long::clipped(&r.header.shown_title(lang), 120)
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
                web::after_paint(move || {
                    web::remember_last_good(&crate::format::export::to_json(&doc))
                });
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
                { header(&state, lang, &dispatch) }
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

fn header(state: &AppState, lang: Lang, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let Some(report) = state.shown_report() else {
        return html! {
            <header class="hk-header hk-chrome">
                <div>
                    <p class="hk-header__brand">{ "hokoku" }</p>
                    <h1 class="hk-header__title" data-testid="title">
                        { tr(lang, "障害報告ビューア", "Incident report viewer") }
                    </h1>
                </div>
            </header>
        };
    };
    // On the history's list no report is open: the header names the history, not its newest
    // report (which read as if it were the one shown).
    if shown_view(state) == View::History {
        if let Some(doc) = &state.document {
            return history_header(doc, state, lang);
        }
    }
    let issuer = issuer_line(report);
    let kind = kind_label(report.header.kind, lang);
    let download = {
        let doc = state.document.clone();
        let report = report.clone();
        let _ = dispatch;
        Callback::from(move |_| {
            if let Some(doc) = &doc {
                let name = match report.header.issued {
                    Some(d) => format!("{d}-{}.json", report.id),
                    None => format!("{}.json", report.id),
                };
                web::save_text(
                    &name,
                    &crate::format::export::to_json(doc),
                    "application/json",
                );
            }
        })
    };
    html! {
        <header class="hk-header hk-chrome">
            <div>
                <p class="hk-header__brand">{ "hokoku" }{ " · " }{ kind }</p>
                <h1 class={classes!("hk-header__title", report.header.title.is_none().then_some("hk-header__title--not-stated"))} data-testid="title"><Clipped text={report.header.shown_title(lang)} max={crate::model::long::TITLE_CHARS} {lang} /></h1>
                <p class="hk-header__meta">
                    <span data-testid="issuer">{ issuer }</span>
                    if let Some(d) = report.header.issued {
                        { " · " }
                        <span>{ report_fmt(report, lang).date(d) }</span>
                    }
                </p>
                { source_line(state, lang) }
            </div>
            <div class="hk-header__actions">
                <button type="button" class="hk-button" data-testid="download-json" onclick={download}>
                    { tr(lang, "JSON を保存", "Download JSON") }
                </button>
                <a class="hk-button" data-testid="schema-link" href="schema/v1.json"
                    target="_blank" rel="noopener noreferrer">
                    { tr(lang, "JSON スキーマ", "JSON Schema") }
                </a>
            </div>
        </header>
    }
}

/// The header over a history's list: whose history it is and how many reports it holds.
fn history_header(doc: &Document, state: &AppState, lang: Lang) -> Html {
    let org = doc
        .reports
        .first()
        .map_or("", |r| r.header.issuer.organization.as_str());
    let title = match (org.is_empty(), lang) {
        (true, _) => tr(lang, "障害履歴", "Incident history").to_string(),
        (false, Lang::Ja) => format!("{org}の障害履歴"),
        (false, Lang::En) => format!("Incident history of {org}"),
    };
    let count = match lang {
        Lang::Ja => format!("報告{}件", doc.reports.len()),
        Lang::En => format!("{} reports", doc.reports.len()),
    };
    html! {
        <header class="hk-header hk-chrome">
            <div>
                <p class="hk-header__brand">{ "hokoku · " }{ tr(lang, "障害履歴", "History") }</p>
                <h1 class="hk-header__title" data-testid="title" data-history="true">
                    <Clipped text={title} max={crate::model::long::TITLE_CHARS} {lang} />
                </h1>
                <p class="hk-header__meta"><span data-testid="history-size">{ count }</span></p>
                { source_line(state, lang) }
            </div>
        </header>
    }
}

/// The report's own date style, so the shell writes dates as its views do.
fn report_fmt(report: &Report, lang: Lang) -> crate::compose::timefmt::Fmt {
    crate::compose::timefmt::Fmt::new(lang, report.letter.date_style, report.zone)
}

fn issuer_line(report: &Report) -> String {
    let i = &report.header.issuer;
    [
        Some(&i.organization),
        i.department.as_ref(),
        i.person.as_ref(),
    ]
    .into_iter()
    .flatten()
    .cloned()
    .collect::<Vec<_>>()
    .join(" ")
}

fn loader(lang: Lang, loads: &Rc<Loads>, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let onchange = {
        let dispatch = dispatch.clone();
        let loads = loads.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                load_file(file, &loads, &dispatch);
            }
            // Lets the same file be chosen again after it was fixed.
            input.set_value("");
        })
    };
    let paste_ref = NodeRef::default();
    let onpaste = {
        let dispatch = dispatch.clone();
        let paste_ref = paste_ref.clone();
        let loads = loads.clone();
        Callback::from(move |_| {
            let Some(area) = paste_ref.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let source: Rc<str> = Rc::from(tr(lang, "貼り付けた JSON", "pasted JSON"));
            load_text(&area.value(), source, &loads, &dispatch);
        })
    };
    html! {
        <details class="hk-loader hk-chrome">
            <summary>{ tr(lang, "別の報告を読み込む (ファイル・貼り付け・ドロップ)", "Load another report (file, paste, drop)") }</summary>
            <div class="hk-loader__body">
                <label>
                    { tr(lang, "JSON ファイルを選択: ", "Choose a JSON file: ") }
                    <input type="file" accept=".json,application/json" data-testid="file-input" {onchange} />
                </label>
                <label for="hk-paste">{ tr(lang, "JSON を貼り付け:", "Paste JSON:") }</label>
                <textarea id="hk-paste" ref={paste_ref} data-testid="paste-text" spellcheck="false" />
                <div>
                    <button type="button" class="hk-button" data-testid="paste-load" onclick={onpaste}>
                        { tr(lang, "貼り付けた JSON を表示", "Show pasted JSON") }
                    </button>
                </div>
                <p>{ tr(lang, "ファイルはページのどこにでもドロップできます。?src=URL でも読み込めます。", "You can drop a file anywhere on the page, or give ?src=URL.") }</p>
            </div>
        </details>
    }
}

fn failure(state: &AppState, lang: Lang, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let Some(failure) = &state.failure else {
        return Html::default();
    };
    let title = match (lang, state.document.is_some()) {
        (Lang::Ja, true) => format!(
            "「{}」を読み込めませんでした。表示中の報告はそのままです。",
            failure.source
        ),
        (Lang::Ja, false) => format!("「{}」を読み込めませんでした。", failure.source),
        (Lang::En, true) => format!(
            "Could not load \"{}\". The report shown is unchanged.",
            failure.source
        ),
        (Lang::En, false) => format!("Could not load \"{}\".", failure.source),
    };
    let dispatch = dispatch.clone();
    let ondismiss = Callback::from(move |_| dispatch.dispatch(Action::DismissFailure));
    html! {
        <ProblemsPanel problems={failure.problems.clone()} {lang} title={AttrValue::from(title)} {ondismiss} />
    }
}

fn tabs(state: &AppState, lang: Lang, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let Some(doc) = &state.document else {
        return Html::default();
    };
    let available = views(state);
    let current = shown_view(state);
    let onkeydown = {
        let dispatch = dispatch.clone();
        let available = available.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(i) = available.iter().position(|v| *v == current) else {
                return;
            };
            let n = available.len();
            let next = match e.key().as_str() {
                "ArrowRight" => (i + 1) % n,
                "ArrowLeft" => (i + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            dispatch.dispatch(Action::SetView(available[next]));
            focus_tab(available[next]);
        })
    };
    let tabs = available.iter().map(|&view| {
        let selected = current == view;
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_| dispatch.dispatch(Action::SetView(view)));
        html! {
            <button type="button" role="tab" class="hk-tabs__tab"
                id={format!("hk-tab-{}", view.code())}
                data-testid={format!("tab-{}", view.code())}
                aria-selected={selected.to_string()}
                aria-controls={format!("hk-view-{}", view.code())}
                tabindex={if selected { "0" } else { "-1" }}
                {onclick}>
                { view.label(lang) }
            </button>
        }
    });
    // On the history's list the list itself chooses the report (a select of 1,300 options
    // would be half the page's nodes).
    let switcher = (doc.reports.len() > 1 && current != View::History).then(|| {
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value());
            if let Some(i) = value.and_then(|v| v.parse().ok()) {
                dispatch.dispatch(Action::SelectReport(i));
            }
        });
        // Newest first by issue date (a history file may list its reports in any order); a
        // report without a date goes last, in file order.
        let mut order: Vec<(usize, &Report)> = doc.reports.iter().enumerate().collect();
        order.sort_by_key(|(i, r)| (std::cmp::Reverse(r.header.issued), *i));
        let options = order.into_iter().map(|(i, r)| {
            html! {
                <option value={i.to_string()} selected={i == state.report}>
                    { match r.header.issued {
                        Some(d) => format!("{} {}", report_fmt(r, lang).date_without_weekday(d), r.header.shown_title(lang)),
                        None => r.header.shown_title(lang),
                    } }
                </option>
            }
        });
        html! {
            <label class="hk-tabs__report">
                <span class="hk-visually-hidden">{ tr(lang, "表示する報告", "Report shown") }</span>
                <select data-testid="report-select" {onchange}>{ for options }</select>
            </label>
        }
    });
    html! {
        <nav class="hk-tabs hk-chrome" aria-label={tr(lang, "表示の切り替え", "Views")}>
            <div role="tablist" aria-label={tr(lang, "表示", "View")} {onkeydown}>{ for tabs }</div>
            { for switcher }
        </nav>
    }
}

fn focus_tab(view: View) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("hk-tab-{}", view.code())))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

fn view_panel(
    state: &AppState,
    lang: Lang,
    dispatch: &UseReducerDispatcher<AppState>,
    embed: bool,
) -> Html {
    let Some(report) = state.shown_report() else {
        return Html::default();
    };
    let view = shown_view(state);
    let report = report.clone();
    let select_phase = {
        let dispatch = dispatch.clone();
        Callback::from(move |phase: Option<usize>| {
            dispatch.dispatch(Action::Select(
                phase.map_or(Selection::None, Selection::Phase),
            ))
        })
    };
    let content = match view {
        View::Table => html! {
            <ImpactTable {report} lang={lang} selected_phase={state.selection.phase()}
                onselectphase={select_phase} />
        },
        View::Letter => html! { <LetterView {report} {lang} /> },
        View::Edit => html! {
            <EditorView editor={state.editor.clone()} document={state.document.clone()}
                shown={state.shown.clone()} source={state.source.clone()} report={state.report}
                selection={state.selection} range={state.range} {lang} dispatch={dispatch.clone()} />
        },
        View::History => match &state.document {
            Some(document) => {
                let dispatch = dispatch.clone();
                let onopen = Callback::from(move |index: usize| {
                    dispatch.dispatch(Action::SelectReport(index));
                    dispatch.dispatch(Action::SetView(REPORT_VIEWS[0]));
                });
                html! { <History document={document.clone()} {lang} {onopen} current={Some(state.report)} /> }
            }
            None => Html::default(),
        },
        View::Timeline => {
            let onselect = {
                let dispatch = dispatch.clone();
                Callback::from(move |s: Selection| dispatch.dispatch(Action::Select(s)))
            };
            let onrange = {
                let dispatch = dispatch.clone();
                Callback::from(move |r: Option<(i64, i64)>| dispatch.dispatch(Action::SetRange(r)))
            };
            html! {
                <Timeline {report} {lang} selection={state.selection} {onselect}
                    range={state.range} {onrange} />
            }
        }
    };
    if embed {
        // No tabs in embed mode, so no tab panel either.
        return html! {
            <section data-testid={format!("view-{}", view.code())}>{ content }</section>
        };
    }
    html! {
        <section role="tabpanel" id={format!("hk-view-{}", view.code())}
            aria-labelledby={format!("hk-tab-{}", view.code())}
            data-testid={format!("view-{}", view.code())}>
            { content }
        </section>
    }
}

/// Where the shown report came from, in words.
fn source_label(state: &AppState, lang: Lang) -> Option<String> {
    state.source.as_deref().map(|s| match s {
        "sample" => tr(lang, "組み込みサンプル", "built-in sample").to_string(),
        // A document written in the edit view is named by its draft key (see app::drafts).
        other => match other.split_once(':') {
            Some(("doc", "sample")) => tr(
                lang,
                "組み込みサンプルの下書き",
                "draft of the built-in sample",
            )
            .to_string(),
            Some(("doc", name)) => format!("{name} ({})", tr(lang, "下書き", "draft")),
            Some(("new", _)) => tr(lang, "新しい下書き", "new draft").to_string(),
            _ => other.to_string(),
        },
    })
}

/// "出典: https://…/2026-03-01.json": shown with every report, in the app and embedded, so a
/// report from a host message, another listed origin or a paste never passes as the page's own.
fn source_line(state: &AppState, lang: Lang) -> Html {
    let Some(source) = source_label(state, lang) else {
        return Html::default();
    };
    html! {
        <p class="hk-source hk-chrome" data-testid="source">
            { tr(lang, "出典: ", "Source: ") }<span data-testid="source-name">{ source }</span>
        </p>
    }
}

fn footer_text(state: &AppState, lang: Lang) -> Html {
    let source = source_label(state, lang);
    html! {
        <>
            { "hokoku — " }
            { tr(lang, "障害報告をブラウザだけで表示・印刷します。", "Incident reports, rendered and printed in your browser.") }
            if let Some(s) = source {
                { " " }{ tr(lang, "表示中: ", "Showing: ") }{ s }
            }
        </>
    }
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
