//! `incident.service_states` in hokoku's own format: read, checked (unknown service, unknown
//! level, end before start, each at its path), used for the per-service times, and written back.

use hokoku::compose::impact::{service_outage, Figures, Length, Span};
use hokoku::format::decode_str;
use hokoku::format::export::to_json;

fn file(states: &str) -> String {
    format!(
        r#"{{ "version": 1, "zone": "+09:00",
          "report": {{ "title": "t", "issued": "2026-06-10", "issuer": "o" }},
          "services": [ {{ "id": "api", "name": "API" }}, {{ "id": "mail", "name": "Mail" }} ],
          "incident": {{
            "phases": [ {{ "start": "2026-06-09T17:00:00+09:00", "end": "2026-06-09T23:00:00+09:00",
                          "impact": {{ "api": "outage", "mail": "outage" }} }} ],
            "service_states": [{states}]
          }} }}"#
    )
}

#[test]
fn own_states_give_each_service_its_time_and_round_trip() {
    let text = file(
        r#"{ "service": "api", "level": "outage", "start": "2026-06-09T17:00:00+09:00", "end": "2026-06-09T17:45:00+09:00" },
           { "service": "api", "level": "degraded", "start": "2026-06-09T17:45:00+09:00", "end": "2026-06-09T18:00:00+09:00" },
           { "service": "api", "level": "partial", "start": {}, "end": "2026-06-09T17:00:00+09:00" }"#,
    );
    let outcome = decode_str(&text);
    assert_eq!(outcome.problems, vec![]);
    let doc = outcome.document.expect("a document");
    let r = &doc.reports[0];
    let known = |minutes| {
        Some(Length::Known(Span {
            minutes,
            approx: false,
        }))
    };
    // api by its own state; mail has none, so its phase counts, as before.
    assert_eq!(service_outage(r, 0), known(45));
    assert_eq!(service_outage(r, 1), known(360));
    // A start not known: the partial stretch has no length ("not stated").
    let times = &Figures::of(r).service_times;
    assert_eq!(times.len(), 1);
    assert!(times[0]
        .1
        .contains(&(hokoku::model::ImpactLevel::Partial, Length::Unknown)));
    let json = to_json(&doc);
    assert!(json.contains("\"service_states\""), "{json}");
    let again = decode_str(&json);
    assert_eq!(again.problems, vec![]);
    assert_eq!(again.document.as_ref(), Some(&doc));
}

#[test]
fn bad_states_are_errors_at_their_paths() {
    let text = file(
        r#"{ "service": "dns", "level": "outage", "start": "2026-06-09T17:00:00+09:00" },
           { "service": "api", "level": "down", "start": "2026-06-09T17:00:00+09:00" },
           { "service": "api", "level": "outage", "start": "2026-06-09T18:00:00+09:00", "end": "2026-06-09T17:00:00+09:00" },
           { "service": "api", "level": "outage" }"#,
    );
    let outcome = decode_str(&text);
    assert!(outcome.document.is_none());
    let found: Vec<(String, &str)> = outcome
        .problems
        .iter()
        .map(|p| (p.path.clone(), p.code()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "incident.service_states[0].service".to_string(),
                "unknown-ref"
            ),
            ("incident.service_states[1].level".to_string(), "not-one-of"),
            (
                "incident.service_states[2].end".to_string(),
                "end-before-start"
            ),
            ("incident.service_states[3].start".to_string(), "missing"),
        ]
    );
}
