//! The validated incident model every view renders from, with what every layer above shares
//! about it: the interface language ([`i18n`]), structured text ([`text`]) and the rules for
//! untrusted text ([`safe`]), very long texts ([`long`]), time zones ([`zone`]) and how its
//! dates and times are written in words ([`timefmt`]).
//!
//! The model's parts, named as the document's parts are in the decoder and the schema: this file
//! holds the document, its reports, services and actors; `header` the report's header,
//! `incident` the incident with its phases and measures, `timeline` the events, `letter` the
//! letter's options and `time` the points and periods every part uses. All are re-exported here:
//! the rest of the crate names them `model::X`.
//!
//! Nothing here is raw input: ids are resolved to indices, defaults are filled in, times are
//! parsed. `decode` builds it from JSON and is the only place that can fail; `export` turns it
//! back into normalized JSON. Views never see a half-valid document.

pub mod i18n;
pub mod long;
pub mod safe;
pub mod sort;
pub mod text;
pub mod timefmt;
pub mod zone;

mod header;
mod incident;
mod letter;
mod time;
mod timeline;

pub use header::{Contact, Header, Issuer, ReportKind, Revision};
pub use incident::{
    Action, Cause, Due, ImpactLevel, Incident, Measure, MeasureStatus, Phase, Scope, Section,
    ServiceState,
};
pub use letter::{Calendar, Clock, Closing, DateStyle, Form, LetterItem, LetterOptions, Opening};
pub use text::Text;
pub use time::{Approx, PartOfDay, Period, TimePoint, When};
pub use timeline::{Event, EventKind, Quote};
pub use zone::Zone;

/// Language of the document (and by default of the interface).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A whole file: one report, or a history of many (newest first after decoding).
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub lang: Lang,
    /// True when the file used `reports: [...]`, even with a single entry.
    pub is_history: bool,
    pub reports: Vec<Report>,
    /// Entries of a history that could not be opened because they have errors: listed with
    /// their problems, left out of `reports` and so of every figure. Empty for a single report
    /// (its errors refuse the file).
    pub broken: Vec<BrokenReport>,
}

/// A history entry with errors: where it is in the file and what it says of itself, so the
/// history can name it beside its problems. Its text is the file's, as written (clipped when
/// shown), never a guess.
#[derive(Clone, Debug, PartialEq)]
pub struct BrokenReport {
    /// `reports[3]`, `incidents[12]`: where it is, the start of its problems' paths.
    pub path: String,
    pub id: Option<String>,
    pub title: Option<String>,
    /// How many errors it has, kept in the problem list or only counted.
    pub errors: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// Stable id for deep links (`?report=`); generated as `r1`, `r2`… when absent.
    pub id: String,
    pub header: Header,
    pub services: Vec<Service>,
    pub actors: Vec<Actor>,
    pub incident: Incident,
    /// Source order is kept; views sort by time where they need to.
    pub timeline: Vec<Event>,
    pub letter: LetterOptions,
    /// The zone dates are shown in: the document's `zone` (an offset or an IANA name), else the
    /// incident start's offset.
    pub zone: Zone,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Service {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub role: ActorRole,
}

/// What kind of party an actor is; used for the lane's default order and marker shape.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ActorRole {
    #[default]
    Us,
    DataCenter,
    Vendor,
    Monitoring,
    Customer,
    Other,
}

impl Report {
    pub fn actor(&self, index: usize) -> Option<&Actor> {
        self.actors.get(index)
    }

    /// Services hit at a level worse than operational in any phase, in service order.
    pub fn affected_services(&self) -> Vec<usize> {
        (0..self.services.len())
            .filter(|s| {
                self.incident.phases.iter().any(|p| {
                    p.level_of(*s)
                        .is_some_and(|l| l != ImpactLevel::Operational)
                })
            })
            .collect()
    }

    /// Worst level over all phases.
    pub fn worst(&self) -> Option<ImpactLevel> {
        self.incident.phases.iter().filter_map(Phase::worst).min()
    }
}
