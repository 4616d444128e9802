//! Time points: an instant, a day (with a part of it), or unknown; and how sure the time is.

use serde::{Deserialize, Serialize};

/// A time point: "2026-03-01T08:55:00+09:00" (an instant; seconds may be left out, the offset may
/// not), "2026-03-01" (a whole day), or an object for approximate times, parts of a day and
/// unknown times.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
