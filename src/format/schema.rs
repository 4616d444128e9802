//! The incident JSON format, version 1, as serde types: what a file may contain, field by field.
//!
//! These "raw" types describe the input exactly as `decode` reads it, including the short forms
//! people write by hand (a string where an object is also accepted, one string where a list is
//! also accepted). They are used in two ways:
//! - `export` builds them from the model to write normalized JSON (always the long forms);
//! - with the `schema` feature, schemars derives the JSON Schema (`schema/v1.json`) from them, so
//!   the doc comments below are what an editor shows on hover.
//!
//! They are never used to read a file: `decode` does that, because it must report every problem
//! with its path and position. A test (`tests/schema_file.rs`) checks that every field name
//! `decode` accepts is described here.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

/// Where editors can find this schema; also its `$id`.
pub const SCHEMA_ID: &str = "urn:hokoku:incident:v1";

/// Title of the generated schema.
pub const SCHEMA_TITLE: &str = "hokoku incident report, version 1";

// ---------------------------------------------------------------------------------------------
// Document

/// A hokoku incident file: ONE report (`report` + `incident` + `timeline` at the top level), or a
/// history of MANY reports (`reports: [...]`). In a history, `services`, `actors`, `zone` and
/// `letter` at the top level are shared by every entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        extend("oneOf" = [
            { "title": "One report", "required": ["report", "incident"], "not": { "required": ["reports"] } },
            { "title": "A history of reports", "required": ["reports"], "not": { "required": ["report"] } }
        ])
    )
)]
pub struct Document {
    /// The JSON Schema this file follows, for editors (e.g. "schema/v1.json"). Ignored by hokoku.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Version of this format. Always 1.
    #[cfg_attr(feature = "schema", schemars(extend("const" = 1)))]
    pub version: u32,
    /// Language of the document and, by default, of the interface. Default "ja".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// UTC offset dates are shown in (e.g. "+09:00"). Default: the offset of the incident's start,
    /// else of the first timed event, else +09:00 for ja and +00:00 for en.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^([Zz]|[+-]\d{2}:\d{2})$"))
    )]
    pub zone: Option<String>,
    /// The report header (one report). Use either `report` or `reports`, not both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<Header>,
    /// A history: many reports, shown newest first (by incident start). Must not be empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reports: Option<Vec<Entry>>,
    /// Services (components) that phases and events refer to by id. In a history, shared by
    /// every entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["array", "null"])))]
    pub services: Vec<Service>,
    /// Parties acting in the timeline (one lane each): us, the data center, a vendor…
    /// Default: one actor "us" named 弊社 (ja) / "Our company" (en). In a history, shared.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["array", "null"])))]
    pub actors: Vec<Actor>,
    /// What happened: period, phases, scope, cause, measures (one report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incident: Option<Incident>,
    /// Events in the author's order (one report).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["array", "null"])))]
    pub timeline: Vec<Event>,
    /// How the apology letter (お詫び状) is written. In a history, the default for every entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter: Option<Letter>,
    /// The issuer of every report that does not name its own (a history from one company says
    /// it once here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Issuer>,
    /// The contact block of every report that does not give its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
}

/// One report of a history (`reports[i]`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entry {
    /// UTC offset dates of this report are shown in (e.g. "+09:00"). Default: the document's
    /// `zone`, else the offset of this incident's start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^([Zz]|[+-]\d{2}:\d{2})$"))
    )]
    pub zone: Option<String>,
    /// The report header.
    pub report: Header,
    /// Services of this report only, added to the document's shared `services`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["array", "null"])))]
    pub services: Vec<Service>,
    /// Actors of this report only, added to the document's shared `actors`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["array", "null"])))]
    pub actors: Vec<Actor>,
    /// What happened.
    pub incident: Incident,
    /// Events in the author's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["array", "null"])))]
    pub timeline: Vec<Event>,
    /// Letter options of this report; default: the document's `letter`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter: Option<Letter>,
}

/// Language code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Lang {
    /// 日本語
    #[serde(rename = "ja")]
    Ja,
    /// English
    #[serde(rename = "en")]
    En,
}

// ---------------------------------------------------------------------------------------------
// Header

/// The report header: title, date, who writes to whom (`report`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Header {
    /// Stable id for links (`?report=`). Default "r1", "r2"… by position. Unique in a history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Title, e.g. "メールサービス障害のご報告とお詫び". `null` = not stated (a warning; the
    /// letter then has no subject line).
    #[cfg_attr(feature = "schema", schemars(required))]
    pub title: Option<String>,
    /// Issue date (発行日), YYYY-MM-DD. `null` = not stated (a warning; the letter then has no
    /// date line).
    #[cfg_attr(feature = "schema", schemars(required))]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub issued: Option<String>,
    /// Which report of a series this is: first (第1報), interim (第N報), final (最終報告,
    /// default), recovery (復旧のご報告).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ReportKind>,
    /// N of 第N報, for kind "interim" (1 to 99, default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 99)))]
    pub number: Option<u32>,
    /// Addressee (宛名). Default お客様各位 (ja) / "Dear customers" (en).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<String>,
    /// Who issues the report (発行者): an organization name, or an object. Required unless the
    /// document states it once at the top (`issuer` beside `reports`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Issuer>,
    /// Document number (文書番号), e.g. "ABC-2026-001".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_number: Option<String>,
    /// A one-paragraph summary (概要). Also the summary of the implicit phase of a report without
    /// phases.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Contact block (お問い合わせ窓口).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Contact>,
    /// Revision history (改訂履歴): what changed since the report was first issued.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["array", "null"])))]
    pub revisions: Vec<Revision>,
}

/// Which report of a series this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ReportKind {
    /// 第1報: the first report.
    #[serde(rename = "first")]
    First,
    /// 第N報: an interim report; N is `number`.
    #[serde(rename = "interim")]
    Interim,
    /// 最終報告: the final report (default).
    #[serde(rename = "final")]
    Final,
    /// 復旧のご報告: a recovery notice.
    #[serde(rename = "recovery")]
    Recovery,
}

/// The issuer: "株式会社…" alone, or with department and person.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Issuer {
    /// The organization's name.
    Organization(String),
    /// Organization, department, person.
    Detailed(IssuerDetails),
}

/// The issuer in detail.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IssuerDetails {
    /// Organization (会社名), e.g. "株式会社サンプル".
    pub organization: String,
    /// Department (部署), e.g. "システム運用部".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Person (担当者・代表者), e.g. "代表取締役 山田太郎".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
}

/// Contact block (お問い合わせ窓口). Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contact {
    /// Heading of the block. Default お問い合わせ窓口 (ja) / "Contact" (en).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Organization (会社名).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// Department (部署), e.g. "カスタマーサポート".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// Postal code (郵便番号), e.g. "100-0001".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Address (住所).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Phone (電話), e.g. "03-1234-5678"; becomes a tel: link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Fax (FAX).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fax: Option<String>,
    /// Email (メール); becomes a mailto: link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Web page: an absolute http:// or https:// URL (anything else is dropped with a warning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Opening hours (受付時間), e.g. "平日 9:00〜18:00".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
}

/// One revision (改訂) of the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Revision {
    /// Date of the revision, YYYY-MM-DD; absent when the notice does not say when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub date: Option<String>,
    /// What changed, e.g. "影響範囲の記載を訂正".
    pub note: String,
}

// ---------------------------------------------------------------------------------------------
// Services and actors

/// A service (component) of ours, e.g. メール受信(POP).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Service {
    /// Id used by `impact`, `unaffected` and events' `services`, e.g. "pop". Unique.
    pub id: String,
    /// Name shown to readers, e.g. "メール受信(POP)".
    pub name: String,
}

/// A party acting in the timeline: one lane.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Actor {
    /// Id used by events' `actor`, e.g. "dc". Unique.
    pub id: String,
    /// Name shown, e.g. "弊社", "データセンター".
    pub name: String,
    /// What kind of party this is; sets the lane order and marker. Default "us".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ActorRole>,
}

/// What kind of party an actor is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ActorRole {
    /// Our company (弊社), the author of the report.
    #[serde(rename = "us")]
    Us,
    /// A data center (データセンター).
    #[serde(rename = "datacenter")]
    DataCenter,
    /// A vendor or supplier (ベンダー・委託先).
    #[serde(rename = "vendor")]
    Vendor,
    /// Monitoring (監視), human or automated.
    #[serde(rename = "monitoring")]
    Monitoring,
    /// A customer (お客様).
    #[serde(rename = "customer")]
    Customer,
    /// Anyone else.
    #[serde(rename = "other")]
    Other,
}

// ---------------------------------------------------------------------------------------------
// Times

/// A time point: "2026-03-01T08:55:00+09:00" (an instant; seconds may be left out, the offset may
/// not), "2026-03-01" (a whole day), or an object for approximate times, parts of a day and
/// unknown times.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum TimePoint {
    /// An instant in RFC 3339 with its UTC offset ("2026-03-01T08:55:00+09:00"), or a date
    /// ("2026-03-01").
    Text(
        #[cfg_attr(
            feature = "schema",
            schemars(regex(
                pattern = r"^\d{4}-\d{2}-\d{2}((T\d{2}:\d{2}|[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?)([Zz]|[+-]\d{2}:\d{2}))?$"
            ))
        )]
        String,
    ),
    /// `at` or `date` (+ `part`), with `approx`; neither `at` nor `date` means time unknown.
    Detailed(TimeFields),
}

/// A time point in detail. Give `at` (an instant) or `date` (a day), not both; give neither (or
/// `"at": null`) when the time is unknown (時刻不明).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimeFields {
    /// The instant, RFC 3339 with its UTC offset: "2026-03-01T08:55:00+09:00" (seconds may be left
    /// out). null: time unknown (時刻不明).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(regex(
            pattern = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}|[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?)([Zz]|[+-]\d{2}:\d{2})$"
        ))
    )]
    pub at: Option<Option<String>>,
    /// The day only, YYYY-MM-DD, when the time of day is not known (日付のみ).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$")))]
    pub date: Option<String>,
    /// With `date`: the part of the day (早朝, 午前中, 夕方, 深夜…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<PartOfDay>,
    /// How sure the time is: exact (default), about (頃), after (過ぎ), until (まで).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approx: Option<Approx>,
}

/// How sure the author is about a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Approx {
    /// Exact (default).
    #[serde(rename = "exact")]
    Exact,
    /// 頃 = about.
    #[serde(rename = "about")]
    About,
    /// 過ぎ = shortly after.
    #[serde(rename = "after")]
    After,
    /// まで = until, at the latest.
    #[serde(rename = "until")]
    Until,
    /// 前 = shortly before (午後8時前).
    #[serde(rename = "before")]
    Before,
    /// 現在 = as of: how things stood at that time (19時現在), not a start or an end; no length
    /// is computed from it.
    #[serde(rename = "as_of")]
    AsOf,
}

/// A part of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum PartOfDay {
    /// 早朝 = early morning (4:00–7:00).
    #[serde(rename = "early_morning")]
    EarlyMorning,
    /// 午前中 = morning (6:00–12:00).
    #[serde(rename = "morning")]
    Morning,
    /// 昼頃 = around noon (11:00–13:00).
    #[serde(rename = "noon")]
    Noon,
    /// 午後 = afternoon (12:00–18:00).
    #[serde(rename = "afternoon")]
    Afternoon,
    /// 夕方 = evening (16:00–19:00).
    #[serde(rename = "evening")]
    Evening,
    /// 夜 = night (18:00–24:00).
    #[serde(rename = "night")]
    Night,
    /// 深夜 = late night (22:00–2:00 the next day).
    #[serde(rename = "late_night")]
    LateNight,
}

// ---------------------------------------------------------------------------------------------
// Incident

/// What happened.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Incident {
    /// Start of the incident (発生日時). Required when there are no phases; default: the earliest
    /// phase start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<TimePoint>,
    /// End of the incident (復旧日時). null: still ongoing (継続中). Default: the latest phase end
    /// when every phase has one.
    #[serde(default)]
    pub end: Option<TimePoint>,
    /// Phases of the incident, each with its own impact per service. Default: one phase over the
    /// whole period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phases: Option<Vec<Phase>>,
    /// Who and what was affected (影響範囲).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Ids of services NOT affected (影響のないサービス).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["array", "null"])))]
    pub unaffected: Vec<String>,
    /// Cause (原因): a sentence, or a summary with a chain of causes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
    /// The writer's own sentence about the services that kept working, printed instead of the
    /// generated 「なお、…は正常に稼働しておりました。」.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unaffected_note: Option<String>,
    /// Actions taken (対応内容), in order: steps, and groups of steps under a lead sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<Actions>,
    /// Measures against recurrence and future plans (再発防止策・今後の対応).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["array", "null"])))]
    pub measures: Vec<Measure>,
    /// Whether data was lost (データ消失の有無), e.g. "お客様データの消失はございません".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_loss: Option<String>,
    /// Extra sections (heading + paragraphs) in the author's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["array", "null"])))]
    pub sections: Vec<Section>,
}

/// One phase of the incident (①, ②…): a span of time with its impact per service.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Phase {
    /// Id used by events' `phase`, e.g. "p1". Default "p1", "p2"… by position. Unique.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Label shown. Default ①, ②, ③… by position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Start of the phase.
    pub start: TimePoint,
    /// End of the phase. Absent or null: still ongoing.
    #[serde(default)]
    pub end: Option<TimePoint>,
    /// What was happening in this phase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Impact level per service, keyed by service id: { "pop": "outage", "web": "degraded" }.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<std::collections::BTreeMap<String, ImpactLevel>>")
    )]
    pub impact: Option<Impact>,
    /// Notes on this phase (補足).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<TextList>,
    /// Number of customers affected in this phase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 1_000_000_000_000u64)))]
    pub customers: Option<u64>,
}

/// Impact levels keyed by service id, written in the services' order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Impact(pub Vec<(String, ImpactLevel)>);

impl Serialize for Impact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (service, level) in &self.0 {
            map.serialize_entry(service, level)?;
        }
        map.end()
    }
}

/// How badly a service was hit, worst first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ImpactLevel {
    /// × 停止 = outage.
    #[serde(rename = "outage")]
    Outage,
    /// ▲ 一部停止 = partial outage.
    #[serde(rename = "partial")]
    Partial,
    /// △ 遅延・性能低下 = degraded.
    #[serde(rename = "degraded")]
    Degraded,
    /// ◇ メンテナンス = maintenance.
    #[serde(rename = "maintenance")]
    Maintenance,
    /// ○ 正常 = operational.
    #[serde(rename = "operational")]
    Operational,
}

/// Who and what was affected (影響範囲).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Scope {
    /// Affected customers in words (対象のお客様), e.g. "東日本リージョンをご利用のお客様".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers: Option<String>,
    /// Who was NOT affected (対象外).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusions: Option<TextList>,
    /// Network ranges affected (対象ネットワーク), e.g. "203.0.113.0/24".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub networks: Option<TextList>,
    /// Number of users affected (影響ユーザー数).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(max = 1_000_000_000_000u64)))]
    pub users: Option<u64>,
    /// Notes on the scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<TextList>,
}

/// The cause (原因).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Cause {
    /// The cause in one sentence.
    Summary(String),
    /// A summary and a chain: A caused B caused C.
    Detailed(CauseDetails),
}

/// The cause in detail.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CauseDetails {
    /// The cause in one sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// The chain of causes in order, each leading to the next (A → B → C).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain: Option<TextList>,
}

/// A measure against recurrence or a future plan (再発防止策).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Measure {
    /// The measure in words.
    Text(String),
    /// The measure with a target date and status.
    Detailed(MeasureDetails),
}

/// A measure in detail.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureDetails {
    /// What will be done.
    pub text: String,
    /// Target date (実施予定): YYYY-MM-DD, or YYYY-MM for a month (月末まで).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^\d{4}-\d{2}(-\d{2})?$"))
    )]
    pub due: Option<String>,
    /// Where it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<MeasureStatus>,
}

/// Where a measure stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum MeasureStatus {
    /// 予定 = planned.
    #[serde(rename = "planned")]
    Planned,
    /// 実施中 = in progress.
    #[serde(rename = "in_progress")]
    InProgress,
    /// 完了 = done.
    #[serde(rename = "done")]
    Done,
}

/// An extra section of the report, kept in the author's order.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    /// Heading (見出し).
    pub heading: String,
    /// Paragraphs: one string, or a list of paragraphs.
    pub body: TextList,
}

/// Actions taken: one sentence, or a list of steps and groups.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Actions {
    One(String),
    Many(Vec<Action>),
}

/// One entry of `actions`: a step, or a group of steps.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Action {
    Step(String),
    Group(ActionGroup),
}

/// Steps under a lead sentence, with an optional closing sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActionGroup {
    /// The sentence before the steps, e.g. "以下の対応を実施いたしました。".
    pub lead: String,
    /// The steps (a single string is a list of one).
    pub items: TextList,
    /// A sentence after the steps, e.g. "以上により、22時00分に全サービスが復旧しました。".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<String>,
}

/// Text: one string, or a list of strings (paragraphs, items). Strings must not be empty.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum TextList {
    /// One text.
    One(String),
    /// Several, in order.
    Many(Vec<String>),
}

// ---------------------------------------------------------------------------------------------
// Timeline

/// One event of the timeline. Its time is written inline: `at` (an instant) or `date` (+ `part`),
/// with `approx`; neither (or `"at": null`) means the time is unknown (時刻不明): the event keeps
/// its place in the order but has none on the time axis.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Event {
    /// Id for links. Default "e1", "e2"… by position. Unique in the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// When: `at`, `date`, `part`, `approx`.
    #[serde(flatten)]
    pub time: TimeFields,
    /// When it ended, for an event that lasted (a maintenance 2時～6時, a day range): a time
    /// point. Drawn as a span on the timeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<TimePoint>,
    /// The other party's UTC offset (e.g. "-05:00" for a data center abroad), to show its local
    /// time (現地時間) beside ours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(regex(pattern = r"^([Zz]|[+-]\d{2}:\d{2})$"))
    )]
    pub local_offset: Option<String>,
    /// Id of the actor (lane). Default: the first actor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// What kind of event this is. Default "action".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EventKind>,
    /// What happened.
    pub text: String,
    /// A notice quoted word for word, e.g. from the data center: a string, or with its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
    /// Id of the phase this event belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phase: Option<String>,
    /// Ids of the services this event concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["array", "null"])))]
    pub services: Vec<String>,
    /// For kind "eta": the recovery time announced (復旧見込み), not before the event itself.
    /// null: announced without a time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta: Option<Option<TimePoint>>,
}

/// What kind of event this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum EventKind {
    /// 発生 = the failure occurred.
    #[serde(rename = "occurrence")]
    Occurrence,
    /// 検知 = it was detected.
    #[serde(rename = "detection")]
    Detection,
    /// 対応 = something was done (default).
    #[serde(rename = "action")]
    Action,
    /// 告知 = a notice or announcement.
    #[serde(rename = "notice")]
    Notice,
    /// 復旧見込み = a recovery time was announced (give it in `eta`).
    #[serde(rename = "eta")]
    Eta,
    /// 復旧 = service recovered.
    #[serde(rename = "recovery")]
    Recovery,
    /// 報告 = a report was issued.
    #[serde(rename = "report")]
    Report,
}

/// A quoted notice.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Quote {
    /// The quoted text.
    Text(String),
    /// The quoted text and who wrote it.
    Sourced(QuoteDetails),
}

/// A quoted notice and its source.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuoteDetails {
    /// Who is quoted, e.g. "データセンターからの通知".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The quoted text, word for word.
    pub text: String,
}

// ---------------------------------------------------------------------------------------------
// Letter

/// How the apology letter (お詫び状) is written. Everything has a default.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Letter {
    /// The document's form: "letter" (default: 拝啓 … 敬具, 記 … 以上) or "notice" (a web
    /// notice, お知らせ: no 頭語/結語, no 記/以上, headed sections).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
    /// 頭語 (opening word): 拝啓 (default) or 謹啓 (more formal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<Opening>,
    /// 結語 (closing word); must pair with the opening: 拝啓 → 敬具, 謹啓 → 謹白 or 敬白.
    /// Default: the opening's pair.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<Closing>,
    /// The greeting line after the opening (時候の挨拶など). Default: a standard line; null: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub greeting: Option<Option<String>>,
    /// Body paragraphs (本文). Default: generated from the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<TextList>,
    /// Closing paragraph before the closing word. Default: a standard apology.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_paragraph: Option<String>,
    /// Which numbered items the 記 part shows, in order. Default: all of them in the order
    /// period, services, impact, cause, actions, measures, data, sections, timeline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<LetterItem>>,
    /// Calendar for dates: gregorian (西暦, default) or japanese (和暦: 令和…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<Calendar>,
    /// Clock: "24h" (17時05分, default) or "12h" (午後5時05分).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<Clock>,
}

/// 頭語: the opening word of the letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Opening {
    /// 拝啓 (default), closed by 敬具.
    #[serde(rename = "拝啓")]
    Haikei,
    /// 謹啓, more formal, closed by 謹白 or 敬白.
    #[serde(rename = "謹啓")]
    Kinkei,
}

/// 結語: the closing word of the letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Closing {
    /// 敬具, after 拝啓.
    #[serde(rename = "敬具")]
    Keigu,
    /// 謹白, after 謹啓.
    #[serde(rename = "謹白")]
    Kinpaku,
    /// 敬白, after 謹啓.
    #[serde(rename = "敬白")]
    Keihaku,
}

/// A numbered item of the letter's 記 part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum LetterItem {
    /// 発生日時: the incident period.
    #[serde(rename = "period")]
    Period,
    /// 対象サービス: the services affected.
    #[serde(rename = "services")]
    Services,
    /// 影響範囲: the impact and scope.
    #[serde(rename = "impact")]
    Impact,
    /// 原因: the cause.
    #[serde(rename = "cause")]
    Cause,
    /// 対応内容: the actions taken.
    #[serde(rename = "actions")]
    Actions,
    /// 再発防止策: the measures.
    #[serde(rename = "measures")]
    Measures,
    /// データ消失の有無: the data-loss statement.
    #[serde(rename = "data")]
    Data,
    /// The extra sections.
    #[serde(rename = "sections")]
    Sections,
    /// 経緯: the timeline.
    #[serde(rename = "timeline")]
    Timeline,
}

/// Calendar for dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Calendar {
    /// 西暦: 2026年3月4日 (default).
    #[serde(rename = "gregorian")]
    Gregorian,
    /// 和暦: 令和8年3月4日.
    #[serde(rename = "japanese")]
    Japanese,
}

/// Clock for times.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Clock {
    /// 24-hour: 17時05分 (default).
    #[serde(rename = "24h")]
    H24,
    /// 12-hour: 午後5時05分.
    #[serde(rename = "12h")]
    H12,
    /// Digits as in a table: 17:05.
    #[serde(rename = "hh:mm")]
    Hhmm,
}

/// The form of the printed document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Form {
    /// A formal letter (default).
    #[serde(rename = "letter")]
    Letter,
    /// A web notice (お知らせ).
    #[serde(rename = "notice")]
    Notice,
}

// ---------------------------------------------------------------------------------------------
// The JSON Schema

/// The JSON Schema of the format, as shipped in `schema/v1.json`.
///
/// Draft 7, because it is what every editor's JSON support understands (VS Code, JetBrains,
/// vim/neovim language servers); newer drafts are still partly supported.
#[cfg(feature = "schema")]
pub fn json_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<Document>();
    let mut value = schema.to_value();
    if let Some(root) = value.as_object_mut() {
        root.insert("$id".into(), SCHEMA_ID.into());
        root.insert("title".into(), SCHEMA_TITLE.into());
    }
    value
}

/// The schema file's text: pretty JSON with a final newline.
#[cfg(feature = "schema")]
pub fn json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::vocab;

    fn codes<T: Serialize>(values: &[T]) -> Vec<String> {
        values
            .iter()
            .map(|v| match serde_json::to_value(v) {
                Ok(serde_json::Value::String(s)) => s,
                other => panic!("not a string code: {other:?}"),
            })
            .collect()
    }

    /// The enumerations say exactly what `decode` accepts, in the same order.
    #[test]
    fn codes_match_the_decoder() {
        use ReportKind as K;
        assert_eq!(
            codes(&[K::First, K::Interim, K::Final, K::Recovery]),
            vocab::REPORT_KINDS
        );
        use Approx as A;
        assert_eq!(
            codes(&[A::Exact, A::About, A::After, A::Until, A::Before, A::AsOf]),
            vocab::APPROX_CODES
        );
        use PartOfDay as P;
        let parts = [
            P::EarlyMorning,
            P::Morning,
            P::Noon,
            P::Afternoon,
            P::Evening,
            P::Night,
            P::LateNight,
        ];
        assert_eq!(codes(&parts), vocab::PART_CODES);
        use ActorRole as R;
        let roles = [
            R::Us,
            R::DataCenter,
            R::Vendor,
            R::Monitoring,
            R::Customer,
            R::Other,
        ];
        assert_eq!(codes(&roles), vocab::ROLE_CODES);
        use ImpactLevel as L;
        let levels = [
            L::Outage,
            L::Partial,
            L::Degraded,
            L::Maintenance,
            L::Operational,
        ];
        assert_eq!(codes(&levels), vocab::LEVEL_CODES);
        use EventKind as E;
        let kinds = [
            E::Occurrence,
            E::Detection,
            E::Action,
            E::Notice,
            E::Eta,
            E::Recovery,
            E::Report,
        ];
        assert_eq!(codes(&kinds), vocab::KIND_CODES);
        use MeasureStatus as S;
        assert_eq!(
            codes(&[S::Planned, S::InProgress, S::Done]),
            vocab::STATUS_CODES
        );
        assert_eq!(codes(&[Opening::Haikei, Opening::Kinkei]), vocab::OPENINGS);
        assert_eq!(
            codes(&[Closing::Keigu, Closing::Kinpaku, Closing::Keihaku]),
            vocab::CLOSINGS
        );
        use LetterItem as I;
        let items = [
            I::Period,
            I::Services,
            I::Impact,
            I::Cause,
            I::Actions,
            I::Measures,
            I::Data,
            I::Sections,
            I::Timeline,
        ];
        assert_eq!(codes(&items), vocab::ITEM_CODES);
        assert_eq!(
            codes(&[Calendar::Gregorian, Calendar::Japanese]),
            vocab::CALENDARS
        );
        assert_eq!(codes(&[Clock::H24, Clock::H12, Clock::Hhmm]), vocab::CLOCKS);
        assert_eq!(codes(&[Form::Letter, Form::Notice]), vocab::FORMS);
        assert_eq!(codes(&[Lang::Ja, Lang::En]), ["ja", "en"]);
    }

    #[test]
    fn impact_keeps_the_services_order() {
        let impact = Impact(vec![
            ("web".into(), ImpactLevel::Outage),
            ("api".into(), ImpactLevel::Degraded),
        ]);
        let text = serde_json::to_string(&impact).unwrap_or_default();
        assert_eq!(text, r#"{"web":"outage","api":"degraded"}"#);
    }

    #[test]
    fn unknown_time_and_no_greeting_are_written_as_null() {
        let t = TimeFields {
            at: Some(None),
            ..TimeFields::default()
        };
        assert_eq!(
            serde_json::to_string(&t).unwrap_or_default(),
            r#"{"at":null}"#
        );
        let l = Letter {
            greeting: Some(None),
            ..Letter::default()
        };
        assert_eq!(
            serde_json::to_string(&l).unwrap_or_default(),
            r#"{"greeting":null}"#
        );
    }
}
