//! The app's own chrome around the views: the header (a report's title, kind, date and
//! source, or a history's name), the ways to load another file, the failure notice and the
//! footer. Hidden when embedded and in print.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::views::shown_view;
use crate::app::browser as web;
use crate::app::components::clipped::Clipped;
use crate::app::components::problems::ProblemsPanel;
use crate::app::loading::{load_file, load_text, Loads};
use crate::app::state::{Action, AppState, View};
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::{Document, Lang, Report, ReportKind};

/// The report's place in its series, as the header shows it (also the static site's pages);
/// `None` when the file does not say.
pub fn kind_label(kind: ReportKind, lang: Lang) -> Option<String> {
    Some(match (kind, lang) {
        (ReportKind::Unstated, _) => return None,
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
    })
}

/// The header of the shown report; `title` is its title as shown (made once per report, see
/// the shell).
pub fn header(
    state: &AppState,
    title: &AttrValue,
    lang: Lang,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
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
                <p class="hk-header__brand">{ "hokoku" }if let Some(kind) = kind { { " · " }{ kind } }</p>
                <h1 class={classes!("hk-header__title", report.header.title.is_none().then_some("hk-header__title--not-stated"))} data-testid="title"><Clipped text={title.clone()} max={crate::model::long::TITLE_CHARS} {lang} /></h1>
                <p class="hk-header__meta">
                    <span data-testid="issuer">{ issuer }</span>
                    if let Some(d) = report.header.issued {
                        { " · " }
                        <span>{ Fmt::of_report(report, lang).date(d) }</span>
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
pub fn history_header(doc: &Document, state: &AppState, lang: Lang) -> Html {
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

pub fn issuer_line(report: &Report) -> String {
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

pub fn loader(lang: Lang, loads: &Rc<Loads>, dispatch: &UseReducerDispatcher<AppState>) -> Html {
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

pub fn failure(state: &AppState, lang: Lang, dispatch: &UseReducerDispatcher<AppState>) -> Html {
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

/// Where the shown report came from, in words.
pub fn source_label(state: &AppState, lang: Lang) -> Option<String> {
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
pub fn source_line(state: &AppState, lang: Lang) -> Html {
    let Some(source) = source_label(state, lang) else {
        return Html::default();
    };
    html! {
        <p class="hk-source hk-chrome" data-testid="source">
            { tr(lang, "出典: ", "Source: ") }<span data-testid="source-name">{ source }</span>
        </p>
    }
}

pub fn footer_text(state: &AppState, lang: Lang) -> Html {
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
