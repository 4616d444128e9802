//! One Statuspage incident (already read, see `source`) → one hokoku `Report`.
//!
//! The rules are listed in the table of the `import` module doc. Everything produced here must
//! survive `export::to_json` → `decode::decode_str` unchanged and without a single warning, so
//! the converted document can be downloaded and reloaded: every text is non-empty, ids are
//! unique, phases lie inside the incident period and end after they start.
//!
//! The period and where its phases begin are worked out in `period`; this file turns them,
//! the updates and the components into the report.

use std::collections::HashSet;

use chrono::{DateTime, FixedOffset};

use super::components::{self, tracks, Track};
use super::html::body_text;
use super::source::{Component, Impact, Incident, Page, Status, Update};
use super::summary;
use crate::format::vocab::circled;
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::*;

mod period;

use period::{boundaries, window};

/// How to convert: the language the report is written in and the zone its times are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    pub lang: Lang,
    pub zone: crate::model::Zone,
}

/// Words for a status, as the page's readers know them.
pub fn status_label(status: Status, maintenance: bool, lang: Lang) -> &'static str {
    match status {
        Status::Investigating => tr(lang, "調査中", "Investigating"),
        // The page says the issue is identified, not that a cause is known (「原因特定」 would
        // claim one the letter cannot name).
        Status::Identified => tr(lang, "特定済み", "Identified"),
        Status::Monitoring => tr(lang, "経過観察中", "Monitoring"),
        Status::Resolved => tr(lang, "解決", "Resolved"),
        Status::Postmortem => tr(lang, "事後報告", "Postmortem"),
        Status::Scheduled if maintenance => tr(lang, "メンテナンス予定", "Maintenance scheduled"),
        Status::Scheduled => tr(lang, "予定", "Scheduled"),
        Status::InProgress => tr(lang, "メンテナンス実施中", "Maintenance in progress"),
        Status::Verifying => tr(lang, "動作確認中", "Verifying"),
        Status::Completed => tr(lang, "完了", "Completed"),
    }
}

/// The level assumed for the incident's components when no update says anything about them.
fn level_of_impact(impact: Option<Impact>, maintenance: bool) -> Option<ImpactLevel> {
    match impact {
        Some(Impact::Critical) => Some(ImpactLevel::Outage),
        Some(Impact::Major) => Some(ImpactLevel::Partial),
        Some(Impact::Minor) => Some(ImpactLevel::Degraded),
        Some(Impact::Maintenance) => Some(ImpactLevel::Maintenance),
        Some(Impact::None) => None,
        None if maintenance => Some(ImpactLevel::Maintenance),
        None => None,
    }
}

/// The first line of a body's text (HTML or Markdown-like, see `html`), for one-line
/// summaries: words only, never markup.
pub fn first_line(body: &str) -> Option<String> {
    body_text(body).first_line()
}

/// Paragraphs of a body for a free section, as plain text: one per paragraph or list.
fn paragraphs(body: &str) -> Vec<String> {
    body_text(body)
        .blocks
        .into_iter()
        .map(|b| Text { blocks: vec![b] }.plain())
        .collect()
}

/// Converts one incident. `None` only when it has no time at all (already reported).
pub fn report(
    inc: &Incident,
    page: &Page,
    known: &[Component],
    settings: &Settings,
) -> Option<Report> {
    let Settings { lang, zone } = *settings;
    let local = |t: DateTime<FixedOffset>| zone.local(t);
    let fmt = Fmt::new(lang, DateStyle::default(), zone);
    let maintenance = inc.maintenance;

    // Oldest first. The API lists newest first, so equal times keep the reverse of its order.
    let mut updates: Vec<&Update> = inc.updates.iter().rev().collect();
    crate::model::sort::sort_by_key(&mut updates, |u| u.time);

    let w = window(inc, &updates)?;
    let bounds = boundaries(inc, &updates, &w);

    // Services: the incident's components, then any other component an update names.
    let mut services: Vec<Service> = Vec::new();
    let mut add_service = |id: &str, name: Option<&str>| {
        if services.iter().any(|s| s.id == id) {
            return;
        }
        let name = name
            .or_else(|| known.iter().find(|c| c.id == id).map(|c| c.name.as_str()))
            .unwrap_or(id);
        services.push(Service {
            id: id.to_string(),
            name: name.to_string(),
        });
    };
    for c in &inc.components {
        add_service(&c.id, Some(&c.name));
    }
    for u in &updates {
        for a in u.affected.iter().flatten() {
            let listed = inc
                .components
                .iter()
                .find(|c| c.id == a.code)
                .map(|c| c.name.as_str());
            add_service(&a.code, a.name.as_deref().or(listed));
        }
    }

    let any_affected = updates
        .iter()
        .any(|u| u.affected.as_ref().is_some_and(|a| !a.is_empty()));
    let tracks = tracks(&services, &updates);
    // Component states say nothing about a window that has not begun (they are "now"), and
    // nothing at all when no update names a component: then the incident's impact stands in.
    let inferred = if any_affected && !w.planned {
        None
    } else {
        level_of_impact(inc.impact, maintenance)
    };
    let inferred_services: Vec<usize> = (0..services.len()).collect();
    // A record migrated from another tool: start = end, every component left operational.
    let migrated = any_affected && w.end == Some(w.start) && tracks.iter().all(Track::never_hit);
    // Each component's own stretches, for its own times (a phase's cell is only its worst).
    let service_states = if any_affected && !w.planned {
        let ongoing = w.end.is_none();
        tracks
            .iter()
            .enumerate()
            .flat_map(|(s, t)| t.states(s, ongoing, |at| TimePoint::exact(local(at))))
            .collect()
    } else {
        Vec::new()
    };

    let planned_note = match (maintenance, inc.scheduled_for, inc.scheduled_until) {
        (true, Some(from), until) => {
            let period = Period {
                start: TimePoint::exact(local(from)),
                end: until.map(|u| TimePoint::exact(local(u))),
            };
            Some(match lang {
                Lang::Ja => format!("予定作業時間：{}", fmt.period(&period)),
                Lang::En => format!("Scheduled window: {}", fmt.period(&period)),
            })
        }
        _ => None,
    };

    let phases: Vec<Phase> = bounds
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let to = bounds.get(i + 1).map(|n| n.at).or(w.end);
            let label = b.status.map(|s| status_label(s, maintenance, lang));
            let opening_line = b
                .update
                .and_then(|u| updates.get(u))
                .and_then(|u| first_line(&u.body));
            let summary = match (label, opening_line) {
                (Some(l), Some(line)) => Some(format!("{l}{}{line}", tr(lang, "：", ": "))),
                (Some(l), None) => Some(l.to_string()),
                (None, line) => line,
            };
            let mut impact: Vec<(usize, ImpactLevel)> = match inferred {
                Some(level) => inferred_services.iter().map(|s| (*s, level)).collect(),
                None if migrated => Vec::new(),
                None => tracks
                    .iter()
                    .enumerate()
                    .filter_map(|(s, t)| t.worst(b.at, to).map(|l| (s, l)))
                    .collect(),
            };
            crate::model::sort::sort_by_key(&mut impact, |(s, _)| *s);
            let mut notes = Vec::new();
            if i == 0 {
                notes.extend(planned_note.clone());
                notes.extend(components::notes(services.is_empty(), migrated, lang));
            }
            if let (Some(_), Some(code)) = (inferred, inc.impact.map(Impact::code)) {
                if !inferred_services.is_empty() {
                    notes.push(match lang {
                        Lang::Ja => format!(
                            "※影響の区分は Statuspage の影響度「{code}」から推定したものです。"
                        ),
                        Lang::En => {
                            format!("Levels estimated from the Statuspage impact \"{code}\".")
                        }
                    });
                }
            }
            Phase {
                id: format!("p{}", i + 1),
                label: circled(i + 1),
                period: Period {
                    start: TimePoint::exact(local(b.at)),
                    end: to.map(|t| TimePoint::exact(local(t))),
                },
                summary,
                impact,
                notes,
                customers: None,
                implicit: false,
            }
        })
        .collect();

    // Which phase an instant falls in: the last one begun, if the incident was going on then.
    let phase_at = |t: DateTime<FixedOffset>| -> Option<usize> {
        if t < w.start || w.end.is_some_and(|e| t > e) {
            return None;
        }
        bounds.iter().rposition(|b| b.at <= t)
    };

    let mut ids: HashSet<String> = HashSet::new();
    let mut previous: Option<Status> = None;
    let timeline: Vec<Event> = updates
        .iter()
        .enumerate()
        .map(|(k, u)| {
            let recovered = u.affected.as_ref().is_some_and(|a| {
                !a.is_empty() && a.iter().all(|a| a.new == Some(ImpactLevel::Operational))
            });
            let kind = match u.status {
                Some(Status::Investigating) if previous != Some(Status::Investigating) => {
                    EventKind::Detection
                }
                Some(Status::Monitoring) if recovered => EventKind::Recovery,
                Some(Status::Investigating | Status::Identified | Status::Monitoring) => {
                    EventKind::Action
                }
                Some(Status::InProgress | Status::Verifying) => EventKind::Action,
                Some(Status::Resolved | Status::Completed) => EventKind::Recovery,
                Some(Status::Postmortem) => EventKind::Report,
                Some(Status::Scheduled) | None => EventKind::Notice,
            };
            previous = u.status.or(previous);
            // A body that holds nothing to read (empty, or only a script) says its status.
            let mut text = body_text(&u.body);
            if text.is_empty() {
                let said = u
                    .status
                    .map(|s| status_label(s, maintenance, lang))
                    .unwrap_or(tr(lang, "更新", "Update"));
                text = Text::plain_text(said);
            }
            let mut event_services: Vec<usize> = u
                .affected
                .iter()
                .flatten()
                .filter_map(|a| services.iter().position(|s| s.id == a.code))
                .collect();
            crate::model::sort::sort(&mut event_services);
            event_services.dedup();
            let id = match &u.id {
                Some(id) if !ids.contains(id) => id.clone(),
                _ => (k + 1..)
                    .map(|n| format!("e{n}"))
                    .find(|id| !ids.contains(id))
                    .unwrap_or_default(),
            };
            ids.insert(id.clone());
            Event {
                id,
                time: TimePoint::exact(local(u.time)),
                end: None,
                local_offset: None,
                actor: 0,
                kind,
                text,
                quote: None,
                phase: phase_at(u.time),
                services: event_services,
                eta: None,
            }
        })
        .collect();

    let sections: Vec<Section> = updates
        .iter()
        .filter(|u| u.status == Some(Status::Postmortem))
        .map(|u| paragraphs(&u.body))
        .filter(|body| !body.is_empty())
        .map(|body| Section {
            heading: tr(lang, "事後報告", "Postmortem").to_string(),
            body,
        })
        .collect();

    let organization = page
        .name
        .clone()
        .unwrap_or_else(|| tr(lang, "弊社", "Our company").to_string());
    let issued_at = if w.finished { w.end } else { None }
        .or(inc.updated_at)
        .or(updates.last().map(|u| u.time))
        .or(inc.created_at)
        .unwrap_or(w.start);
    let kind = if w.finished {
        ReportKind::Final
    } else if updates.len() <= 1 {
        ReportKind::First
    } else {
        // The updates the export holds are counted, so the number is the page's own.
        ReportKind::Interim(Some(updates.len().min(99) as u32))
    };
    let url = [inc.shortlink.as_ref(), page.url.as_ref()]
        .into_iter()
        .flatten()
        .find(|u| crate::model::safe::is_web_url(u))
        .cloned();

    Some(Report {
        id: String::new(),
        header: Header {
            title: Some(inc.name.clone()),
            issued: Some(local(issued_at).date_naive()),
            kind,
            addressee: None,
            issuer: Issuer {
                organization: organization.clone(),
                department: None,
                person: None,
            },
            document_number: None,
            summary: summary::summary(&updates, w.finished),
            contact: url.map(|url| Contact {
                url: Some(url),
                ..Contact::default()
            }),
            revisions: Vec::new(),
        },
        services,
        actors: vec![Actor {
            id: "us".into(),
            name: organization,
            role: ActorRole::Us,
        }],
        incident: crate::model::Incident {
            period: Period {
                start: TimePoint::exact(local(w.start)),
                end: w.end.map(|e| TimePoint::exact(local(e))),
            },
            phases,
            scope: Scope::default(),
            unaffected: Vec::new(),
            cause: None,
            unaffected_note: None,
            actions: Vec::new(),
            measures: Vec::new(),
            data_loss: None,
            sections,
            service_states,
        },
        timeline,
        letter: LetterOptions::default_for(),
        zone,
    })
}
