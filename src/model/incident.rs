//! The incident itself: its period, impact levels, the services' own states, its phases with
//! their scope and impact, causes, measures (with their status and due date) and free sections.

use chrono::NaiveDate;

use super::{Lang, Period};

/// How badly a service was hit. Ordered from worst to best so `min` is the worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ImpactLevel {
    Outage,
    Partial,
    Degraded,
    Maintenance,
    Operational,
}

impl ImpactLevel {
    pub const ALL: [ImpactLevel; 5] = [
        ImpactLevel::Outage,
        ImpactLevel::Partial,
        ImpactLevel::Degraded,
        ImpactLevel::Maintenance,
        ImpactLevel::Operational,
    ];

    /// The symbol a Japanese reader expects, readable without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            ImpactLevel::Outage => "×",
            ImpactLevel::Partial => "▲",
            ImpactLevel::Degraded => "△",
            ImpactLevel::Maintenance => "◇",
            ImpactLevel::Operational => "○",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ImpactLevel::Outage => "outage",
            ImpactLevel::Partial => "partial",
            ImpactLevel::Degraded => "degraded",
            ImpactLevel::Maintenance => "maintenance",
            ImpactLevel::Operational => "operational",
        }
    }

    pub fn from_code(code: &str) -> Option<ImpactLevel> {
        ImpactLevel::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ImpactLevel::Outage, Lang::Ja) => "停止",
            (ImpactLevel::Partial, Lang::Ja) => "一部停止",
            (ImpactLevel::Degraded, Lang::Ja) => "遅延・性能低下",
            (ImpactLevel::Maintenance, Lang::Ja) => "メンテナンス",
            (ImpactLevel::Operational, Lang::Ja) => "正常",
            (ImpactLevel::Outage, Lang::En) => "Outage",
            (ImpactLevel::Partial, Lang::En) => "Partial outage",
            (ImpactLevel::Degraded, Lang::En) => "Degraded",
            (ImpactLevel::Maintenance, Lang::En) => "Maintenance",
            (ImpactLevel::Operational, Lang::En) => "Operational",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Incident {
    pub period: Period,
    /// Never empty: a report without phases gets one implicit phase from the period.
    pub phases: Vec<Phase>,
    pub scope: Scope,
    /// Indices into `Report::services`.
    pub unaffected: Vec<usize>,
    /// The writer's own sentence for the services that kept working, used instead of the
    /// generated 「なお、…は正常に稼働しておりました。」.
    pub unaffected_note: Option<String>,
    pub cause: Option<Cause>,
    pub actions: Vec<Action>,
    pub measures: Vec<Measure>,
    pub data_loss: Option<String>,
    pub sections: Vec<Section>,
    /// Each service's own states over time, when the source gives them (a status page's
    /// component statuses); empty otherwise. Per-service times come from these when a service
    /// has any; the phases' levels stay the matrix cells.
    pub service_states: Vec<ServiceState>,
}

/// A stretch of time one service spent at one level worse than operational, by its own status:
/// from the update that set the level to the one that changed it. An end that is not known is
/// `TimePoint::UNKNOWN` (its length is not stated); no end means the state still holds.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceState {
    /// Index into `Report::services`.
    pub service: usize,
    pub level: ImpactLevel,
    pub period: Period,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    pub id: String,
    /// ①, ②… unless the author gave one.
    pub label: String,
    pub period: Period,
    pub summary: Option<String>,
    /// (service index, level) in the services' order. Empty when the author gave no impact data.
    pub impact: Vec<(usize, ImpactLevel)>,
    pub notes: Vec<String>,
    pub customers: Option<u64>,
    /// True when generated from the incident period because the report had no phases.
    pub implicit: bool,
}

impl Phase {
    pub fn level_of(&self, service: usize) -> Option<ImpactLevel> {
        self.impact
            .iter()
            .find(|(s, _)| *s == service)
            .map(|(_, l)| *l)
    }

    pub fn worst(&self) -> Option<ImpactLevel> {
        self.impact.iter().map(|(_, l)| *l).min()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scope {
    pub customers: Option<String>,
    pub exclusions: Vec<String>,
    pub networks: Vec<String>,
    pub users: Option<u64>,
    pub notes: Vec<String>,
}

impl Scope {
    pub fn is_empty(&self) -> bool {
        self.customers.is_none()
            && self.exclusions.is_empty()
            && self.networks.is_empty()
            && self.users.is_none()
            && self.notes.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cause {
    pub summary: Option<String>,
    /// A causes B causes C, in order.
    pub chain: Vec<String>,
}

/// One entry of 対処: a step, or a group of steps under a lead sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Step(String),
    /// 「以下の対応を実施いたしました。」 + steps + an optional closing sentence.
    Group {
        lead: String,
        items: Vec<String>,
        closing: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MeasureStatus {
    #[default]
    Planned,
    InProgress,
    Done,
}

/// A target date as people give it: a day or a whole month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub text: String,
    pub due: Option<Due>,
    pub status: Option<MeasureStatus>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub heading: String,
    pub body: Vec<String>,
}
