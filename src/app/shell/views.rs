//! Which views a document offers, the view switcher (tabs with arrow keys) and the panel of
//! the shown view.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::components::editor::EditorView;
use crate::app::components::history::History;
use crate::app::components::impact_table::ImpactTable;
use crate::app::components::letter_view::LetterView;
use crate::app::components::timeline::Timeline;
use crate::app::state::{Action, AppState, Selection, View};
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::{Lang, Report};

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

pub fn tabs(state: &AppState, lang: Lang, dispatch: &UseReducerDispatcher<AppState>) -> Html {
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
        crate::model::sort::sort_by_key(&mut order, |(i, r)| (std::cmp::Reverse(r.header.issued), *i));
        let options = order.into_iter().map(|(i, r)| {
            html! {
                <option value={i.to_string()} selected={i == state.report}>
                    { match r.header.issued {
                        Some(d) => format!("{} {}", Fmt::of_report(r, lang).date_without_weekday(d), r.header.shown_title(lang)),
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

pub fn focus_tab(view: View) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("hk-tab-{}", view.code())))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

pub fn view_panel(
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
