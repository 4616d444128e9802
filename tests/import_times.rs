//! Statuspage import of incidents whose times are odd in the ways real exports are: entered
//! after the fact (`started_at` days after the back-dated `created_at` and `resolved_at`), and
//! migrated from another tool with the end at the very start. Never refused, warned at the
//! right field, never a made-up length.

use chrono::{DateTime, FixedOffset};
use hokoku::compose::history;
use hokoku::compose::impact::{Figures, Length};
use hokoku::format::export::to_json;
use hokoku::format::import::convert;
use hokoku::format::json;
use hokoku::format::{decode_str, Outcome};
use hokoku::model::timefmt::Fmt;
use hokoku::model::{Document, Lang, Report, When};

mod common;
use common::statuspage;

fn import(text: &str) -> Outcome {
    convert(&json::parse_str(text).expect("JSON").root, Lang::En)
}

fn report<'d>(doc: &'d Document, id: &str) -> &'d Report {
    doc.reports
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("report {id}"))
}

fn instant(w: When) -> DateTime<FixedOffset> {
    match w {
        When::Instant(at) => at,
        other => panic!("not an instant: {other:?}"),
    }
}

/// (start, end) of the incident period, as RFC 3339 text.
fn period(r: &Report) -> (String, String) {
    let p = &r.incident.period;
    (
        instant(p.start.when).to_rfc3339(),
        instant(p.end.expect("an end").when).to_rfc3339(),
    )
}

fn codes_and_paths(outcome: &Outcome) -> Vec<(String, &'static str, bool)> {
    outcome
        .problems
        .iter()
        .map(|p| (p.path.clone(), p.code(), p.is_error()))
        .collect()
}

fn assert_round_trips(doc: &Document) {
    let json = to_json(doc);
    let again = decode_str(&json);
    assert_eq!(again.problems, vec![], "decoding the export:\n{json}");
    assert_eq!(again.document.as_ref(), Some(doc));
}

#[test]
fn backfilled_incidents_open_with_the_consistent_times_and_a_warning_at_the_odd_field() {
    let text = statuspage("backfilled.json");
    let outcome = import(&text);
    assert_eq!(
        codes_and_paths(&outcome),
        vec![
            ("incidents[1].started_at".into(), "time-set-aside", false),
            ("incidents[2].started_at".into(), "time-set-aside", false),
            ("incidents[2].created_at".into(), "time-set-aside", false),
            ("incidents[3].resolved_at".into(), "time-set-aside", false),
        ]
    );
    // The warning points at the odd value itself, for the problems panel.
    let pos = outcome.problems[0].pos.expect("position");
    let line = text.lines().nth(pos.line as usize - 1).expect("line");
    assert!(
        line.contains("\"started_at\": \"2025-10-20T09:12"),
        "{line}"
    );
    let message = outcome.problems[0].message(Lang::En);
    assert!(
        message.starts_with("started_at contradicts resolved_at")
            && message.contains("created_at is used"),
        "{message}"
    );
    assert!(outcome.problems[0]
        .message(Lang::Ja)
        .contains("started_at は使わず、created_atを使いました"));

    let doc = outcome.document.expect("warnings only: the history opens");
    assert_eq!(doc.reports.len(), 4);
    // started_at set aside: the back-dated created_at is the start.
    assert_eq!(
        period(report(&doc, "tdw-started-late")),
        (
            "2025-10-14T06:10:00+00:00".into(),
            "2025-10-14T07:25:00+00:00".into()
        )
    );
    // started_at and created_at both typed in later: the first update places the start.
    assert_eq!(
        period(report(&doc, "tdw-both-late")),
        (
            "2025-08-30T03:05:00+00:00".into(),
            "2025-08-30T04:40:00+00:00".into()
        )
    );
    // resolved_at a month before everything else: the resolving update ends it.
    assert_eq!(
        period(report(&doc, "tdw-resolved-early")),
        (
            "2025-07-01T12:00:00+00:00".into(),
            "2025-07-01T13:10:00+00:00".into()
        )
    );
    // Untouched.
    assert_eq!(
        period(report(&doc, "tdw-normal")),
        (
            "2025-11-03T10:00:00+00:00".into(),
            "2025-11-03T11:30:00+00:00".into()
        )
    );
    assert_round_trips(&doc);
}

#[test]
fn a_resolved_at_before_the_start_with_nothing_to_stand_in_leaves_the_end_not_stated() {
    let text = r#"{"page":{"name":"P"},"incident":{"id":"a","name":"A","created_at":"2026-01-02T00:00:00Z",
      "resolved_at":"2026-01-01T00:00:00Z","incident_updates":[]}}"#;
    let outcome = import(text);
    assert_eq!(
        codes_and_paths(&outcome),
        vec![("incident.resolved_at".into(), "time-set-aside", false)]
    );
    let doc = outcome.document.expect("a warning only");
    let r = &doc.reports[0];
    assert!(r.incident.period.ends_at_start(), "end not written down");
    assert_eq!(r.incident.period.duration_minutes(), None);
    assert_round_trips(&doc);
}

/// A list of `n` resolved incidents a day apart; those in `backfilled` were entered after the
/// fact (started_at a week after resolved_at).
fn history(n: usize, backfilled: &[usize]) -> String {
    let day = 24 * 3600;
    let base = DateTime::parse_from_rfc3339("2012-01-01T09:00:00Z")
        .expect("base")
        .timestamp();
    let at = |secs: i64| {
        DateTime::from_timestamp(secs, 0)
            .expect("time")
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    };
    let items: Vec<String> = (0..n)
        .map(|i| {
            let start = base + i as i64 * day;
            let end = start + 45 * 60;
            let started = if backfilled.contains(&i) {
                start + 7 * day
            } else {
                start
            };
            format!(
                r#"{{"id":"h{i}","name":"Incident {i}","status":"resolved","impact":"minor",
                  "created_at":"{c}","started_at":"{s}","resolved_at":"{e}","incident_updates":[
                  {{"id":"h{i}b","status":"resolved","body":"Resolved.","created_at":"{e}"}},
                  {{"id":"h{i}a","status":"investigating","body":"Looking into it.","created_at":"{c}"}}]}}"#,
                c = at(start),
                s = at(started),
                e = at(end),
            )
        })
        .collect();
    format!(
        r#"{{"page":{{"name":"Quillfeather Docs","time_zone":"Etc/UTC"}},"incidents":[{}]}}"#,
        items.join(",")
    )
}

#[test]
fn three_backfilled_incidents_never_sink_a_history_of_1282() {
    let outcome = import(&history(1282, &[17, 640, 1201]));
    assert_eq!(
        codes_and_paths(&outcome),
        [17, 640, 1201]
            .iter()
            .map(|i| (
                format!("incidents[{i}].started_at"),
                "time-set-aside",
                false
            ))
            .collect::<Vec<_>>()
    );
    let doc = outcome.document.expect("the whole history opens");
    assert_eq!(doc.reports.len(), 1282);
    for id in ["h17", "h640", "h1201"] {
        let r = report(&doc, id);
        assert_eq!(r.incident.period.duration_minutes(), Some(45), "{id}");
    }
}

#[test]
fn zero_length_migrated_incidents_have_no_length_no_levels_and_stay_out_of_mttr() {
    let outcome = convert(
        &json::parse_str(&statuspage("migrated.json"))
            .expect("JSON")
            .root,
        Lang::Ja,
    );
    assert_eq!(outcome.problems, vec![]);
    let doc = outcome.document.expect("a document");
    for id in ["brm-2", "brm-3"] {
        let r = report(&doc, id);
        let fmt = Fmt::new(Lang::Ja, r.letter.date_style, r.zone);
        let figures = Figures::of(r);
        assert_eq!(figures.incident, Length::Unknown, "{id}");
        assert_eq!(figures.incident.text(&fmt), "記載なし");
        assert_eq!(figures.phases[0].length.text(&fmt), "記載なし");
        // Components left "operational" by the migration say nothing: no level, no outage
        // figure ("なし" would claim there was none).
        assert!(
            r.incident.phases.iter().all(|p| p.impact.is_empty()),
            "{id}"
        );
        assert!(r.incident.service_states.is_empty());
        assert_eq!(figures.outage_text(&fmt), "記載なし");
        assert!(r.incident.phases[0]
            .notes
            .iter()
            .any(|n| n.contains("移行された記録")));
        assert!(fmt
            .period(&r.incident.period)
            .ends_with("～（終了時刻の記載なし）"));
    }
    // A real incident whose components did change keeps its levels.
    assert!(!report(&doc, "brm-1").incident.phases[0].impact.is_empty());
    // The month's MTTR is the mean of the two real ones (90 and 50 minutes), saying that two
    // reports are left out.
    let entries = history::entries(&doc);
    let listed: Vec<&history::Entry> = entries.iter().collect();
    let months = history::monthly(&doc, &listed);
    assert_eq!(months.len(), 1);
    let fmt = Fmt::new(
        Lang::Ja,
        doc.reports[0].letter.date_style,
        doc.reports[0].zone,
    );
    assert_eq!(months[0].mttr_minutes, Some(70));
    assert_eq!(months[0].mttr_not_stated, 2);
    assert_eq!(months[0].mttr_text(&fmt), "1時間10分（記載なし2件を除く）");
    assert_round_trips(&doc);
}
