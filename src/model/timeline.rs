//! The timeline: events in order, each with its kind, time (or span), actor and what it says,
//! quoted or not.

use chrono::FixedOffset;

use super::{Lang, Text, TimePoint};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EventKind {
    Occurrence,
    Detection,
    #[default]
    Action,
    Notice,
    Eta,
    Recovery,
    Report,
}

impl EventKind {
    pub const ALL: [EventKind; 7] = [
        EventKind::Occurrence,
        EventKind::Detection,
        EventKind::Action,
        EventKind::Notice,
        EventKind::Eta,
        EventKind::Recovery,
        EventKind::Report,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EventKind::Occurrence => "occurrence",
            EventKind::Detection => "detection",
            EventKind::Action => "action",
            EventKind::Notice => "notice",
            EventKind::Eta => "eta",
            EventKind::Recovery => "recovery",
            EventKind::Report => "report",
        }
    }

    pub fn from_code(code: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (EventKind::Occurrence, Lang::Ja) => "発生",
            (EventKind::Detection, Lang::Ja) => "検知",
            (EventKind::Action, Lang::Ja) => "対応",
            (EventKind::Notice, Lang::Ja) => "告知",
            (EventKind::Eta, Lang::Ja) => "復旧見込み",
            (EventKind::Recovery, Lang::Ja) => "復旧",
            (EventKind::Report, Lang::Ja) => "報告",
            (EventKind::Occurrence, Lang::En) => "Occurrence",
            (EventKind::Detection, Lang::En) => "Detection",
            (EventKind::Action, Lang::En) => "Action",
            (EventKind::Notice, Lang::En) => "Notice",
            (EventKind::Eta, Lang::En) => "ETA",
            (EventKind::Recovery, Lang::En) => "Recovery",
            (EventKind::Report, Lang::En) => "Report",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// Who is quoted, e.g. the data center's notice.
    pub source: Option<String>,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: String,
    pub time: TimePoint,
    /// When the event lasted (a maintenance from 2時 to 6時, or from one day to another): its
    /// end. `None` for an event at one time.
    pub end: Option<TimePoint>,
    /// The other party's offset, to show its local time beside ours.
    pub local_offset: Option<FixedOffset>,
    /// Index into `Report::actors`.
    pub actor: usize,
    pub kind: EventKind,
    /// What happened: paragraphs, lists, emphasis and links (`text`), never markup.
    pub text: Text,
    pub quote: Option<Quote>,
    /// Index into `Incident::phases`.
    pub phase: Option<usize>,
    /// Indices into `Report::services`.
    pub services: Vec<usize>,
    /// For `EventKind::Eta`: the recovery time announced.
    pub eta: Option<TimePoint>,
}
