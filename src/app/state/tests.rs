//! The reducer's rules, action by action: a failed load never replaces what is shown, and the
//! latest action wins over a slower, older load.

use super::*;
use crate::format::decode_str;

const GOOD: &str = r#"{"version":1,"report":{"title":"A","issued":"2026-03-04","issuer":"X"},
    "incident":{"start":"2026-03-01T08:55:00+09:00","end":"2026-03-01T10:00:00+09:00"}}"#;

/// Decodes `text` as the user's next action (a ticket after every one so far).
fn decoded(state: Rc<AppState>, text: &str, source: &str) -> Rc<AppState> {
    let ticket = state.latest + 1;
    decoded_as(state, ticket, text, source)
}

fn decoded_as(state: Rc<AppState>, ticket: Ticket, text: &str, source: &str) -> Rc<AppState> {
    state.reduce(Action::Decoded {
        ticket,
        source: source.into(),
        outcome: decode_str(text),
    })
}

const OTHER: &str = r#"{"version":1,"report":{"title":"B","issued":"2026-03-04","issuer":"X"},
    "incident":{"start":"2026-03-01T08:55:00+09:00","end":"2026-03-01T10:00:00+09:00"}}"#;

fn title(s: &AppState) -> Option<&str> {
    s.shown_report().and_then(|r| r.header.title.as_deref())
}

#[test]
fn a_slow_download_never_overwrites_what_the_user_loaded_later() {
    let s = decoded(Rc::new(AppState::default()), GOOD, "sample");
    let s = s.reduce(Action::StartLoading {
        ticket: 2,
        source: "slow.json".into(),
    });
    // The user pastes another report while the download runs.
    let s = decoded_as(s, 3, OTHER, "pasted");
    assert_eq!(title(&s), Some("B"));
    assert!(
        s.loading.is_none(),
        "the superseded download no longer shows progress"
    );
    // The download finishes: dropped, whether it decodes, fails or reports progress.
    let s = s.reduce(Action::Progress {
        ticket: 2,
        loaded: 10,
        total: None,
    });
    assert!(s.loading.is_none());
    let s = decoded_as(s, 2, GOOD, "slow.json");
    assert_eq!(title(&s), Some("B"));
    assert_eq!(s.source.as_deref(), Some("pasted"));
    let s = decoded_as(s, 2, "[", "slow.json");
    assert!(
        s.failure.is_none(),
        "no problems of a load the user replaced"
    );
    let s = s.reduce(Action::Failed {
        ticket: 2,
        source: "slow.json".into(),
        problem: Problem::error("", None, crate::format::problem::ProblemKind::Network),
    });
    assert!(s.failure.is_none());
}

#[test]
fn a_later_download_replaces_an_earlier_one() {
    let s = Rc::new(AppState::default());
    let s = s.reduce(Action::StartLoading {
        ticket: 1,
        source: "first.json".into(),
    });
    let s = s.reduce(Action::StartLoading {
        ticket: 2,
        source: "second.json".into(),
    });
    let s = decoded_as(s, 1, GOOD, "first.json");
    assert!(s.document.is_none());
    assert_eq!(s.loading.as_ref().map(|l| &*l.source), Some("second.json"));
    let s = decoded_as(s, 2, OTHER, "second.json");
    assert_eq!(title(&s), Some("B"));
}

#[test]
fn a_slow_download_never_overwrites_what_the_writer_typed() {
    let s = decoded(Rc::new(AppState::default()), GOOD, "sample");
    let s = s.reduce(Action::StartLoading {
        ticket: 2,
        source: "slow.json".into(),
    });
    let mut typed = (*s).clone();
    let doc = decode_str(OTHER).document.expect("document");
    typed.replace_document(Rc::new(doc), "draft".into(), Vec::new());
    assert!(typed.loading.is_none());
    let s = decoded_as(Rc::new(typed), 2, GOOD, "slow.json");
    assert_eq!(title(&s), Some("B"));
    let s = decoded_as(s, 3, GOOD, "next.json");
    assert_eq!(
        title(&s),
        Some("A"),
        "the next load the user asks for is shown"
    );
}

#[test]
fn cancelling_stops_the_download_and_keeps_the_report() {
    let s = decoded(Rc::new(AppState::default()), GOOD, "sample");
    let s = s.reduce(Action::StartLoading {
        ticket: 2,
        source: "slow.json".into(),
    });
    // A cancel for another load does nothing.
    let s = s.reduce(Action::Cancel { ticket: 1 });
    assert!(s.loading.is_some());
    let s = s.reduce(Action::Cancel { ticket: 2 });
    assert!(s.loading.is_none());
    assert_eq!(title(&s), Some("A"));
    let s = decoded_as(s, 2, OTHER, "slow.json");
    assert_eq!(
        title(&s),
        Some("A"),
        "a cancelled download that still arrives is dropped"
    );
    let s = decoded_as(s, 3, OTHER, "next.json");
    assert_eq!(title(&s), Some("B"), "the next load is not");
}

#[test]
fn a_bad_file_keeps_the_shown_document() {
    let s = decoded(Rc::new(AppState::default()), GOOD, "good.json");
    assert_eq!(
        s.shown_report()
            .map(|r| r.header.title.as_deref().unwrap_or_default()),
        Some("A")
    );
    let s = decoded(s, "{\"version\": 1,", "bad.json");
    assert_eq!(
        s.shown_report()
            .map(|r| r.header.title.as_deref().unwrap_or_default()),
        Some("A")
    );
    let failure = s.failure.as_ref().expect("failure kept");
    assert_eq!(&*failure.source, "bad.json");
    assert_eq!(failure.problems[0].code(), "syntax");
    assert_eq!(s.source.as_deref(), Some("good.json"));
}

#[test]
fn a_good_file_clears_failure_and_selection() {
    let s = decoded(Rc::new(AppState::default()), "[", "bad.json");
    assert!(s.document.is_none() && s.failure.is_some());
    let s = s.reduce(Action::Select(Selection::Event(3)));
    let s = decoded(s, GOOD, "good.json");
    assert!(s.failure.is_none());
    assert_eq!(s.selection, Selection::None);
}

#[test]
fn fetch_failure_keeps_document_and_stops_loading() {
    let s = decoded(Rc::new(AppState::default()), GOOD, "good.json");
    let s = s.reduce(Action::StartLoading {
        ticket: 5,
        source: "x.json".into(),
    });
    assert!(s.loading.is_some());
    let problem = Problem::error(
        "",
        None,
        crate::format::problem::ProblemKind::HttpStatus(404),
    );
    let s = s.reduce(Action::Failed {
        ticket: 5,
        source: "x.json".into(),
        problem,
    });
    assert!(s.loading.is_none());
    assert!(s.document.is_some());
    assert_eq!(
        s.failure.as_ref().map(|f| f.problems[0].code()),
        Some("http-status")
    );
}

#[test]
fn language_override_wins() {
    let s = decoded(Rc::new(AppState::default()), GOOD, "good.json");
    assert_eq!(s.lang(), Lang::Ja);
    let mut s = (*s).clone();
    s.lang_override = Some(Lang::En);
    assert_eq!(s.lang(), Lang::En);
}

#[test]
fn a_history_opens_on_its_list_and_a_single_report_leaves_it() {
    let history = r#"{"version":1,"reports":[{"report":{"title":"A","issued":"2026-03-04","issuer":"X"},
        "incident":{"start":"2026-03-01T08:55:00+09:00","end":"2026-03-01T10:00:00+09:00"}}]}"#;
    let s = decoded(Rc::new(AppState::default()), history, "h.json");
    assert_eq!(s.view, View::History);
    let s = decoded(s, GOOD, "good.json");
    assert_eq!(s.view, View::Timeline);
}

#[test]
fn selecting_an_unknown_report_is_ignored() {
    let s = decoded(Rc::new(AppState::default()), GOOD, "good.json");
    let s = s.reduce(Action::SelectReport(5));
    assert_eq!(s.report, 0);
}
