//! The letter of an imported Statuspage incident says only what the page said: its summary
//! comes from the postmortem or the resolving update (looking back, in the past), never the
//! first update's "We are investigating…" in a final report; no cause or measures are claimed
//! (the page gives none as data), and the status "identified" is not turned into 「原因特定」.

use std::rc::Rc;

use hokoku::app::components::letter_view::{LetterView, LetterViewProps};
use hokoku::format::import::convert;
use hokoku::format::json;
use hokoku::model::{Lang, Report};

mod common;
use common::{statuspage, strip_tags};

fn imported(name: &str, lang: Lang) -> Report {
    let outcome = convert(
        &json::parse_str(&statuspage(name)).expect("JSON").root,
        lang,
    );
    assert_eq!(outcome.problems, vec![], "{name}");
    outcome.document.expect("a document").reports.remove(0)
}

/// The letter's text before its numbered items (the 主文), and the whole text.
async fn letter(report: Report, lang: Lang) -> (String, String) {
    let html = yew::LocalServerRenderer::<LetterView>::with_props(LetterViewProps {
        report: Rc::new(report),
        lang,
    })
    .hydratable(false)
    .render()
    .await;
    let items = html
        .find("class=\"hk-letter__item\"")
        .expect("numbered items");
    (strip_tags(&html[..items]), strip_tags(&html))
}

#[tokio::test]
async fn a_postmortem_sums_up_the_letter_in_the_past_without_claiming_a_cause() {
    for lang in [Lang::Ja, Lang::En] {
        let (body, whole) = letter(imported("postmortem.json", lang), lang).await;
        assert!(
            body.contains(
                "Between 03:10 and 04:25 UTC on March 18, dashboards did not load for all customers."
            ),
            "{body}"
        );
        assert!(!body.contains("We are investigating"), "{body}");
        // The postmortem's own words stay in its section; the letter claims nothing from them.
        assert!(whole.contains("A certificate used between our dashboard servers"));
        for claim in [
            "原因が判明",
            "再発防止策がまとまり",
            "cause has been determined",
            "measures against recurrence have",
        ] {
            assert!(!whole.contains(claim), "{claim} in {whole}");
        }
        assert!(!whole.contains("原因特定"), "{whole}");
    }
}

#[tokio::test]
async fn a_resolved_incident_is_summed_up_by_its_resolving_update() {
    let (body, whole) = letter(imported("eight-components.json", Lang::Ja), Lang::Ja).await;
    assert!(
        body.contains(
            "This incident has been resolved. Builds, Git and the REST API work normally"
        ),
        "{body}"
    );
    assert!(!body.contains("We are investigating"), "{body}");
    assert!(
        body.contains("本障害につきまして、最終報告として"),
        "{body}"
    );
    assert!(
        whole.contains("特定済み：The issue has been identified"),
        "{whole}"
    );
    assert!(!whole.contains("原因特定"));
}

#[tokio::test]
async fn an_open_incident_is_summed_up_by_its_latest_update_in_the_present() {
    let text = r#"{"page":{"name":"Fernleaf Pay","time_zone":"Etc/UTC"},"incident":{"id":"f1","name":"Card payments failing","status":"identified","impact":"major",
      "created_at":"2026-04-02T10:00:00Z","started_at":"2026-04-02T10:00:00Z","incident_updates":[
        {"id":"f1b","status":"identified","body":"Card payments still fail for some cards. A fix is being deployed.","created_at":"2026-04-02T10:40:00Z"},
        {"id":"f1a","status":"investigating","body":"We are investigating failed card payments.","created_at":"2026-04-02T10:00:00Z"}]}}"#;
    let outcome = convert(&json::parse_str(text).expect("JSON").root, Lang::En);
    let report = outcome.document.expect("a document").reports.remove(0);
    let (body, _) = letter(report, Lang::En).await;
    assert!(
        body.contains("Card payments still fail for some cards. A fix is being deployed."),
        "{body}"
    );
    assert!(
        !body.contains("We are investigating failed card payments."),
        "{body}"
    );
    assert!(body.contains("is affecting"), "present tense: {body}");
}
