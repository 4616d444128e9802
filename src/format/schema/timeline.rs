//! The timeline: events, their kinds and quoted notices.

use serde::{Deserialize, Serialize};

use super::*;

/// One event of the timeline. Its time is written inline: `at` (an instant) or `date` (+ `part`),
/// with `approx`; neither (or `"at": null`) means the time is unknown (時刻不明): the event keeps
/// its place in the order but has none on the time axis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Event {
    /// Id for links. Default "e1", "e2"… by position. Unique in the report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    // When: the fields of `TimeFields`, written out here rather than flattened, so that each is
    // read and checked by name like every other field (a test checks the two lists agree).
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
    /// What happened. Light markup: a blank line ends a paragraph, a line starting with "- "
    /// is a list item, **bold**, [label](https://…) and bare http(s) URLs are links, a
    /// backslash makes punctuation plain; anything else (HTML too) is text.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Quote {
    /// The quoted text.
    Text(String),
    /// The quoted text and who wrote it.
    Sourced(QuoteDetails),
}

/// A quoted notice and its source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuoteDetails {
    /// Who is quoted, e.g. "データセンターからの通知".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The quoted text, word for word.
    pub text: String,
}
