//! The iCalendar file of maintenance windows (RFC 5545), written by the `icalendar` crate.
//!
//! A report is a maintenance window when its worst level is maintenance (what the history
//! view counts apart; a Statuspage scheduled maintenance imports that way). Its window is the
//! incident period: a Statuspage maintenance not yet begun has its scheduled times there, one
//! under way or done its actual ones (see `format::import`). Times are written in UTC, so no
//! time zone definition is needed; an approximate time (頃) is written at its earliest start
//! and latest end, the whole time the window may cover. A window whose end is not stated has
//! no DTEND (RFC 5545 then reads it as starting at DTSTART); one whose start is not known
//! cannot be placed and is left out with a note.

use chrono::Utc;
use icalendar::{Calendar, Component, Event, EventLike};

use crate::compose::history::Entry;
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::{Document, Lang};
use crate::site::feed::{report_uuid, updated, Links};
use crate::site::names::{self, Names};

/// The calendar text and the notes on windows left out.
pub fn maintenance(
    doc: &Document,
    entries: &[Entry],
    names: &Names,
    links: &Links,
    lang: Lang,
) -> (String, Vec<String>) {
    let org = crate::site::organization(doc);
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//hokoku//maintenance windows//EN"))
        .append_property(("CALSCALE", "GREGORIAN"));
    calendar.name(&match lang {
        Lang::Ja => format!("{org} メンテナンス予定"),
        Lang::En => format!("{org}: maintenance windows"),
    });
    let mut notes = Vec::new();
    for e in entries.iter().filter(|e| e.maintenance) {
        let Some(report) = doc.reports.get(e.index) else {
            continue;
        };
        let period = &report.incident.period;
        let Some(start) = period.start.earliest() else {
            notes.push(format!(
                "{}: {}",
                report.id,
                tr(
                    lang,
                    "開始時刻が不明のため maintenance.ics に入れていません",
                    "not in maintenance.ics: its start is not known"
                )
            ));
            continue;
        };
        let fmt = Fmt::of_report(report, lang);
        let services: Vec<&str> = e
            .affected
            .iter()
            .filter_map(|s| report.services.get(*s))
            .map(|s| s.name.as_str())
            .collect();
        let mut lines = vec![fmt.period(period)];
        if !services.is_empty() {
            lines.push(format!(
                "{}{}",
                tr(lang, "対象：", "Services: "),
                services.join(tr(lang, "、", ", "))
            ));
        }
        if let Some(summary) = &e.summary {
            lines.push(summary.clone());
        }
        let page = links.href(names::CALENDAR, names.report_page(e.index));
        lines.push(page.clone());
        let mut event = Event::new();
        event
            .uid(&report_uuid(report).to_string())
            // DTSTAMP is required; a report stating no date of its own gets its window's start.
            .timestamp(updated(report).unwrap_or(start).with_timezone(&Utc))
            .summary(&report.header.shown_title(lang))
            .description(&lines.join("\n"))
            .starts(start.with_timezone(&Utc));
        if let Some(end) = period.end.and_then(|t| t.latest()) {
            event.ends(end.with_timezone(&Utc));
        }
        if links.is_absolute() {
            event.url(&page);
        }
        calendar.push(event.done());
    }
    (calendar.done().to_string(), notes)
}
