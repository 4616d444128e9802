//! The shipped examples decode with no problem at all, and the built-in sample exercises every
//! part of the format (so the views always have something real to show for each feature).

use std::collections::HashSet;

use hokoku::format::decode_str;
use hokoku::model::{
    ActorRole, Document, EventKind, ImpactLevel, Lang, PartOfDay, ReportKind, When,
};

const SAMPLE: &str = include_str!("../examples/sample.json");
const HISTORY: &str = include_str!("../examples/history.json");
const SAMPLE_EN: &str = include_str!("../examples/sample-en.json");
const MINIMAL: &str = include_str!("../examples/minimal.json");

/// Decodes `text`, failing with every problem listed when there is any (warnings included).
fn clean(name: &str, text: &str) -> Document {
    let outcome = decode_str(text);
    let listed: Vec<String> = outcome
        .problems
        .iter()
        .map(|p| {
            format!(
                "{:?} {}: {}",
                p.severity,
                p.location(Lang::En),
                p.message(Lang::En)
            )
        })
        .collect();
    assert!(
        listed.is_empty(),
        "{name} has problems:\n{}",
        listed.join("\n")
    );
    outcome
        .document
        .unwrap_or_else(|| panic!("{name}: no document"))
}

#[test]
fn every_example_decodes_without_problems() {
    for (name, text) in [
        ("sample.json", SAMPLE),
        ("history.json", HISTORY),
        ("sample-en.json", SAMPLE_EN),
        ("minimal.json", MINIMAL),
    ] {
        clean(name, text);
    }
}

#[test]
fn sample_header_is_complete() {
    let doc = clean("sample.json", SAMPLE);
    assert_eq!(doc.lang, Lang::Ja);
    assert!(!doc.is_history);
    assert_eq!(doc.reports.len(), 1);
    let h = &doc.reports[0].header;
    assert!(h.document_number.is_some());
    assert!(matches!(h.kind, ReportKind::Final | ReportKind::Interim(_)));
    assert!(h.issuer.department.is_some());
    assert!(h.addressee.is_some());
    assert!(h.summary.is_some());
    assert!(!h.revisions.is_empty(), "a revision");
    let c = h.contact.as_ref().expect("a contact block");
    for (field, value) in [
        ("label", &c.label),
        ("organization", &c.organization),
        ("department", &c.department),
        ("postal_code", &c.postal_code),
        ("address", &c.address),
        ("phone", &c.phone),
        ("fax", &c.fax),
        ("email", &c.email),
        ("hours", &c.hours),
    ] {
        assert!(value.is_some(), "contact.{field}");
    }
    assert!(
        c.url.as_deref().is_some_and(|u| u.starts_with("https://")),
        "an https url survives"
    );
}

#[test]
fn sample_has_phases_with_different_impacts() {
    let doc = clean("sample.json", SAMPLE);
    let r = &doc.reports[0];
    let phases = &r.incident.phases;
    assert!(phases.len() >= 3, "phases: {}", phases.len());
    assert!(phases.iter().all(|p| !p.implicit));
    assert!(r.services.len() >= 5);
    assert!(
        r.affected_services().len() >= 4,
        "impacted services: {:?}",
        r.affected_services()
    );
    // Each phase differs from the one before in at least one service.
    for pair in phases.windows(2) {
        assert_ne!(pair[0].impact, pair[1].impact);
    }
    let levels: HashSet<ImpactLevel> = phases
        .iter()
        .flat_map(|p| p.impact.iter().map(|(_, l)| *l))
        .collect();
    for level in [
        ImpactLevel::Outage,
        ImpactLevel::Partial,
        ImpactLevel::Degraded,
        ImpactLevel::Operational,
    ] {
        assert!(levels.contains(&level), "{level:?} used in some phase");
    }
    assert!(phases
        .iter()
        .all(|p| !p.notes.is_empty() && p.customers.is_some()));
    // The third phase is a relapse days after the second ended.
    let gap = phases[2].period.start.earliest().unwrap()
        - phases[1].period.end.unwrap().latest().unwrap();
    assert!(gap.num_days() >= 2, "relapse gap {gap}");
    // Unaffected services are listed and are in the service list.
    assert!(!r.incident.unaffected.is_empty());
    assert!(r
        .incident
        .unaffected
        .iter()
        .all(|s| !r.affected_services().contains(s)));
}

#[test]
fn sample_covers_the_incident_body() {
    let doc = clean("sample.json", SAMPLE);
    let i = &doc.reports[0].incident;
    assert!(
        i.period.start.approx != hokoku::model::Approx::Exact,
        "approximate start"
    );
    assert!(i.period.end.is_some());
    assert!(i.scope.customers.is_some());
    assert!(!i.scope.exclusions.is_empty());
    assert!(i.scope.networks.iter().any(|n| n.contains('*')));
    assert!(i.scope.users.is_some());
    let cause = i.cause.as_ref().expect("a cause");
    assert!(cause.summary.is_some());
    assert!(cause.chain.len() >= 3, "cause chain");
    assert!(!i.actions.is_empty());
    assert!(i.measures.len() >= 3);
    assert!(i
        .measures
        .iter()
        .any(|m| matches!(m.due, Some(hokoku::model::Due::Day(_)))));
    assert!(i
        .measures
        .iter()
        .any(|m| matches!(m.due, Some(hokoku::model::Due::Month { .. }))));
    assert!(i.measures.iter().all(|m| m.status.is_some()));
    assert!(i.data_loss.is_some());
    assert!(i.sections.len() >= 2);
}

#[test]
fn sample_timeline_exercises_every_time_form() {
    let doc = clean("sample.json", SAMPLE);
    let r = &doc.reports[0];
    let t = &r.timeline;
    assert!(t.len() >= 30, "events: {}", t.len());
    let actors: HashSet<usize> = t.iter().map(|e| e.actor).collect();
    assert!(actors.len() >= 4, "actors with events: {}", actors.len());
    assert!(r.actors.len() >= 4);
    for role in [
        ActorRole::Us,
        ActorRole::DataCenter,
        ActorRole::Vendor,
        ActorRole::Monitoring,
    ] {
        assert!(r.actors.iter().any(|a| a.role == role), "{role:?} actor");
    }
    let days: HashSet<_> = t
        .iter()
        .filter_map(|e| e.time.earliest())
        .map(|at| r.zone.local(at).date_naive())
        .collect();
    assert!(days.len() > 1, "more than one day");

    use hokoku::model::Approx::*;
    for approx in [About, After, Until] {
        assert!(t.iter().any(|e| e.time.approx == approx), "{approx:?} time");
    }
    assert!(
        t.iter().any(|e| !e.time.is_known()),
        "an unknown-time event"
    );
    assert!(
        t.iter().any(|e| matches!(
            e.time.when,
            When::Day {
                part: Some(PartOfDay::EarlyMorning),
                ..
            }
        )),
        "a part-of-day event"
    );
    assert!(
        t.iter()
            .any(|e| matches!(e.time.when, When::Day { part: None, .. })),
        "a date-only event"
    );

    let etas: Vec<_> = t.iter().filter(|e| e.kind == EventKind::Eta).collect();
    assert!(etas.len() >= 3, "eta events: {}", etas.len());
    assert!(etas.iter().all(|e| e.eta.is_some()));
    // The announced time slipped: each announcement promises a later time than the previous.
    let promised: Vec<_> = etas
        .iter()
        .map(|e| e.eta.unwrap().earliest().unwrap())
        .collect();
    assert!(promised.windows(2).all(|w| w[0] < w[1]), "slipping eta");

    let dc = r
        .actors
        .iter()
        .position(|a| a.role == ActorRole::DataCenter)
        .unwrap();
    assert!(
        t.iter().any(|e| e.local_offset.is_some() && e.actor == dc),
        "a local_offset event"
    );
    assert!(
        t.iter()
            .any(|e| e.quote.as_ref().is_some_and(|q| q.source.is_some())),
        "a quote"
    );
    assert!(
        t.iter()
            .any(|e| e.phase.is_some() && !e.services.is_empty()),
        "tagged events"
    );
    for kind in [EventKind::Detection, EventKind::Recovery, EventKind::Report] {
        assert!(t.iter().any(|e| e.kind == kind), "{kind:?} event");
    }
    let mon = r
        .actors
        .iter()
        .position(|a| a.role == ActorRole::Monitoring)
        .unwrap();
    assert!(t
        .iter()
        .any(|e| e.kind == EventKind::Detection && e.actor == mon));
}

#[test]
fn sample_letter_options_are_the_usual_ones() {
    let doc = clean("sample.json", SAMPLE);
    let l = &doc.reports[0].letter;
    assert_eq!(l.opening, hokoku::model::Opening::Haikei);
    assert_eq!(l.items, hokoku::model::LetterItem::DEFAULT_ORDER.to_vec());
    assert_eq!(l.date_style, hokoku::model::DateStyle::default());
}

#[test]
fn history_has_many_varied_reports() {
    let doc = clean("history.json", HISTORY);
    assert!(doc.is_history);
    let rs = &doc.reports;
    assert!(rs.len() >= 10, "reports: {}", rs.len());
    // Newest first after decoding.
    let starts: Vec<_> = rs
        .iter()
        .map(|r| r.incident.period.start.sort_key().unwrap())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] >= w[1]));
    // About two years.
    let span = starts[0] - starts[starts.len() - 1];
    assert!(span > 365 * 24 * 3600 * 1000, "span of more than a year");
    assert!(
        rs.iter().any(|r| r.incident.period.end.is_none()),
        "one ongoing"
    );
    assert!(
        rs.iter()
            .any(|r| r.incident.phases.iter().all(|p| p.implicit) && r.timeline.is_empty()),
        "a bare one"
    );
    assert!(
        rs.iter().any(|r| r.incident.phases.len() >= 2),
        "one with several phases"
    );
    assert!(
        rs.iter().any(|r| !r.timeline.is_empty()),
        "some with events"
    );
    let worst: HashSet<_> = rs.iter().filter_map(|r| r.worst()).collect();
    assert!(worst.len() >= 3, "varied impact levels: {worst:?}");
    let ids: HashSet<_> = rs.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids.len(), rs.len(), "distinct ids");
}

#[test]
fn english_sample_is_english() {
    let doc = clean("sample-en.json", SAMPLE_EN);
    assert_eq!(doc.lang, Lang::En);
    let r = &doc.reports[0];
    assert!(r.incident.phases.len() >= 2);
    assert!(r.timeline.len() >= 8);
    assert!(!r.incident.measures.is_empty());
    assert!(r.header.contact.is_some());
}

#[test]
fn minimal_is_small_and_gets_defaults() {
    assert!(MINIMAL.lines().count() <= 15, "minimal stays small");
    let doc = clean("minimal.json", MINIMAL);
    let r = &doc.reports[0];
    assert_eq!(r.incident.phases.len(), 1);
    assert!(r.incident.phases[0].implicit);
    assert_eq!(r.incident.phases[0].label, "①");
    assert_eq!(r.actors.len(), 1, "the implicit actor");
    // No `kind`: not stated, so the letter says neither 最終報告 nor 第N報.
    assert_eq!(r.header.kind, ReportKind::Unstated);
}

/// Every complete example in the format reference (a fenced block whose first line is `{`)
/// decodes with no problem; `//` comments (after two spaces) are stripped from `jsonc` blocks.
#[test]
fn schema_doc_examples_decode_without_problems() {
    let doc = include_str!("../docs/schema.md");
    let mut checked = 0;
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        let jsonc = match line.trim_start() {
            "```json" => false,
            "```jsonc" => true,
            _ => continue,
        };
        let block: Vec<&str> = lines
            .by_ref()
            .take_while(|l| l.trim_start() != "```")
            .collect();
        if block.first().map(|l| l.trim()) != Some("{") {
            continue;
        }
        let text: String = block
            .iter()
            .map(|l| match (jsonc, l.find("  //")) {
                (true, Some(i)) => &l[..i],
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        clean(&format!("docs/schema.md block {}", checked + 1), &text);
        checked += 1;
    }
    assert!(checked >= 3, "complete examples found: {checked}");
}
