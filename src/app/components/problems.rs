//! The problems panel: every error and warning of a file, each with where and what to do.
//! A flood arrives already bounded (see `format::walk::Problems`): the first ones of each kind,
//! then one line saying how many more of that kind there are.

use std::rc::Rc;

use yew::prelude::*;

use crate::format::problem::{Problem, ProblemKind, Severity};
use crate::model::i18n::tr;
use crate::model::Lang;

#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    pub problems: Rc<[Problem]>,
    pub lang: Lang,
    /// Heading, e.g. "bad.json could not be loaded; the report shown is unchanged".
    pub title: AttrValue,
    /// Shown as a dismiss button when given.
    #[prop_or_default]
    pub ondismiss: Option<Callback<()>>,
}

#[function_component]
pub fn ProblemsPanel(props: &ProblemsProps) -> Html {
    let lang = props.lang;
    let has_error = props.problems.iter().any(Problem::is_error);
    let class = classes!(
        "hk-problems",
        "hk-chrome",
        has_error.then_some("hk-problems--error")
    );
    let items = props.problems.iter().map(|p| {
        let (severity, badge) = match p.severity {
            Severity::Error => ("error", tr(lang, "エラー", "Error")),
            Severity::Warning => ("warning", tr(lang, "警告", "Warning")),
        };
        let location = p.location(lang);
        // The count of a flood names the kind it continues.
        let of = match p.kind {
            ProblemKind::More { code, .. } => Some(code),
            _ => None,
        };
        let class = classes!("hk-problem", of.map(|_| "hk-problem--more"));
        html! {
            <li class={class} data-testid="problem" data-severity={severity} data-code={p.code()} data-of={of}>
                <span class="hk-problem__badge">{ badge }</span>
                if !location.is_empty() {
                    <code class="hk-problem__where">{ location }</code>
                }
                <span class="hk-problem__what">{ p.message(lang) }</span>
            </li>
        }
    });
    let dismiss = props.ondismiss.clone().map(|cb| {
        html! {
            <button type="button" class="hk-button" onclick={move |_| cb.emit(())}>
                { tr(lang, "閉じる", "Dismiss") }
            </button>
        }
    });
    let role = if has_error { "alert" } else { "status" };
    html! {
        <section class={class} data-testid="problems" role={role} aria-label={props.title.clone()}>
            <h2 class="hk-problems__title">{ props.title.clone() }</h2>
            <ul class="hk-problems__list">{ for items }</ul>
            { for dismiss }
        </section>
    }
}
