//! The Statuspage v2 shapes as plain structs, once read: the page, incidents and scheduled
//! maintenances with their updates and affected components, the summary's components, and the
//! status and impact codes the API uses, with what each means in hokoku's terms.

use chrono::{DateTime, FixedOffset};

use crate::format::json::Pos;
use crate::model::{BrokenReport, ImpactLevel};

/// The `page` object every v2 response carries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub name: Option<String>,
    pub url: Option<String>,
    /// An IANA name ("Asia/Tokyo"), as the API gives it.
    pub time_zone: Option<String>,
}

/// The status an update (or an incident) is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Investigating,
    Identified,
    Monitoring,
    Resolved,
    Postmortem,
    Scheduled,
    InProgress,
    Verifying,
    Completed,
}

impl Status {
    pub const CODES: &'static [&'static str] = &[
        "investigating",
        "identified",
        "monitoring",
        "resolved",
        "postmortem",
        "scheduled",
        "in_progress",
        "verifying",
        "completed",
    ];

    pub fn from_code(code: &str) -> Option<Status> {
        Some(match code {
            "investigating" => Status::Investigating,
            "identified" => Status::Identified,
            "monitoring" => Status::Monitoring,
            "resolved" => Status::Resolved,
            "postmortem" => Status::Postmortem,
            "scheduled" => Status::Scheduled,
            "in_progress" => Status::InProgress,
            "verifying" => Status::Verifying,
            "completed" => Status::Completed,
            _ => return None,
        })
    }

    /// Statuses only scheduled maintenances go through.
    pub fn is_maintenance(self) -> bool {
        matches!(
            self,
            Status::Scheduled | Status::InProgress | Status::Verifying | Status::Completed
        )
    }
}

/// The incident's overall impact as the page states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Impact {
    None,
    Minor,
    Major,
    Critical,
    Maintenance,
}

impl Impact {
    pub const CODES: &'static [&'static str] =
        &["none", "minor", "major", "critical", "maintenance"];

    pub(super) fn from_code(code: &str) -> Option<Impact> {
        Some(match code {
            "none" => Impact::None,
            "minor" => Impact::Minor,
            "major" => Impact::Major,
            "critical" => Impact::Critical,
            "maintenance" => Impact::Maintenance,
            _ => return None,
        })
    }

    pub fn code(self) -> &'static str {
        match self {
            Impact::None => "none",
            Impact::Minor => "minor",
            Impact::Major => "major",
            Impact::Critical => "critical",
            Impact::Maintenance => "maintenance",
        }
    }
}

pub const COMPONENT_STATUSES: &[&str] = &[
    "operational",
    "degraded_performance",
    "partial_outage",
    "major_outage",
    "under_maintenance",
];

/// A component status as an impact level.
pub fn level_of_component_status(code: &str) -> Option<ImpactLevel> {
    Some(match code {
        "operational" => ImpactLevel::Operational,
        "degraded_performance" => ImpactLevel::Degraded,
        "partial_outage" => ImpactLevel::Partial,
        "major_outage" => ImpactLevel::Outage,
        "under_maintenance" => ImpactLevel::Maintenance,
        _ => return None,
    })
}

/// A component named by an incident (`components[]`) or by the summary.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    pub id: String,
    pub name: String,
}

/// One entry of an update's `affected_components`.
#[derive(Clone, Debug, PartialEq)]
pub struct Affected {
    /// The component's id (`code`), or its name when the code is missing.
    pub code: String,
    pub name: Option<String>,
    /// The state before this update; `None` when absent or not a known status.
    pub old: Option<ImpactLevel>,
    /// The state from this update on.
    pub new: Option<ImpactLevel>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    pub id: Option<String>,
    /// `display_at` (what the page shows), else `created_at`.
    pub time: DateTime<FixedOffset>,
    /// `None` when the status is missing or unknown (reported as a warning).
    pub status: Option<Status>,
    /// Line breaks normalized to `\n`, trimmed; may be empty.
    pub body: String,
    /// `None` when the API sent null or nothing.
    pub affected: Option<Vec<Affected>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Incident {
    /// Where the incident is in the source (`incidents[3]`), for messages about it as a whole.
    pub path: String,
    pub pos: Pos,
    pub id: Option<String>,
    pub name: String,
    pub status: Option<Status>,
    pub impact: Option<Impact>,
    pub created_at: Option<DateTime<FixedOffset>>,
    pub updated_at: Option<DateTime<FixedOffset>>,
    pub started_at: Option<DateTime<FixedOffset>>,
    pub monitoring_at: Option<DateTime<FixedOffset>>,
    pub resolved_at: Option<DateTime<FixedOffset>>,
    pub scheduled_for: Option<DateTime<FixedOffset>>,
    pub scheduled_until: Option<DateTime<FixedOffset>>,
    pub shortlink: Option<String>,
    /// In source order (the API sends newest first).
    pub updates: Vec<Update>,
    pub components: Vec<Component>,
    /// A scheduled maintenance rather than an incident.
    pub maintenance: bool,
}

/// Everything read from one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Source {
    pub page: Page,
    /// Incidents then scheduled maintenances, each in source order.
    pub incidents: Vec<Incident>,
    /// True for the list shapes (`incidents`, `scheduled_maintenances`, summary, a bare array).
    pub is_list: bool,
    /// Components of summary.json, to name affected components the incident does not list.
    pub components: Vec<Component>,
    /// Incidents of a list left out because they have errors (see `Reader::incidents`).
    pub broken: Vec<BrokenReport>,
}
