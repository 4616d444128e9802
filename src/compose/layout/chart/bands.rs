//! Phase bands with their labels shortened to fit, and the incident's own start, recovery or
//! "ongoing" marks.

use super::super::events::Prepared;
use super::super::scale::View;
use super::super::text;
use super::{BAND_FONT, BOLD_WIDER};
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::Report;

#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub phase: usize,
    pub x0: f64,
    pub x1: f64,
    /// `① 10/11 08:55～22:00` as far as it fits (at least the ①).
    pub label: String,
    /// The label and period in full (for the tooltip and screen readers).
    pub title: String,
    /// Still ongoing: no end.
    pub open_end: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    Start,
    Recovery,
    Ongoing,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IncidentMark {
    pub kind: MarkKind,
    pub x: f64,
}

pub(super) fn bands(report: &Report, view: &View, fmt: &Fmt) -> Vec<Band> {
    let mut out = Vec::new();
    for (i, phase) in report.incident.phases.iter().enumerate() {
        // A report without phases gets one implicit phase: the incident itself, marked already.
        if phase.implicit {
            continue;
        }
        let Some(start) = phase.period.start.earliest() else {
            continue;
        };
        let x0 = view.x(start.timestamp_millis());
        let end = phase.period.end.and_then(|e| e.latest());
        let x1 = end.map(|e| view.x(e.timestamp_millis())).unwrap_or(view.x1);
        if x1 < view.x0 || x0 > view.x1 {
            continue;
        }
        let (x0, x1) = (x0.max(view.x0), x1.min(view.x1).max(x0.max(view.x0)));
        let period = fmt.period(&phase.period);
        let title = format!("{} {}", phase.label, period);
        let room = x1 - x0 - 6.0;
        // Longest first: the period without its year, then just the times, then the ① alone.
        let within = fmt.period_within(&phase.period, fmt.day_of(&phase.period.start));
        let one_day = phase
            .period
            .end
            .is_some_and(|e| fmt.day_of(&e) == fmt.day_of(&phase.period.start));
        let sep = tr(fmt.lang, "～", " – ");
        let times = match (fmt.time_of_day(&phase.period.start), phase.period.end) {
            (start, _) if start.is_empty() => String::new(),
            // Times alone would hide that the phase runs into another day.
            (_, Some(_)) if !one_day => String::new(),
            (_, Some(end)) => fmt.span_of_day(&phase.period.start, &end),
            (start, None) => format!("{start}{sep}"),
        };
        let label = [within, times]
            .iter()
            .filter(|c| !c.is_empty())
            .map(|c| format!("{} {c}", phase.label))
            .collect::<Vec<_>>()
            .into_iter()
            .find(|c| text::width(c, BAND_FONT) * BOLD_WIDER <= room)
            .or_else(|| {
                (text::width(&phase.label, BAND_FONT) * BOLD_WIDER <= room.max(14.0))
                    .then(|| phase.label.clone())
            })
            .unwrap_or_default();
        out.push(Band {
            phase: i,
            x0,
            x1,
            label,
            title,
            open_end: end.is_none(),
        });
    }
    out
}

pub(super) fn marks(report: &Report, prepared: &Prepared, view: &View) -> Vec<IncidentMark> {
    let period = &report.incident.period;
    let inside = |x: f64| x >= view.x0 - 1.0 && x <= view.x1 + 1.0;
    let mut out = Vec::new();
    if let Some(t) = period.start.earliest() {
        let x = view.x(t.timestamp_millis());
        if inside(x) {
            out.push(IncidentMark {
                kind: MarkKind::Start,
                x,
            });
        }
    }
    match period.end {
        Some(end) => {
            if let Some(t) = end.latest() {
                let x = view.x(t.timestamp_millis());
                if inside(x) {
                    out.push(IncidentMark {
                        kind: MarkKind::Recovery,
                        x,
                    });
                }
            }
        }
        None => {
            if let Some((_, t1)) = prepared.extent {
                out.push(IncidentMark {
                    kind: MarkKind::Ongoing,
                    x: view.x(t1).min(view.x1),
                });
            }
        }
    }
    out
}
