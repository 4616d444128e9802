//! Statuspage import: detection, the mapping (phase boundaries, durations, matrix cells, event
//! order and kinds), problems with paths into the source file, and the round trip of the
//! converted document through export and decode.

use chrono::{DateTime, FixedOffset, NaiveDate};
use hokoku::compose::impact::Figures;
use hokoku::format::export::to_json;
use hokoku::format::import::{convert, convert_with, looks_like_statuspage, Options};
use hokoku::format::json;
use hokoku::format::{decode_str, decode_str_in, Outcome};
use hokoku::model::{Document, EventKind, ImpactLevel, Lang, Report, ReportKind, When, Zone};

fn root(text: &str) -> json::Node {
    json::parse_str(text).expect("fixture is JSON").root
}

fn import(text: &str, lang: Lang) -> Outcome {
    convert(&root(text), lang)
}

/// The converted document, asserting there was no problem at all.
fn clean(text: &str) -> Document {
    let outcome = import(text, Lang::Ja);
    assert_eq!(outcome.problems, vec![], "problems");
    outcome.document.expect("a document")
}

fn report<'d>(doc: &'d Document, id: &str) -> &'d Report {
    doc.reports
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("report {id}"))
}

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("test time")
}

fn instant(w: When) -> DateTime<FixedOffset> {
    match w {
        When::Instant(at) => at,
        other => panic!("not an instant: {other:?}"),
    }
}

/// (start, end) of each phase.
fn bounds(r: &Report) -> Vec<(DateTime<FixedOffset>, Option<DateTime<FixedOffset>>)> {
    r.incident
        .phases
        .iter()
        .map(|p| {
            (
                instant(p.period.start.when),
                p.period.end.map(|e| instant(e.when)),
            )
        })
        .collect()
}

/// Matrix rows by service id: one cell per phase.
fn cells(r: &Report, service: &str) -> Vec<Option<ImpactLevel>> {
    let s = r
        .services
        .iter()
        .position(|s| s.id == service)
        .expect("service");
    r.incident.phases.iter().map(|p| p.level_of(s)).collect()
}

fn assert_round_trips(doc: &Document) {
    let json = to_json(doc);
    let again = decode_str(&json);
    assert_eq!(again.problems, vec![], "decoding the export:\n{json}");
    assert_eq!(again.document.as_ref(), Some(doc));
    // And once more: the export of the decoded document is the same text.
    assert_eq!(again.document.as_ref().map(to_json), Some(json));
}

use ImpactLevel::{Degraded, Maintenance, Operational, Outage, Partial};

mod common;
use common::statuspage;

#[test]
fn recognizes_the_statuspage_shapes_and_nothing_else() {
    for name in [
        "incident.json",
        "incidents.json",
        "summary.json",
        "scheduled-maintenances.json",
    ] {
        assert!(looks_like_statuspage(&root(&statuspage(name))), "{name}");
    }
    assert!(looks_like_statuspage(&root(
        r#"[{"name":"A","incident_updates":[]}]"#
    )));
    assert!(looks_like_statuspage(&root(
        r#"{"name":"A","incident_updates":[]}"#
    )));
    for name in [
        "sample.json",
        "minimal.json",
        "history.json",
        "sample-en.json",
    ] {
        let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        assert!(!looks_like_statuspage(&root(&text)), "{name}");
    }
    assert!(!looks_like_statuspage(&root(
        r#"{"version":1,"page":{},"incidents":[]}"#
    )));
    assert!(!looks_like_statuspage(&root(
        r#"{"page":"x","incidents":[]}"#
    )));
    assert!(!looks_like_statuspage(&root("[]")));
    assert!(!looks_like_statuspage(&root("[1]")));
}

#[test]
fn single_incident_header_and_period() {
    let doc = clean(&statuspage("incident.json"));
    assert!(!doc.is_history);
    assert_eq!(doc.lang, Lang::Ja);
    let r = &doc.reports[0];
    assert_eq!(r.id, "hz1k8m2n4p6q");
    assert_eq!(
        r.header.title.as_deref(),
        Some("メール受信の遅延および POP 接続障害")
    );
    assert_eq!(r.header.issuer.organization, "ほしぞらメール");
    assert_eq!(r.header.kind, ReportKind::Final);
    // Resolved at 13:00 UTC = 22:00 in Tokyo, the same day.
    assert_eq!(r.header.issued, NaiveDate::from_ymd_opt(2026, 3, 2));
    assert_eq!(
        // From the resolving update, in the past: not the first update's "is delayed".
        r.header.summary.as_deref(),
        Some("すべてのメールの配送が完了し、POP 接続も正常に戻りました。ご不便をおかけし申し訳ございません。")
    );
    assert_eq!(
        r.header.contact.as_ref().and_then(|c| c.url.as_deref()),
        Some("https://stspg.example/hz1k8m2")
    );
    assert_eq!(r.zone.name(), Some("Asia/Tokyo"), "the page's time_zone");
    assert_eq!(r.actors.len(), 1);
    assert_eq!(r.actors[0].name, "ほしぞらメール");
    // started_at, not created_at; shown in +09:00.
    let start = instant(r.incident.period.start.when);
    assert_eq!(start, t("2026-03-02T08:50:00+09:00"));
    assert_eq!(start.offset().local_minus_utc(), 9 * 3600);
    assert_eq!(
        r.incident.period.end.map(|e| instant(e.when)),
        Some(t("2026-03-02T22:00:00+09:00"))
    );
    let names: Vec<&str> = r.services.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["メール受信 (SMTP)", "POP3", "Webメール"]);
}

#[test]
fn single_incident_phases_follow_the_status_progression() {
    let doc = clean(&statuspage("incident.json"));
    let r = &doc.reports[0];
    assert_eq!(
        bounds(r),
        vec![
            (t("2026-03-01T23:50:00Z"), Some(t("2026-03-02T03:10:00Z"))),
            (t("2026-03-02T03:10:00Z"), Some(t("2026-03-02T09:30:00Z"))),
            (t("2026-03-02T09:30:00Z"), Some(t("2026-03-02T13:00:00Z"))),
        ]
    );
    let labels: Vec<&str> = r.incident.phases.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["①", "②", "③"]);
    let summaries: Vec<&str> = r
        .incident
        .phases
        .iter()
        .filter_map(|p| p.summary.as_deref())
        .collect();
    assert_eq!(
        summaries,
        [
            "調査中：メールの受信が遅延しています。",
            "特定済み：原因はメールストレージ装置の故障と特定しました。装置を交換しています。",
            "経過観察中：ストレージ装置の交換が完了しました。滞留しているメールを順次配送しています。",
        ]
    );
    let minutes: Vec<Option<i64>> = r
        .incident
        .phases
        .iter()
        .map(|p| p.period.duration_minutes())
        .collect();
    assert_eq!(minutes, [Some(200), Some(380), Some(210)]);
    assert_eq!(r.incident.period.duration_minutes(), Some(790));
    assert!(!Figures::of(r).ongoing);
}

#[test]
fn single_incident_matrix_takes_the_worst_state_of_each_phase() {
    let doc = clean(&statuspage("incident.json"));
    let r = &doc.reports[0];
    // Went down at 23:55 inside phase ①; POP degraded in ①, down from ② (the change at ②'s
    // first instant belongs to ②), partly back in ③.
    assert_eq!(
        cells(r, "smtpin01"),
        [Some(Outage), Some(Outage), Some(Partial)]
    );
    assert_eq!(
        cells(r, "pop00003"),
        [Some(Degraded), Some(Outage), Some(Degraded)]
    );
    // Named with an unchanged status: operational throughout, not "affected".
    assert_eq!(cells(r, "webmail9"), [Some(Operational); 3]);
    assert_eq!(r.affected_services(), [0, 1]);
    assert_eq!(r.worst(), Some(Outage));
}

#[test]
fn single_incident_events_are_in_time_order_with_kinds_from_status() {
    let doc = clean(&statuspage("incident.json"));
    let r = &doc.reports[0];
    let ids: Vec<&str> = r.timeline.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        ["u1invest", "u2invest", "u3ident", "u4monitor", "u5resolved"]
    );
    let kinds: Vec<EventKind> = r.timeline.iter().map(|e| e.kind).collect();
    use EventKind::*;
    assert_eq!(kinds, [Detection, Action, Action, Action, Recovery]);
    let phases: Vec<Option<usize>> = r.timeline.iter().map(|e| e.phase).collect();
    assert_eq!(phases, [Some(0), Some(0), Some(1), Some(2), Some(2)]);
    // display_at, seconds kept and fractions dropped.
    assert_eq!(
        r.timeline[0].time.when,
        When::Instant(t("2026-03-01T23:55:00Z"))
    );
    assert_eq!(
        r.timeline[0].text,
        "メールの受信が遅延しています。\n現在、原因を調査しています。".into()
    );
    assert!(r.timeline.iter().all(|e| e.actor == 0));
    assert_eq!(r.timeline[0].services, [0, 1, 2]);
    assert_eq!(r.timeline[1].services, Vec::<usize>::new());
    assert_eq!(r.timeline[2].services, [1]);
}

#[test]
fn list_becomes_a_history_newest_first() {
    let doc = clean(&statuspage("incidents.json"));
    assert!(doc.is_history);
    let ids: Vec<&str> = doc.reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "kc7unres0001",
            "kc6maint0001",
            "kc5store0001",
            "kc4panel0001",
            "kc3dns000001",
            "kc2vps000001"
        ]
    );
    assert_round_trips(&doc);
}

#[test]
fn null_affected_components_fall_back_to_the_incident_impact_with_a_note() {
    let doc = clean(&statuspage("incidents.json"));
    let r = report(&doc, "kc4panel0001");
    assert_eq!(
        bounds(r),
        vec![(t("2025-12-03T06:40:00Z"), Some(t("2025-12-03T07:25:00Z")))]
    );
    assert_eq!(cells(r, "panel001"), [Some(Partial)]);
    let notes = &r.incident.phases[0].notes;
    assert_eq!(notes.len(), 1);
    assert!(notes[0].contains("major"), "{notes:?}");
    assert!(r.timeline.iter().all(|e| e.services.is_empty()));
    let kinds: Vec<EventKind> = r.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventKind::Detection, EventKind::Recovery]);
}

#[test]
fn unchanged_component_statuses_stay_operational() {
    let doc = clean(&statuspage("incidents.json"));
    let r = report(&doc, "kc3dns000001");
    assert_eq!(cells(r, "dns00001"), [Some(Operational)]);
    assert_eq!(r.worst(), Some(Operational));
    assert!(r.affected_services().is_empty());
    assert!(r.incident.phases[0].notes.is_empty());
}

#[test]
fn unresolved_incident_is_ongoing_and_interim() {
    let doc = clean(&statuspage("incidents.json"));
    let r = report(&doc, "kc7unres0001");
    assert_eq!(r.incident.period.end, None);
    assert_eq!(
        bounds(r),
        vec![
            (t("2026-05-20T02:00:00Z"), Some(t("2026-05-20T03:15:00Z"))),
            (t("2026-05-20T03:15:00Z"), None),
        ]
    );
    assert_eq!(cells(r, "api00001"), [Some(Degraded), Some(Degraded)]);
    assert_eq!(r.header.kind, ReportKind::Interim(Some(2)));
    assert_eq!(r.header.issued, NaiveDate::from_ymd_opt(2026, 5, 20));
    assert!(Figures::of(r).ongoing);

    // With a single update it is the first report.
    let doc = clean(&statuspage("summary.json"));
    let r = report(&doc, "kc8open00001");
    assert_eq!(r.header.kind, ReportKind::Interim(Some(2)));
    assert_eq!(bounds(r), vec![(t("2026-05-31T00:55:00Z"), None)]);
    let kinds: Vec<EventKind> = r.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventKind::Detection, EventKind::Action]);
}

#[test]
fn completed_maintenance_in_an_incident_list() {
    let doc = clean(&statuspage("incidents.json"));
    let r = report(&doc, "kc6maint0001");
    assert_eq!(
        bounds(r),
        vec![
            (t("2026-04-10T17:00:00Z"), Some(t("2026-04-10T18:20:00Z"))),
            (t("2026-04-10T18:20:00Z"), Some(t("2026-04-10T18:40:00Z"))),
        ]
    );
    assert_eq!(cells(r, "panel001"), [Some(Maintenance), Some(Maintenance)]);
    assert_eq!(r.worst(), Some(Maintenance));
    assert_eq!(r.header.kind, ReportKind::Final);
    let summaries: Vec<&str> = r
        .incident
        .phases
        .iter()
        .filter_map(|p| p.summary.as_deref())
        .collect();
    assert!(
        summaries[0].starts_with("メンテナンス実施中："),
        "{summaries:?}"
    );
    assert!(summaries[1].starts_with("動作確認中："), "{summaries:?}");
    assert_eq!(
        r.incident.phases[0].notes,
        ["予定作業時間：2026年4月11日(土)2時00分～4時00分"]
    );
    use EventKind::*;
    let kinds: Vec<EventKind> = r.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [Notice, Action, Action, Recovery]);
    // The announcement a week before is on the timeline but in no phase.
    let phases: Vec<Option<usize>> = r.timeline.iter().map(|e| e.phase).collect();
    assert_eq!(phases, [None, Some(0), Some(1), Some(1)]);
}

#[test]
fn scheduled_maintenances_file_in_english_keeps_the_page_zone_with_its_daylight_saving() {
    let outcome = import(&statuspage("scheduled-maintenances.json"), Lang::En);
    assert_eq!(outcome.problems, vec![]);
    let doc = outcome.document.expect("document");
    assert!(doc.is_history);
    assert_eq!(doc.lang, Lang::En);
    let ids: Vec<&str> = doc.reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["ns2prog00001", "ns1done00001"]);

    let going = report(&doc, "ns2prog00001");
    assert_eq!(going.zone.name(), Some("America/New_York"));
    assert_eq!(bounds(going), vec![(t("2026-07-05T06:00:00Z"), None)]);
    assert_eq!(cells(going, "net00001"), [Some(Maintenance)]);
    assert_eq!(
        going.incident.phases[0]
            .summary
            .as_deref()
            .map(|s| s.starts_with("Maintenance in progress: ")),
        Some(true)
    );
    assert_eq!(going.header.kind, ReportKind::Interim(Some(2)));

    let done = report(&doc, "ns1done00001");
    // Begun at the in_progress update, ended at the completed one (not the planned window).
    assert_eq!(
        bounds(done),
        vec![(t("2026-05-10T03:02:00Z"), Some(t("2026-05-10T05:10:00Z")))]
    );
    assert_eq!(done.incident.period.duration_minutes(), Some(128));
    assert_eq!(cells(done, "blk00001"), [Some(Maintenance)]);
    assert_round_trips(&doc);
}

#[test]
fn summary_json_with_a_planned_maintenance() {
    let doc = clean(&statuspage("summary.json"));
    assert!(doc.is_history);
    let r = report(&doc, "kc9plan00001");
    // Not begun: the planned window, one 予定 phase, a first report.
    assert_eq!(
        bounds(r),
        vec![(t("2026-06-01T16:00:00Z"), Some(t("2026-06-01T18:00:00Z")))]
    );
    assert_eq!(
        r.incident.phases[0].summary.as_deref(),
        Some("メンテナンス予定：ストレージ装置を入れ替えます。作業中はアップロードが遅くなることがあります。")
    );
    assert_eq!(r.header.kind, ReportKind::First);
    // The affected component had no name: the summary's component list names it.
    assert_eq!(r.services[0].name, "オブジェクトストレージ");
    // Its state "operational" is today's; the planned window gets the maintenance level, noted.
    assert_eq!(cells(r, "store001"), [Some(Maintenance)]);
    assert_eq!(
        r.incident.phases[0].notes.len(),
        2,
        "{:?}",
        r.incident.phases[0].notes
    );
    assert!(r.incident.phases[0].notes[0].starts_with("予定作業時間："));
    assert_eq!(r.timeline[0].kind, EventKind::Notice);
    assert_round_trips(&doc);
}

#[test]
fn markdown_body_becomes_paragraphs_a_list_and_a_link_with_its_script_as_text() {
    use hokoku::model::text::{Block, Inline};
    let doc = clean(&statuspage("incidents.json"));
    let r = report(&doc, "kc5store0001");
    let first = &r.timeline[0];
    let url = "https://status.komorebi-cloud.example/incidents/kc5store0001";
    assert_eq!(
        first.text.blocks,
        [
            Block::Paragraph(vec![Inline::Plain(
                "We are seeing elevated error rates for uploads.".into()
            )]),
            Block::List(vec![
                vec![Inline::Plain("Uploads may fail with HTTP 503".into())],
                vec![Inline::Plain("Downloads are not affected".into())],
            ]),
            Block::Paragraph(vec![
                Inline::Plain("Follow ".into()),
                Inline::Link {
                    label: url.into(),
                    url: url.into()
                },
                // A script in a Markdown-like body is what it says, as text.
                Inline::Plain(" for updates. <script>alert(1)</script>".into()),
            ]),
        ]
    );
    assert_eq!(
        // From the postmortem, its heading left out.
        r.header.summary.as_deref(),
        Some("A configuration change removed capacity from the upload tier.")
    );
    // The shortlink is not a web link: the page's URL is used instead.
    assert_eq!(
        r.header.contact.as_ref().and_then(|c| c.url.as_deref()),
        Some("https://status.komorebi-cloud.example")
    );
    use EventKind::*;
    let kinds: Vec<EventKind> = r.timeline.iter().map(|e| e.kind).collect();
    // Monitoring that sets everything operational counts as the recovery; the postmortem is a report.
    assert_eq!(kinds, [Detection, Recovery, Recovery, Report]);
    let phases: Vec<Option<usize>> = r.timeline.iter().map(|e| e.phase).collect();
    assert_eq!(phases, [Some(0), Some(1), Some(1), None]);
    assert_eq!(cells(r, "store001"), [Some(Partial), Some(Operational)]);
    assert_eq!(r.incident.sections.len(), 1);
    assert_eq!(r.incident.sections[0].heading, "事後報告");
    assert_eq!(
        r.incident.sections[0].body,
        [
            "## Summary\nA configuration change removed capacity from the upload tier.",
            "## Follow-up\nConfiguration changes now roll out region by region."
        ]
    );
    assert_eq!(r.header.kind, ReportKind::Final);
}

/// One incident of the generated list: `n` days back, every third without component data,
/// every seventh unresolved, every fifth with an unchanged status.
fn generated_incident(n: usize) -> String {
    let day = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap() - chrono::Days::new(n as u64 * 13);
    let d = day.format("%Y-%m-%d");
    let code = ["api00001", "panel001", "store001", "dns00001"][n % 4];
    let (old, new) = if n.is_multiple_of(5) {
        ("operational", "operational")
    } else {
        (
            "operational",
            ["major_outage", "partial_outage", "degraded_performance"][n % 3],
        )
    };
    let affected = |o: &str, nw: &str| {
        if n.is_multiple_of(3) {
            "null".to_string()
        } else {
            format!(
                r#"[{{"code":"{code}","name":"Component {code}","old_status":"{o}","new_status":"{nw}"}}]"#
            )
        }
    };
    let open = n % 7 == 3;
    let resolved_update = if open {
        String::new()
    } else {
        format!(
            r#"{{"id":"g{n}u3","status":"resolved","body":"Resolved.","created_at":"{d}T05:00:00Z","display_at":"{d}T05:00:00Z","affected_components":{}}},"#,
            affected(new, "operational")
        )
    };
    format!(
        r#"{{"id":"gen{n:04}","name":"Generated incident {n}","status":"{status}","impact":"{impact}",
        "created_at":"{d}T02:00:00Z","updated_at":"{d}T05:00:00Z","started_at":"{d}T01:{min:02}:00Z",
        "monitoring_at":null,"resolved_at":{resolved},"shortlink":"https://stspg.example/g{n}",
        "incident_updates":[{resolved_update}
          {{"id":"g{n}u2","status":"identified","body":"Cause found.\nFixing.","created_at":"{d}T03:30:00Z","display_at":"{d}T03:30:00Z","affected_components":null}},
          {{"id":"g{n}u1","status":"investigating","body":"Looking into it.","created_at":"{d}T02:00:00Z","display_at":"{d}T02:00:00Z","affected_components":{first}}}
        ],
        "components":[{{"id":"{code}","name":"Component {code}","status":"operational"}}]}}"#,
        status = if open { "identified" } else { "resolved" },
        impact = ["minor", "major", "critical"][n % 3],
        min = n % 60,
        resolved = if open {
            "null".to_string()
        } else {
            format!("\"{d}T05:00:00Z\"")
        },
        first = affected(old, new),
    )
}

#[test]
fn a_list_of_fifty_generated_incidents() {
    let incidents: Vec<String> = (0..50).map(generated_incident).collect();
    let text = format!(
        r#"{{"page":{{"id":"gen","name":"Generated Cloud","url":"https://status.gen.example","time_zone":"Etc/UTC"}},"incidents":[{}]}}"#,
        incidents.join(",")
    );
    let doc = clean(&text);
    assert!(doc.is_history);
    assert_eq!(doc.reports.len(), 50);
    // Newest first, which is also the order generated.
    let ids: Vec<String> = doc.reports.iter().map(|r| r.id.clone()).collect();
    let expected: Vec<String> = (0..50).map(|n| format!("gen{n:04}")).collect();
    assert_eq!(ids, expected);
    for (n, r) in doc.reports.iter().enumerate() {
        let open = n % 7 == 3;
        assert_eq!(r.incident.phases.len(), 2, "{}", r.id);
        assert_eq!(r.incident.period.end.is_none(), open, "{}", r.id);
        assert_eq!(r.timeline.len(), if open { 2 } else { 3 }, "{}", r.id);
        // Phase ② starts at the identified update, 03:30 on the page's clock (Etc/UTC, not
        // Tokyo's 12:30); ① at started_at.
        let b = bounds(r);
        assert_eq!(r.zone.name(), Some("Etc/UTC"));
        let shown = r.zone.local(b[1].0);
        assert_eq!(shown.format("%H:%M").to_string(), "03:30", "{}", r.id);
        assert_eq!(b[0].1, Some(b[1].0));
        let level = cells(r, ["api00001", "panel001", "store001", "dns00001"][n % 4])[0];
        let expected = if n % 3 == 0 {
            Some([Degraded, Partial, Outage][n % 3])
        } else if n % 5 == 0 {
            Some(Operational)
        } else {
            Some([Outage, Partial, Degraded][n % 3])
        };
        assert_eq!(level, expected, "{}", r.id);
        assert_eq!(
            r.header.kind,
            if open {
                ReportKind::Interim(Some(2))
            } else {
                ReportKind::Final
            }
        );
    }
    assert_round_trips(&doc);
}

#[test]
fn every_fixture_round_trips_through_export_and_decode() {
    for name in [
        "incident.json",
        "incidents.json",
        "summary.json",
        "scheduled-maintenances.json",
    ] {
        for lang in [Lang::Ja, Lang::En] {
            let outcome = import(&statuspage(name), lang);
            assert_eq!(outcome.problems, vec![], "{name}");
            assert_round_trips(&outcome.document.expect(name));
        }
    }
}

#[test]
fn a_zone_can_be_chosen() {
    let zone = FixedOffset::west_opt(5 * 3600).unwrap();
    let outcome = convert_with(
        &root(&statuspage("incident.json")),
        Options {
            lang: Lang::En,
            zone: Some(zone.into()),
        },
    );
    let doc = outcome.document.expect("document");
    let r = &doc.reports[0];
    assert_eq!(r.zone, Zone::Fixed(zone));
    assert_eq!(
        instant(r.incident.period.start.when).to_rfc3339(),
        "2026-03-01T18:50:00-05:00"
    );
    // The page says Asia/Tokyo: English readers get it when no zone is chosen.
    let doc = import(&statuspage("incident.json"), Lang::En)
        .document
        .expect("document");
    assert_eq!(doc.reports[0].zone.name(), Some("Asia/Tokyo"));
    assert_eq!(
        doc.reports[0].incident.phases[0]
            .summary
            .as_deref()
            .map(|s| s.starts_with("Investigating: ")),
        Some(true)
    );
}

fn codes_and_paths(outcome: &Outcome) -> Vec<(String, &'static str, bool)> {
    outcome
        .problems
        .iter()
        .map(|p| (p.path.clone(), p.code(), p.is_error()))
        .collect()
}

#[test]
fn problems_name_the_path_in_the_source() {
    let text = r#"{"page":{"name":"P"},"incidents":[
      {"id":"a","created_at":"2026-01-01T00:00:00Z","incident_updates":[]},
      {"id":"b","name":"B","created_at":"2026-01-02T00:00:00Z","incident_updates":[
        {"status":"resolved","body":"x","created_at":"2026-01-02T03:00:00Z"},
        {"status":"investigating","body":"y","created_at":"2026-13-01T00:00:00Z"}]},
      "not an incident",
      {"id":"d","name":"D","created_at":"2026-01-04T00:00:00","resolved_at":"2026-01-03T00:00:00Z","incident_updates":[]}
    ]}"#;
    let outcome = import(text, Lang::Ja);
    assert!(outcome.document.is_none());
    assert_eq!(
        codes_and_paths(&outcome),
        vec![
            ("incidents[0].name".into(), "missing", true),
            (
                "incidents[1].incident_updates[1].created_at".into(),
                "bad-instant",
                true
            ),
            ("incidents[2]".into(), "wrong-type", true),
            ("incidents[3].created_at".into(), "missing-offset", true),
        ]
    );
    // Line and column of the bad value, for the problems panel.
    let pos = outcome.problems[1].pos.expect("position");
    assert_eq!(pos.line, 5);

    let text = r#"{"page":{"name":"P"},"incident":{"id":"a","name":"A","created_at":"2026-01-02T00:00:00Z",
      "resolved_at":"2026-01-01T00:00:00Z","incident_updates":[]}}"#;
    // Odd, not wrong: an incident entered after the fact (see tests/import_times.rs).
    let outcome = import(text, Lang::Ja);
    assert_eq!(
        codes_and_paths(&outcome),
        vec![("incident.resolved_at".into(), "time-set-aside", false)]
    );
}

#[test]
fn unknown_codes_are_warnings_and_the_rest_converts() {
    let text = r#"{"page":{"name":"P"},"incidents":[
      {"id":"a","name":"A","status":"resolved","impact":"apocalyptic","created_at":"2026-01-01T00:00:00Z",
       "resolved_at":"2026-01-01T01:00:00Z","incident_updates":[
        {"status":"escalated","body":"","created_at":"2026-01-01T00:10:00Z",
         "affected_components":[{"code":"c1","name":"C1","old_status":"operational","new_status":"on_fire"},{"old_status":"operational"}]}]},
      {"id":"a","name":"A again","created_at":"2026-01-05T00:00:00Z","incident_updates":[]}
    ]}"#;
    let outcome = import(text, Lang::En);
    assert_eq!(
        codes_and_paths(&outcome),
        vec![
            ("incidents[0].impact".into(), "not-one-of", false),
            (
                "incidents[0].incident_updates[0].status".into(),
                "not-one-of",
                false
            ),
            (
                "incidents[0].incident_updates[0].affected_components[0].new_status".into(),
                "not-one-of",
                false
            ),
            (
                "incidents[0].incident_updates[0].affected_components[1].code".into(),
                "missing",
                false
            ),
            ("incidents[1].id".into(), "duplicate-id", false),
        ]
    );
    let doc = outcome.document.expect("warnings only");
    assert_eq!(doc.reports.len(), 1);
    let r = &doc.reports[0];
    // An update with an unknown status and no body: a notice saying "Update".
    assert_eq!(r.timeline[0].kind, EventKind::Notice);
    assert_eq!(r.timeline[0].text, "Update".into());
    // The component is known but its state is not.
    assert_eq!(cells(r, "c1"), [Some(Operational)]);
    assert_round_trips(&doc);
}

#[test]
fn an_empty_list_is_an_error() {
    let outcome = import(r#"{"page":{"name":"P"},"incidents":[]}"#, Lang::Ja);
    assert!(outcome.document.is_none());
    assert_eq!(
        codes_and_paths(&outcome),
        vec![("incidents".into(), "no-incidents", true)]
    );
    assert!(outcome.problems[0]
        .message(Lang::Ja)
        .contains("インシデント"));
    let outcome = import(
        r#"{"page":{"name":"P"},"status":{"indicator":"none"},"components":[],"incidents":[],"scheduled_maintenances":[]}"#,
        Lang::En,
    );
    assert_eq!(
        codes_and_paths(&outcome),
        vec![("incidents".into(), "no-incidents", true)]
    );
}

#[test]
fn an_incident_without_updates_gets_one_phase() {
    let text = r#"{"page":{"name":"P","url":"ftp://nope"},"incident":{"id":"a","name":"A","status":"resolved","impact":"critical",
      "created_at":"2026-01-01T00:00:00Z","resolved_at":"2026-01-01T02:00:00Z","incident_updates":[],
      "components":[{"id":"c1","name":"C1","status":"operational"}]}}"#;
    let doc = clean(text);
    let r = &doc.reports[0];
    assert_eq!(r.incident.phases.len(), 1);
    assert_eq!(r.incident.phases[0].summary, None);
    assert_eq!(cells(r, "c1"), [Some(Outage)]);
    assert!(r.timeline.is_empty());
    assert_eq!(r.header.contact, None);
    assert_eq!(r.header.summary, None);
    assert_round_trips(&doc);
}

#[test]
fn decode_reads_statuspage_files_directly() {
    for name in [
        "incident.json",
        "incidents.json",
        "summary.json",
        "scheduled-maintenances.json",
    ] {
        let text = statuspage(name);
        // Without a chosen language, the page's own: Japanese where names and bodies use kana
        // and kanji, English for the one page written in English.
        let page_lang = if name.starts_with("scheduled") {
            Lang::En
        } else {
            Lang::Ja
        };
        assert_eq!(decode_str(&text), import(&text, page_lang), "{name}");
        // `?lang=` / `--lang` wins.
        for chosen in [Lang::Ja, Lang::En] {
            assert_eq!(
                decode_str_in(&text, Some(chosen)),
                import(&text, chosen),
                "{name}"
            );
        }
    }
}
