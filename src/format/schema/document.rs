//! The document (one report or a history of reports), its history entries, the language, and
//! the services and actors that phases and events refer to.

use serde::{Deserialize, Serialize};

use super::*;

/// A hokoku incident file: ONE report (`report` + `incident` + `timeline` at the top level), or a
/// history of MANY reports (`reports: [...]`). In a history, `services`, `actors`, `zone` and
/// `letter` at the top level are shared by every entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
    /// The zone dates are shown in: a UTC offset ("+09:00") or an IANA zone with its daylight
    /// saving ("America/New_York"). With a zone stated, a time may be written without an offset
    /// (read on its clock). Default: the offset of the incident's start, else of the first timed
    /// event, else +09:00 for ja and +00:00 for en.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(regex(
            pattern = r"^([Zz]|[+-]\d{2}:\d{2}|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*)$"
        ))
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entry {
    /// The zone dates of this report are shown in: an offset ("+09:00") or an IANA zone
    /// ("America/New_York"). Default: the document's `zone`, else the offset of this incident's
    /// start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(regex(
            pattern = r"^([Zz]|[+-]\d{2}:\d{2}|[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*)$"
        ))
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Lang {
    /// 日本語
    #[serde(rename = "ja")]
    Ja,
    /// English
    #[serde(rename = "en")]
    En,
}

/// A service (component) of ours, e.g. メール受信(POP).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Service {
    /// Id used by `impact`, `unaffected` and events' `services`, e.g. "pop". Unique.
    pub id: String,
    /// Name shown to readers, e.g. "メール受信(POP)".
    pub name: String,
}

/// A party acting in the timeline: one lane.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
