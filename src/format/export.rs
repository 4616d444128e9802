//! Normalized JSON from the model: the long, explicit form of every field.
//!
//! What the viewer offers as "download the normalized JSON". Every default `decode` filled in is
//! written out (ids, phase labels, event kinds and actors, roles, the zone, letter options), every
//! short form is written long (objects for issuers, causes, measures, quotes; lists for texts),
//! and every time is RFC 3339 with its offset: `at`, or `date` + `part`, or `"at": null` when it
//! is unknown, with `approx` unless exact. The promise, checked by `tests/roundtrip.rs`: decoding
//! the output gives back the same document.
//!
//! Two things are deliberately NOT written, because decoding recreates them exactly:
//! - an implicit phase (a report without phases gets one from its period);
//! - shared services and actors of a history: every entry lists its own, in the same order.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};

use crate::format::schema as raw;
use crate::format::vocab::{approx_code, part_code, role_code, status_code};
use crate::model::{self, Approx, Due, EventKind, ReportKind, TimePoint, When};

/// The normalized JSON text of a document: pretty, 2-space indented, with a final newline, and
/// safe to paste into an HTML page's `<script type="application/json">` (see [`html_safe`]).
pub fn to_json(doc: &model::Document) -> String {
    let text = crate::format::json::write::to_string_pretty(&to_raw(doc))
        // Serializing plain data into a string cannot fail; an empty result would be caught by
        // the round-trip tests rather than crash the page.
        .unwrap_or_default();
    let mut text = html_safe(&text);
    text.push('\n');
    text
}

/// JSON text with `<`, `>`, `&`, U+2028 and U+2029 written as `\u003c` …: the same JSON value,
/// but text from the report can no longer close a `<script>` element (`</script>`), open an
/// HTML comment (`<!--`) or break a JavaScript string when the file is pasted into a page.
/// These characters only ever occur inside JSON strings, where the escape means the same.
pub fn html_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The document as raw input types (what `to_json` serializes).
pub fn to_raw(doc: &model::Document) -> raw::Document {
    let mut out = raw::Document {
        schema: None,
        version: 1,
        lang: Some(lang(doc.lang)),
        ..raw::Document::default()
    };
    if doc.is_history {
        out.reports = Some(doc.reports.iter().map(entry).collect());
        return out;
    }
    // A single-report document: the report's parts sit at the top level.
    if let Some(r) = doc.reports.first() {
        let e = entry(r);
        out.zone = e.zone;
        out.report = Some(e.report);
        out.services = e.services;
        out.actors = e.actors;
        out.incident = Some(e.incident);
        out.timeline = e.timeline;
        out.letter = e.letter;
    }
    out
}

fn entry(r: &model::Report) -> raw::Entry {
    raw::Entry {
        zone: Some(match r.zone {
            model::Zone::Fixed(o) => offset(o),
            model::Zone::Named(name) => name.to_string(),
        }),
        report: header(&r.id, &r.header),
        services: r.services.iter().map(service).collect(),
        actors: r.actors.iter().map(actor).collect(),
        incident: incident(r),
        timeline: r.timeline.iter().map(|e| event(r, e)).collect(),
        letter: Some(letter(&r.letter)),
    }
}

fn lang(l: model::Lang) -> raw::Lang {
    match l {
        model::Lang::Ja => raw::Lang::Ja,
        model::Lang::En => raw::Lang::En,
    }
}

fn header(id: &str, h: &model::Header) -> raw::Header {
    let (kind, number) = match h.kind {
        ReportKind::Unstated => (None, None),
        ReportKind::First => (Some(raw::ReportKind::First), None),
        ReportKind::Interim(n) => (Some(raw::ReportKind::Interim), n),
        ReportKind::Final => (Some(raw::ReportKind::Final), None),
        ReportKind::Recovery => (Some(raw::ReportKind::Recovery), None),
    };
    raw::Header {
        id: Some(id.to_string()),
        // Not stated stays not stated: written as null, never filled in.
        title: h.title.clone(),
        issued: h.issued.map(date),
        kind,
        number,
        addressee: h.addressee.clone(),
        // Written in every entry even when the file said it once for the history: decoding
        // gives the same reports either way.
        issuer: Some(raw::Issuer::Detailed(raw::IssuerDetails {
            organization: h.issuer.organization.clone(),
            department: h.issuer.department.clone(),
            person: h.issuer.person.clone(),
        })),
        document_number: h.document_number.clone(),
        summary: h.summary.clone(),
        contact: h.contact.as_ref().map(contact),
        revisions: h
            .revisions
            .iter()
            .map(|r| raw::Revision {
                date: r.date.map(date),
                note: r.note.clone(),
            })
            .collect(),
    }
}

fn contact(c: &model::Contact) -> raw::Contact {
    raw::Contact {
        label: c.label.clone(),
        organization: c.organization.clone(),
        department: c.department.clone(),
        postal_code: c.postal_code.clone(),
        address: c.address.clone(),
        phone: c.phone.clone(),
        fax: c.fax.clone(),
        email: c.email.clone(),
        url: c.url.clone(),
        hours: c.hours.clone(),
    }
}

fn service(s: &model::Service) -> raw::Service {
    raw::Service {
        id: s.id.clone(),
        name: s.name.clone(),
    }
}

fn actor(a: &model::Actor) -> raw::Actor {
    let role = match role_code(a.role) {
        "datacenter" => raw::ActorRole::DataCenter,
        "vendor" => raw::ActorRole::Vendor,
        "monitoring" => raw::ActorRole::Monitoring,
        "customer" => raw::ActorRole::Customer,
        "other" => raw::ActorRole::Other,
        _ => raw::ActorRole::Us,
    };
    raw::Actor {
        id: a.id.clone(),
        name: a.name.clone(),
        role: Some(role),
    }
}

fn incident(r: &model::Report) -> raw::Incident {
    let i = &r.incident;
    let service_id = |s: &usize| r.services.get(*s).map(|s| s.id.clone());
    // An implicit phase is recreated from the period on decoding; writing it would turn it into
    // a real one.
    let phases: Vec<raw::Phase> = i
        .phases
        .iter()
        .filter(|p| !p.implicit)
        .map(|p| phase(r, p))
        .collect();
    raw::Incident {
        start: Some(time_point(&i.period.start)),
        // Always written, null when ongoing: an absent end would be inferred from the phases.
        end: i.period.end.as_ref().map(time_point),
        phases: (!phases.is_empty()).then_some(phases),
        scope: (!i.scope.is_empty()).then(|| raw::Scope {
            customers: i.scope.customers.clone(),
            exclusions: texts(&i.scope.exclusions),
            networks: texts(&i.scope.networks),
            users: i.scope.users,
            notes: texts(&i.scope.notes),
        }),
        unaffected: i.unaffected.iter().filter_map(service_id).collect(),
        cause: i.cause.as_ref().map(|c| {
            raw::Cause::Detailed(raw::CauseDetails {
                summary: c.summary.clone(),
                chain: texts(&c.chain),
            })
        }),
        unaffected_note: i.unaffected_note.clone(),
        actions: (!i.actions.is_empty()).then(|| {
            raw::Actions::Many(
                i.actions
                    .iter()
                    .map(|a| match a {
                        model::Action::Step(t) => raw::Action::Step(t.clone()),
                        model::Action::Group {
                            lead,
                            items,
                            closing,
                        } => raw::Action::Group(raw::ActionGroup {
                            lead: lead.clone(),
                            items: raw::TextList::Many(items.clone()),
                            closing: closing.clone(),
                        }),
                    })
                    .collect(),
            )
        }),
        measures: i.measures.iter().map(measure).collect(),
        data_loss: i.data_loss.clone(),
        sections: i
            .sections
            .iter()
            .map(|s| raw::Section {
                heading: s.heading.clone(),
                body: raw::TextList::Many(s.body.clone()),
            })
            .collect(),
        service_states: i
            .service_states
            .iter()
            .filter_map(|st| {
                Some(raw::ServiceState {
                    service: service_id(&st.service)?,
                    level: impact_level(st.level),
                    start: time_point(&st.period.start),
                    end: st.period.end.as_ref().map(time_point),
                })
            })
            .collect(),
    }
}

fn phase(r: &model::Report, p: &model::Phase) -> raw::Phase {
    let impact: Vec<(String, raw::ImpactLevel)> = p
        .impact
        .iter()
        .filter_map(|(s, level)| Some((r.services.get(*s)?.id.clone(), impact_level(*level))))
        .collect();
    raw::Phase {
        id: Some(p.id.clone()),
        label: Some(p.label.clone()),
        start: time_point(&p.period.start),
        end: p.period.end.as_ref().map(time_point),
        summary: p.summary.clone(),
        impact: (!impact.is_empty()).then_some(raw::Impact(impact)),
        notes: texts(&p.notes),
        customers: p.customers,
    }
}

fn impact_level(l: model::ImpactLevel) -> raw::ImpactLevel {
    match l {
        model::ImpactLevel::Outage => raw::ImpactLevel::Outage,
        model::ImpactLevel::Partial => raw::ImpactLevel::Partial,
        model::ImpactLevel::Degraded => raw::ImpactLevel::Degraded,
        model::ImpactLevel::Maintenance => raw::ImpactLevel::Maintenance,
        model::ImpactLevel::Operational => raw::ImpactLevel::Operational,
    }
}

fn measure(m: &model::Measure) -> raw::Measure {
    raw::Measure::Detailed(raw::MeasureDetails {
        text: m.text.clone(),
        due: m.due.map(|d| match d {
            Due::Day(d) => date(d),
            Due::Month { year, month } => format!("{year:04}-{month:02}"),
        }),
        status: m.status.map(|s| match status_code(s) {
            "in_progress" => raw::MeasureStatus::InProgress,
            "done" => raw::MeasureStatus::Done,
            _ => raw::MeasureStatus::Planned,
        }),
    })
}

fn event(r: &model::Report, e: &model::Event) -> raw::Event {
    let eta = match (e.eta, e.kind) {
        (Some(t), _) => Some(Some(time_point(&t))),
        // Written as null so that decoding does not warn that the announced time is missing.
        (None, EventKind::Eta) => Some(None),
        (None, _) => None,
    };
    let time = time_fields(&e.time);
    raw::Event {
        id: Some(e.id.clone()),
        at: time.at,
        date: time.date,
        part: time.part,
        approx: time.approx,
        end: e.end.as_ref().map(time_point),
        local_offset: e.local_offset.map(offset),
        actor: r.actors.get(e.actor).map(|a| a.id.clone()),
        kind: Some(event_kind(e.kind)),
        text: e.text.to_markup(),
        quote: e.quote.as_ref().map(|q| {
            raw::Quote::Sourced(raw::QuoteDetails {
                source: q.source.clone(),
                text: q.text.clone(),
            })
        }),
        phase: e
            .phase
            .and_then(|p| r.incident.phases.get(p))
            .filter(|p| !p.implicit)
            .map(|p| p.id.clone()),
        services: e
            .services
            .iter()
            .filter_map(|s| Some(r.services.get(*s)?.id.clone()))
            .collect(),
        eta,
    }
}

fn event_kind(k: EventKind) -> raw::EventKind {
    match k {
        EventKind::Occurrence => raw::EventKind::Occurrence,
        EventKind::Detection => raw::EventKind::Detection,
        EventKind::Action => raw::EventKind::Action,
        EventKind::Notice => raw::EventKind::Notice,
        EventKind::Eta => raw::EventKind::Eta,
        EventKind::Recovery => raw::EventKind::Recovery,
        EventKind::Report => raw::EventKind::Report,
    }
}

fn letter(l: &model::LetterOptions) -> raw::Letter {
    use model::{Calendar, Clock, Closing, Form, LetterItem, Opening};
    raw::Letter {
        form: Some(match l.form {
            Form::Letter => raw::Form::Letter,
            Form::Notice => raw::Form::Notice,
        }),
        opening: Some(match l.opening {
            Opening::Haikei => raw::Opening::Haikei,
            Opening::Kinkei => raw::Opening::Kinkei,
        }),
        closing: Some(match l.closing {
            Closing::Keigu => raw::Closing::Keigu,
            Closing::Kinpaku => raw::Closing::Kinpaku,
            Closing::Keihaku => raw::Closing::Keihaku,
        }),
        // None (the default greeting) stays absent; Some(None) is written as null: no greeting.
        greeting: l.greeting.clone(),
        body: Some(raw::TextList::Many(l.body.clone())),
        closing_paragraph: l.closing_paragraph.clone(),
        items: Some(
            l.items
                .iter()
                .map(|i| match i {
                    LetterItem::Period => raw::LetterItem::Period,
                    LetterItem::Services => raw::LetterItem::Services,
                    LetterItem::Impact => raw::LetterItem::Impact,
                    LetterItem::Cause => raw::LetterItem::Cause,
                    LetterItem::Actions => raw::LetterItem::Actions,
                    LetterItem::Measures => raw::LetterItem::Measures,
                    LetterItem::Data => raw::LetterItem::Data,
                    LetterItem::Sections => raw::LetterItem::Sections,
                    LetterItem::Timeline => raw::LetterItem::Timeline,
                })
                .collect(),
        ),
        calendar: Some(match l.date_style.calendar {
            Calendar::Gregorian => raw::Calendar::Gregorian,
            Calendar::Japanese => raw::Calendar::Japanese,
        }),
        clock: Some(match l.date_style.clock {
            Clock::H24 => raw::Clock::H24,
            Clock::H12 => raw::Clock::H12,
            Clock::Hhmm => raw::Clock::Hhmm,
        }),
    }
}

/// A time point in its long form: always an object, so readers of the export find `at` or
/// `date` in the same place every time.
fn time_point(t: &TimePoint) -> raw::TimePoint {
    raw::TimePoint::Detailed(time_fields(t))
}

fn time_fields(t: &TimePoint) -> raw::TimeFields {
    let approx = match t.approx {
        Approx::Exact => None,
        a => Some(match approx_code(a) {
            "about" => raw::Approx::About,
            "after" => raw::Approx::After,
            "before" => raw::Approx::Before,
            "as_of" => raw::Approx::AsOf,
            _ => raw::Approx::Until,
        }),
    };
    match t.when {
        When::Instant(at) => raw::TimeFields {
            at: Some(Some(instant(at))),
            approx,
            ..raw::TimeFields::default()
        },
        When::Day {
            date: d,
            part,
            zone: _,
        } => raw::TimeFields {
            date: Some(date(d)),
            part: part.map(|p| match part_code(p) {
                "early_morning" => raw::PartOfDay::EarlyMorning,
                "morning" => raw::PartOfDay::Morning,
                "noon" => raw::PartOfDay::Noon,
                "afternoon" => raw::PartOfDay::Afternoon,
                "evening" => raw::PartOfDay::Evening,
                "night" => raw::PartOfDay::Night,
                _ => raw::PartOfDay::LateNight,
            }),
            approx,
            ..raw::TimeFields::default()
        },
        When::Unknown => raw::TimeFields {
            at: Some(None),
            approx,
            ..raw::TimeFields::default()
        },
    }
}

fn texts(list: &[String]) -> Option<raw::TextList> {
    (!list.is_empty()).then(|| raw::TextList::Many(list.to_vec()))
}

/// RFC 3339 with the offset the author gave ("2026-03-01T08:55:00+09:00"); fractions of a second
/// only when there are some.
fn instant(t: DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// "+09:00", "-05:30", "+00:00".
fn offset(o: FixedOffset) -> String {
    let secs = o.local_minus_utc();
    let sign = if secs < 0 { '-' } else { '+' };
    let minutes = secs.unsigned_abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests;
