//! The validated incident model every view renders from, with what every layer above shares
//! about it: the interface language ([`i18n`]), structured text ([`text`]) and the rules for
//! untrusted text ([`safe`]), very long texts ([`long`]), time zones ([`zone`]) and how its
//! dates and times are written in words ([`timefmt`]).
//!
//! Nothing here is raw input: ids are resolved to indices, defaults are filled in, times are
//! parsed. `decode` builds it from JSON and is the only place that can fail; `export` turns it
//! back into normalized JSON. Views never see a half-valid document.

pub mod i18n;
pub mod long;
pub mod safe;
pub mod text;
pub mod timefmt;
pub mod zone;

pub use text::Text;

use chrono::{DateTime, FixedOffset, NaiveDate};

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
pub struct Header {
    /// 件名; `None` when the file says it is not stated (`"title": null`): nothing is made up.
    pub title: Option<String>,
    /// 発信日; `None` when not stated (`"issued": null`): the letter then has no date line.
    pub issued: Option<NaiveDate>,
    pub kind: ReportKind,
    pub addressee: Option<String>,
    pub issuer: Issuer,
    pub document_number: Option<String>,
    pub summary: Option<String>,
    pub contact: Option<Contact>,
    pub revisions: Vec<Revision>,
}

impl Header {
    /// The title for the app's own screens (header, report switcher); a report that states no
    /// title says so there instead of showing a made-up one. The letter prints no subject line.
    pub fn shown_title(&self, lang: Lang) -> String {
        match &self.title {
            Some(t) => t.clone(),
            None => i18n::tr(lang, "件名の記載なし", "No title stated").to_string(),
        }
    }
}

/// Which report in a series this is: 第1報, 第N報, 最終報告, 復旧のご報告.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReportKind {
    /// The file does not say (`kind` absent). Nothing is assumed: no series marker, no
    /// 「最終報告として」, no promise of a next report. (It once defaulted to `Final`, which
    /// printed 「（最終報告）」 on letters about incidents still going on.)
    #[default]
    Unstated,
    First,
    /// 第N報; `None` when the file does not say which (「続報」): a number is never guessed.
    Interim(Option<u32>),
    Final,
    Recovery,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Issuer {
    pub organization: String,
    pub department: Option<String>,
    pub person: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Contact {
    pub label: Option<String>,
    pub organization: Option<String>,
    pub department: Option<String>,
    pub postal_code: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub fax: Option<String>,
    pub email: Option<String>,
    /// Only http(s) URLs survive validation; anything else is dropped with a warning.
    pub url: Option<String>,
    pub hours: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Revision {
    /// `None` when the writer did not say when (「冒頭の最終報告に修正告知」).
    pub date: Option<NaiveDate>,
    pub note: String,
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

/// How sure the author is about a time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Approx {
    #[default]
    Exact,
    /// 頃
    About,
    /// 過ぎ
    After,
    /// まで (the instant bounds something from above)
    Until,
    /// 前 (「午後8時前」, "shortly before")
    Before,
    /// 現在 (「19時現在」): a state observed at that time, not a start or an end; no length is
    /// ever computed from it.
    AsOf,
}

/// A part of a day, for times written as 早朝, 午前中, 夕方, 深夜.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    EarlyMorning,
    Morning,
    Noon,
    Afternoon,
    Evening,
    Night,
    LateNight,
}

impl PartOfDay {
    pub const ALL: [PartOfDay; 7] = [
        PartOfDay::EarlyMorning,
        PartOfDay::Morning,
        PartOfDay::Noon,
        PartOfDay::Afternoon,
        PartOfDay::Evening,
        PartOfDay::Night,
        PartOfDay::LateNight,
    ];

    /// Span covered, in minutes from the start of the day (may pass 24:00 for 深夜).
    pub fn minutes(self) -> (u32, u32) {
        match self {
            PartOfDay::EarlyMorning => (4 * 60, 7 * 60),
            PartOfDay::Morning => (6 * 60, 12 * 60),
            PartOfDay::Noon => (11 * 60, 13 * 60),
            PartOfDay::Afternoon => (12 * 60, 18 * 60),
            PartOfDay::Evening => (16 * 60, 19 * 60),
            PartOfDay::Night => (18 * 60, 24 * 60),
            PartOfDay::LateNight => (22 * 60, 26 * 60),
        }
    }
}

/// When something happened, as precisely as the author knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// To the minute (seconds kept when given).
    Instant(DateTime<FixedOffset>),
    /// A day, optionally narrowed to a part of it; the zone says which day boundaries apply
    /// (a named zone's day of a daylight-saving change is 23 or 25 hours long).
    Day {
        date: NaiveDate,
        part: Option<PartOfDay>,
        zone: Zone,
    },
    /// Not known: kept in order but has no place on an axis.
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimePoint {
    pub when: When,
    pub approx: Approx,
}

impl TimePoint {
    pub const UNKNOWN: TimePoint = TimePoint {
        when: When::Unknown,
        approx: Approx::Exact,
    };

    pub fn exact(at: DateTime<FixedOffset>) -> TimePoint {
        TimePoint {
            when: When::Instant(at),
            approx: Approx::Exact,
        }
    }

    /// The earliest instant this point can mean (start of the day or part of day).
    pub fn earliest(&self) -> Option<DateTime<FixedOffset>> {
        self.bounds().map(|(a, _)| a)
    }

    /// The latest instant this point can mean.
    pub fn latest(&self) -> Option<DateTime<FixedOffset>> {
        self.bounds().map(|(_, b)| b)
    }

    /// Midpoint-free ordering key: the earliest instant, as Unix milliseconds.
    pub fn sort_key(&self) -> Option<i64> {
        self.earliest().map(|t| t.timestamp_millis())
    }

    /// The interval of instants this point covers.
    pub fn bounds(&self) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
        match self.when {
            When::Instant(t) => Some((t, t)),
            When::Day { date, part, zone } => {
                // Wall-clock bounds: 早朝 is 4時～7時 on the clock, even on a change day.
                let (from, to) = part.map(PartOfDay::minutes).unwrap_or((0, 24 * 60));
                let midnight = date.and_hms_opt(0, 0, 0)?;
                let wall = |m: u32| zone.resolve(midnight + chrono::Duration::minutes(m.into()));
                Some((wall(from).instant(), wall(to).instant()))
            }
            When::Unknown => None,
        }
    }

    pub fn is_known(&self) -> bool {
        !matches!(self.when, When::Unknown)
    }
}

/// A start and an end; no end means still ongoing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub start: TimePoint,
    pub end: Option<TimePoint>,
}

impl Period {
    /// The end is the very instant of the start: records migrated from another tool often have
    /// it, meaning the end was never written down. Read as "end not stated", never as 0 minutes.
    pub fn ends_at_start(&self) -> bool {
        matches!(
            (self.start.when, self.end.map(|e| e.when)),
            (When::Instant(a), Some(When::Instant(b))) if a == b
        )
    }

    /// Length in minutes when both ends are on the axis. `None` when either end is only an
    /// observation (`as_of`): 「19時現在」 says how things stood, not when they stopped.
    pub fn duration_minutes(&self) -> Option<i64> {
        if self.start.approx == Approx::AsOf || self.end?.approx == Approx::AsOf {
            return None;
        }
        if self.ends_at_start() {
            return None;
        }
        let start = self.start.earliest()?;
        let end = self.end?.latest()?;
        Some((end - start).num_minutes())
    }
}

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

/// 頭語 of the letter; the matching 結語 follows from it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Opening {
    #[default]
    Haikei,
    Kinkei,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Closing {
    #[default]
    Keigu,
    Kinpaku,
    Keihaku,
}

impl Opening {
    pub fn text(self) -> &'static str {
        match self {
            Opening::Haikei => "拝啓",
            Opening::Kinkei => "謹啓",
        }
    }

    pub fn accepts(self, closing: Closing) -> bool {
        matches!(
            (self, closing),
            (Opening::Haikei, Closing::Keigu)
                | (Opening::Kinkei, Closing::Kinpaku)
                | (Opening::Kinkei, Closing::Keihaku)
        )
    }

    pub fn default_closing(self) -> Closing {
        match self {
            Opening::Haikei => Closing::Keigu,
            Opening::Kinkei => Closing::Kinpaku,
        }
    }
}

impl Closing {
    pub fn text(self) -> &'static str {
        match self {
            Closing::Keigu => "敬具",
            Closing::Kinpaku => "謹白",
            Closing::Keihaku => "敬白",
        }
    }
}

/// Which numbered 記 items the letter shows, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LetterItem {
    Period,
    Services,
    Impact,
    Cause,
    Actions,
    Measures,
    Data,
    Sections,
    Timeline,
}

impl LetterItem {
    pub const DEFAULT_ORDER: [LetterItem; 9] = [
        LetterItem::Period,
        LetterItem::Services,
        LetterItem::Impact,
        LetterItem::Cause,
        LetterItem::Actions,
        LetterItem::Measures,
        LetterItem::Data,
        LetterItem::Sections,
        LetterItem::Timeline,
    ];

    pub fn code(self) -> &'static str {
        match self {
            LetterItem::Period => "period",
            LetterItem::Services => "services",
            LetterItem::Impact => "impact",
            LetterItem::Cause => "cause",
            LetterItem::Actions => "actions",
            LetterItem::Measures => "measures",
            LetterItem::Data => "data",
            LetterItem::Sections => "sections",
            LetterItem::Timeline => "timeline",
        }
    }

    pub fn from_code(code: &str) -> Option<LetterItem> {
        LetterItem::DEFAULT_ORDER
            .into_iter()
            .find(|i| i.code() == code)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Calendar {
    /// 西暦
    #[default]
    Gregorian,
    /// 和暦 (令和, 平成, 昭和)
    Japanese,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Clock {
    /// 17時05分
    #[default]
    H24,
    /// 午後5時05分
    H12,
    /// 17:05, as tables in real reports write times
    Hhmm,
}

/// What kind of document the letter view prints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Form {
    /// A formal letter: 頭語 … 結語, then 記 … 以上 (Dear Customers, … Sincerely,).
    #[default]
    Letter,
    /// A web notice (お知らせ): no 頭語/結語, no 記/以上, headed sections.
    Notice,
}

/// The one date style a document uses everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateStyle {
    pub calendar: Calendar,
    pub clock: Clock,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LetterOptions {
    pub form: Form,
    pub opening: Opening,
    pub closing: Closing,
    /// `Some("")` is never stored: `None` = default greeting, `Some(None)` = no greeting.
    pub greeting: Option<Option<String>>,
    pub body: Vec<String>,
    pub closing_paragraph: Option<String>,
    pub items: Vec<LetterItem>,
    pub date_style: DateStyle,
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
