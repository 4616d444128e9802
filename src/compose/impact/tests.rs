//! Tests of the impact figures: lengths, unions, the matrix, the legend and the sentences.

use chrono::FixedOffset;

use super::*;
use crate::format::decode_str;
use crate::model::DateStyle;

/// A report with services a–e and the given phases and unaffected list (JSON fragments).
fn report(phases: &str, unaffected: &str) -> Report {
    let text = format!(
        r#"{{
          "version": 1,
          "report": {{ "title": "t", "issued": "2026-03-04", "issuer": "o" }},
          "services": [
            {{ "id": "a", "name": "A" }}, {{ "id": "b", "name": "B" }},
            {{ "id": "c", "name": "C" }}, {{ "id": "d", "name": "D" }},
            {{ "id": "e", "name": "E" }}
          ],
          "incident": {{
            "start": "2026-03-01T08:00:00+09:00",
            "end": "2026-03-03T08:00:00+09:00",
            "phases": [{phases}],
            "unaffected": [{unaffected}]
          }}
        }}"#
    );
    let outcome = decode_str(&text);
    let errors: Vec<String> = outcome.errors().map(|p| p.message(Lang::En)).collect();
    assert!(errors.is_empty(), "{errors:?}");
    outcome.document.unwrap().reports.remove(0)
}

fn known(minutes: i64, approx: bool) -> Length {
    Length::Known(Span { minutes, approx })
}

fn ja() -> Fmt {
    Fmt::new(
        Lang::Ja,
        DateStyle::default(),
        FixedOffset::east_opt(9 * 3600).unwrap(),
    )
}

const P1: &str = r#"{ "start": "2026-03-01T08:55:00+09:00", "end": { "at": "2026-03-01T22:00:00+09:00", "approx": "about" },
    "impact": { "a": "outage", "b": "degraded", "d": "operational" } }"#;
const P2: &str = r#"{ "start": "2026-03-01T22:00:00+09:00", "end": "2026-03-02T10:00:00+09:00",
    "impact": { "a": "partial", "b": "outage" } }"#;
const P3: &str = r#"{ "start": "2026-03-02T09:00:00+09:00", "end": "2026-03-02T11:30:00+09:00",
    "impact": { "b": "outage", "c": "maintenance" } }"#;

#[test]
fn phase_lengths_and_worst_levels() {
    let r = report(&[P1, P2, P3].join(","), "");
    let f = Figures::of(&r);
    assert_eq!(f.phases[0].length, known(13 * 60 + 5, true));
    assert_eq!(f.phases[0].worst, Some(ImpactLevel::Outage));
    assert_eq!(f.phases[1].length, known(12 * 60, false));
    assert_eq!(f.phases[1].worst, Some(ImpactLevel::Outage));
    assert_eq!(f.phases[2].length, known(150, false));
    assert!(!f.phases[0].ongoing);
    assert_eq!(f.phases[0].length.text(&ja()), "約13時間5分");
}

#[test]
fn incident_length() {
    let r = report(P1, "");
    assert_eq!(Figures::of(&r).incident, known(48 * 60, false));
    assert_eq!(Figures::of(&r).incident.text(&ja()), "2日間");
}

#[test]
fn outage_union_counts_overlap_once() {
    // P1 08:55–22:00 (outage), P2 22:00–10:00 (outage, touching), P3 09:00–11:30 (outage,
    // overlapping P2 by an hour): one run 08:55 → next day 11:30.
    let r = report(&[P1, P2, P3].join(","), "");
    assert_eq!(outage_length(&r), Some(known(26 * 60 + 35, true)));
}

#[test]
fn outage_union_with_gap() {
    let r = report(&[P1, P3].join(","), "");
    assert_eq!(outage_length(&r), Some(known(13 * 60 + 5 + 150, true)));
}

#[test]
fn outage_union_of_contained_phase() {
    let outer = r#"{ "start": "2026-03-01T09:00:00+09:00", "end": "2026-03-01T12:00:00+09:00", "impact": { "a": "outage" } }"#;
    let inner = r#"{ "start": "2026-03-01T10:00:00+09:00", "end": "2026-03-01T11:00:00+09:00", "impact": { "b": "outage" } }"#;
    let r = report(&[outer, inner].join(","), "");
    assert_eq!(outage_length(&r), Some(known(180, false)));
}

#[test]
fn outage_excludes_phases_without_outage() {
    let mild = r#"{ "start": "2026-03-02T12:00:00+09:00", "end": "2026-03-02T13:00:00+09:00", "impact": { "a": "degraded" } }"#;
    let r = report(&[P3, mild].join(","), "");
    assert_eq!(outage_length(&r), Some(known(150, false)));
}

#[test]
fn no_outage_at_all() {
    let mild = r#"{ "start": "2026-03-02T12:00:00+09:00", "end": "2026-03-02T13:00:00+09:00", "impact": { "a": "degraded" } }"#;
    assert_eq!(outage_length(&report(mild, "")), None);
}

#[test]
fn per_service_outage_with_overlap() {
    let r = report(&[P1, P2, P3].join(","), "");
    // a: only P1.
    assert_eq!(service_outage(&r, 0), Some(known(13 * 60 + 5, true)));
    // b: P2 22:00–10:00 and P3 09:00–11:30 overlap → 22:00–11:30.
    assert_eq!(service_outage(&r, 1), Some(known(13 * 60 + 30, false)));
    // c: maintenance only.
    assert_eq!(service_outage(&r, 2), None);
    let f = Figures::of(&r);
    assert_eq!(
        f.service_outage.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
        [0, 1]
    );
}

#[test]
fn ongoing_phase() {
    let open = r#"{ "start": "2026-03-02T12:00:00+09:00", "impact": { "a": "outage" } }"#;
    let r = report(&[P1, open].join(","), "");
    let f = Figures::of(&r);
    assert!(f.phases[1].ongoing);
    assert_eq!(f.phases[1].length, Length::Ongoing);
    assert_eq!(f.outage, Some(Length::Ongoing));
    assert!(f.ongoing);
    assert_eq!(Length::Ongoing.text(&ja()), "継続中");
}

#[test]
fn unknown_end_gives_unknown_length() {
    let unknown =
        r#"{ "start": "2026-03-02T12:00:00+09:00", "end": {}, "impact": { "a": "outage" } }"#;
    let r = report(unknown, "");
    assert_eq!(Figures::of(&r).phases[0].length, Length::Unknown);
    assert_eq!(outage_length(&r), Some(Length::Unknown));
    assert_eq!(Length::Unknown.text(&ja()), "記載なし");
}

#[test]
fn unplaced_phase_makes_union_approximate() {
    let unknown =
        r#"{ "start": "2026-03-02T12:00:00+09:00", "end": {}, "impact": { "a": "outage" } }"#;
    let r = report(&[P3, unknown].join(","), "");
    assert_eq!(outage_length(&r), Some(known(150, true)));
}

#[test]
fn matrix_rows_cover_every_service() {
    let r = report(&[P1, P2, P3].join(","), r#""e""#);
    let m = matrix(&r);
    assert_eq!(m.len(), 5);
    use ImpactLevel::*;
    assert_eq!(m[0].cells, [Some(Outage), Some(Partial), None]);
    assert_eq!(m[1].cells, [Some(Degraded), Some(Outage), Some(Outage)]);
    assert_eq!(m[2].cells, [None, None, Some(Maintenance)]);
    assert_eq!(m[3].cells, [Some(Operational), None, None]);
    // Declared unaffected: operational in every phase, even where a phase says nothing.
    assert_eq!(m[4].cells, [Some(Operational); 3]);
    assert!(m[4].unaffected && !m[3].unaffected);
    assert_eq!(unaffected_services(&r), [4]);
}

#[test]
fn operational_everywhere_counts_as_unaffected() {
    let p = r#"{ "start": "2026-03-01T09:00:00+09:00", "end": "2026-03-01T10:00:00+09:00", "impact": { "a": "outage", "c": "operational" } }"#;
    let r = report(p, "");
    assert_eq!(unaffected_services(&r), [2]);
}

#[test]
fn phase_without_impact_data_has_no_levels() {
    let bare = r#"{ "start": "2026-03-01T09:00:00+09:00", "end": "2026-03-01T10:00:00+09:00", "summary": "s" }"#;
    let r = report(&[P1, bare].join(","), r#""e""#);
    let f = Figures::of(&r);
    assert_eq!(f.phases[1].worst, None);
    assert_eq!(f.matrix[0].cells[1], None);
    assert_eq!(f.matrix[4].cells[1], Some(ImpactLevel::Operational));
}

#[test]
fn report_without_phases_gets_implicit_phase() {
    let text = r#"{ "version": 1, "report": { "title": "t", "issued": "2026-03-04", "issuer": "o" },
        "services": [ { "id": "a", "name": "A" } ],
        "incident": { "start": { "at": "2026-03-01T09:00:00+09:00", "approx": "about" }, "end": "2026-03-01T11:00:00+09:00" } }"#;
    let r = decode_str(text).document.unwrap().reports.remove(0);
    let f = Figures::of(&r);
    assert_eq!(f.phases.len(), 1);
    assert_eq!(f.phases[0].length, known(120, true));
    assert_eq!(f.phases[0].worst, None);
    assert_eq!(f.matrix[0].cells, [None]);
    assert_eq!(f.outage, None);
    assert!(f.unaffected.is_empty());
}

#[test]
fn legend_lists_used_levels_worst_first() {
    let r = report(&[P1, P2, P3].join(","), r#""e""#);
    let (levels, missing) = legend(&matrix(&r));
    use ImpactLevel::*;
    assert_eq!(
        levels,
        [Outage, Partial, Degraded, Maintenance, Operational]
    );
    assert!(missing);
}

#[test]
fn legend_without_missing_cells() {
    let p = r#"{ "start": "2026-03-01T09:00:00+09:00", "end": "2026-03-01T10:00:00+09:00", "impact": { "a": "outage", "b": "outage", "c": "outage", "d": "outage", "e": "outage" } }"#;
    let (levels, missing) = legend(&matrix(&report(p, "")));
    assert_eq!(levels, [ImpactLevel::Outage]);
    assert!(!missing);
}

#[test]
fn bare_days_are_exact_whole_days() {
    let p = r#"{ "start": "2026-03-01", "end": "2026-03-02", "impact": { "a": "outage" } }"#;
    let r = report(p, "");
    assert_eq!(Figures::of(&r).phases[0].length, known(2 * 24 * 60, false));
}

#[test]
fn union_of_nothing_is_none() {
    assert_eq!(union_length(std::iter::empty()), None);
}

#[test]
fn digits_grouped() {
    assert_eq!(group_digits(0), "0");
    assert_eq!(group_digits(538), "538");
    assert_eq!(group_digits(4312), "4,312");
    assert_eq!(group_digits(12840), "12,840");
    assert_eq!(group_digits(1_000_000), "1,000,000");
}

#[test]
fn names_joined() {
    assert_eq!(join_names(&[], Lang::Ja), "");
    assert_eq!(join_names(&["A"], Lang::En), "A");
    assert_eq!(join_names(&["A", "B"], Lang::En), "A and B");
    assert_eq!(join_names(&["A", "B", "C"], Lang::En), "A, B and C");
    assert_eq!(
        join_names(&["メール送信", "DNS"], Lang::Ja),
        "メール送信、DNS"
    );
}

#[test]
fn unaffected_sentence_names_services() {
    let p = r#"{ "start": "2026-03-01T09:00:00+09:00", "end": "2026-03-01T10:00:00+09:00", "impact": { "a": "outage", "c": "operational" } }"#;
    let r = report(p, r#""e""#);
    assert_eq!(
        unaffected_sentence(&r, Lang::Ja).as_deref(),
        Some("なお、C、Eは正常に稼働しておりました。")
    );
    assert_eq!(
        unaffected_sentence(&r, Lang::En).as_deref(),
        Some("C and E operated normally throughout.")
    );
    assert_eq!(unaffected_sentence(&report(P2, ""), Lang::Ja), None);
}
