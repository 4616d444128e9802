//! The preview beside the text: any of the three views of the last version that read without
//! error. While the text has errors it stays, marked out of date; it never goes blank.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::impact_table::ImpactTable;
use crate::app::components::letter_view::LetterView;
use crate::app::components::timeline::Timeline;
use crate::app::state::{Action, AppState, EditAction, Selection, View};
use crate::model::i18n::tr;
use crate::model::{Lang, Report};

/// The views a preview can show, in switcher order.
pub const PREVIEW_VIEWS: [View; 3] = [View::Timeline, View::Table, View::Letter];

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// The last good version's shown report; `None` when no version has read yet.
    pub report: Option<Rc<Report>>,
    pub view: View,
    pub stale: bool,
    pub errors: usize,
    pub lang: Lang,
    pub selection: Selection,
    pub range: Option<(i64, i64)>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[function_component]
pub fn Preview(props: &PreviewProps) -> Html {
    let lang = props.lang;
    let d = props.dispatch.clone();
    let switch = PREVIEW_VIEWS.iter().map(|&view| {
        let d = d.clone();
        let onclick =
            Callback::from(move |_| d.dispatch(Action::Edit(EditAction::SetPreview(view))));
        html! {
            <button type="button" class="hk-button hk-editor__switch"
                data-testid={format!("preview-{}", view.code())}
                aria-pressed={(props.view == view).to_string()} {onclick}>
                { view.label(lang) }
            </button>
        }
    });
    let content = match &props.report {
        None => html! {
            <p class="hk-editor__empty" data-testid="preview-empty">
                { tr(lang, "まだエラーなしで読めた版がありません。問題を直すとここに表示されます。",
                    "No version of this text has read without errors yet. Fix the problems to see it here.") }
            </p>
        },
        Some(report) => {
            let report = report.clone();
            match props.view {
                View::Table => {
                    let d = d.clone();
                    let onselectphase = Callback::from(move |p: Option<usize>| {
                        d.dispatch(Action::Select(p.map_or(Selection::None, Selection::Phase)))
                    });
                    html! { <ImpactTable {report} {lang} selected_phase={props.selection.phase()} {onselectphase} /> }
                }
                View::Letter => html! { <LetterView {report} {lang} /> },
                _ => {
                    let ds = d.clone();
                    let onselect =
                        Callback::from(move |s: Selection| ds.dispatch(Action::Select(s)));
                    let dr = d.clone();
                    let onrange = Callback::from(move |r: Option<(i64, i64)>| {
                        dr.dispatch(Action::SetRange(r))
                    });
                    html! { <Timeline {report} {lang} selection={props.selection} {onselect} range={props.range} {onrange} /> }
                }
            }
        }
    };
    let stale = props.stale && props.report.is_some();
    let class = classes!(
        "hk-editor__preview",
        stale.then_some("hk-editor__preview--stale")
    );
    html! {
        <section class={class} data-testid="preview" data-stale={stale.to_string()}
            aria-label={tr(lang, "プレビュー", "Preview")}>
            <div class="hk-editor__switches hk-chrome" role="group" aria-label={tr(lang, "プレビューする表示", "View to preview")}>
                { for switch }
            </div>
            if stale {
                <p class="hk-editor__stale hk-chrome" data-testid="preview-stale">
                    { match lang {
                        Lang::Ja => format!("古い表示です: 本文にエラーが {} 件あるため、最後にエラーなしで読めた版を表示しています。", props.errors),
                        Lang::En => format!("Out of date: the text has {} error(s); this is the last version that read without errors.", props.errors),
                    } }
                </p>
            }
            <div class="hk-editor__view">{ content }</div>
        </section>
    }
}
