//! The problems panel: every error and warning of a file, each with where and what to do.
//! A flood arrives already bounded (see `format::walk::Problems`): the first ones of each kind,
//! then one line saying how many more of that kind there are.
//!
//! Problems are grouped per report: those of the file as a whole (or its shared parts) first,
//! then one group per history entry (`reports[3]`, `incidents[12]`) headed by the entry's path
//! and, for an entry that could not be opened, its title and id as the file writes them. The
//! history's list of unopened reports links to these groups.

use std::rc::Rc;

use yew::prelude::*;

use crate::format::problem::{Problem, ProblemKind, Severity};
use crate::model::i18n::tr;
use crate::model::long::{clipped, TITLE_CHARS};
use crate::model::{BrokenReport, Lang};

#[derive(Properties, PartialEq)]
pub struct ProblemsProps {
    pub problems: Rc<[Problem]>,
    pub lang: Lang,
    /// Heading, e.g. "bad.json could not be loaded; the report shown is unchanged".
    pub title: AttrValue,
    /// Shown as a dismiss button when given.
    #[prop_or_default]
    pub ondismiss: Option<Callback<()>>,
    /// The history entries that could not be opened, to name their groups.
    #[prop_or_default]
    pub broken: Rc<[BrokenReport]>,
}

/// The history entry a problem is in: the start of its path up to the entry's index
/// (`reports[3]` of `reports[3].incident.start`), or `None` for the file as a whole.
pub fn entry_of(path: &str) -> Option<&str> {
    ["reports[", "incidents[", "scheduled_maintenances["]
        .iter()
        .find(|p| path.starts_with(*p))
        .and_then(|_| path.find(']').map(|end| &path[..=end]))
}

/// The element id of an entry's group, for links from the history (`reports[3]` →
/// `hk-problems-reports-3`).
pub fn group_id(entry: &str) -> String {
    let clean: String = entry
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("hk-problems-{}", clean.trim_end_matches('-'))
}

fn item(p: &Problem, lang: Lang) -> Html {
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
}

/// An entry's group heading: its path, and for an entry left out its title, id and why.
fn group_heading(entry: &str, broken: Option<&BrokenReport>, lang: Lang) -> Html {
    let Some(b) = broken else {
        return html! { <h3 class="hk-problems__group-title"><code>{ entry.to_string() }</code></h3> };
    };
    let title = b.title.as_deref().map(|t| clipped(t, TITLE_CHARS));
    let id = b.id.as_deref().map(|t| clipped(t, TITLE_CHARS));
    html! {
        <h3 class="hk-problems__group-title">
            <code>{ entry.to_string() }</code>
            if let Some(title) = title {
                <span class="hk-problems__group-name">{ match lang { Lang::Ja => format!("「{title}」"), Lang::En => format!(" “{title}”") } }</span>
            }
            if let Some(id) = id {
                <span class="hk-problems__group-id">{ format!(" ({id})") }</span>
            }
            <span class="hk-problems__group-note">
                { tr(lang, "　— 開けないため一覧と集計から除外", " — not opened, left out of the figures") }
            </span>
        </h3>
    }
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
    // Groups in order of first appearance; the file's own problems first.
    let mut whole: Vec<&Problem> = Vec::new();
    let mut groups: Vec<(&str, Vec<&Problem>)> = Vec::new();
    for p in props.problems.iter() {
        match entry_of(&p.path) {
            None => whole.push(p),
            Some(e) => match groups.iter_mut().find(|(k, _)| *k == e) {
                Some((_, list)) => list.push(p),
                None => groups.push((e, vec![p])),
            },
        }
    }
    // Errors first, as the list arrives: a group with an error before one with warnings only.
    crate::model::sort::sort_by_key(&mut groups, |(_, list)| !list.iter().any(|p| p.is_error()));
    let grouped = groups.len() > 1 || (!groups.is_empty() && !whole.is_empty());
    let body = if grouped {
        let groups = groups.into_iter().map(|(entry, list)| {
            let broken = props.broken.iter().find(|b| b.path == entry);
            html! {
                <li class="hk-problems__group" id={group_id(entry)} data-testid="problem-group"
                    data-entry={entry.to_string()} data-broken={broken.is_some().to_string()}>
                    { group_heading(entry, broken, lang) }
                    <ul class="hk-problems__list">{ for list.into_iter().map(|p| item(p, lang)) }</ul>
                </li>
            }
        });
        html! {
            <>
                if !whole.is_empty() {
                    <ul class="hk-problems__list">{ for whole.into_iter().map(|p| item(p, lang)) }</ul>
                }
                // Focusable: it scrolls when long, and a keyboard must reach all of it.
                <ul class="hk-problems__groups" tabindex="0"
                    aria-label={tr(lang, "報告ごとの問題", "Problems per report")}>{ for groups }</ul>
            </>
        }
    } else {
        html! { <ul class="hk-problems__list">{ for props.problems.iter().map(|p| item(p, lang)) }</ul> }
    };
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
            { body }
            { for dismiss }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_grouped_by_the_entry_their_path_starts_with() {
        assert_eq!(entry_of("reports[12].incident.start"), Some("reports[12]"));
        assert_eq!(entry_of("reports[3]"), Some("reports[3]"));
        assert_eq!(entry_of("incidents[0].created_at"), Some("incidents[0]"));
        assert_eq!(entry_of("services[1].id"), None);
        assert_eq!(entry_of(""), None);
        assert_eq!(group_id("reports[12]"), "hk-problems-reports-12");
    }
}
