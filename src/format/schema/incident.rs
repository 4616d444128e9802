//! The incident: its period, phases with their impact per service, scope, cause, actions,
//! measures and extra sections; and the short forms of text (one string or a list).

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::*;

/// What happened.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// Each service's own states over time (a status page's component statuses): per-service
    /// times come from these instead of from the phases.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(extend("type" = ["array", "null"])))]
    pub service_states: Vec<ServiceState>,
}

/// A stretch of time one service spent at one level, by its own status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceState {
    /// Service id.
    pub service: String,
    /// The level it was at.
    pub level: ImpactLevel,
    /// When it went to this level.
    pub start: TimePoint,
    /// When it left it. {} (no time): not known, its length is not stated. Absent or null:
    /// still at this level.
    #[serde(default)]
    pub end: Option<TimePoint>,
}

/// One phase of the incident (①, ②…): a span of time with its impact per service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

impl<'de> Deserialize<'de> for Impact {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Levels;
        impl<'de> serde::de::Visitor<'de> for Levels {
            type Value = Impact;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("impact levels keyed by service id")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Impact, A::Error> {
                let mut levels = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    levels.push(entry);
                }
                Ok(Impact(levels))
            }
        }
        deserializer.deserialize_map(Levels)
    }
}

/// How badly a service was hit, worst first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Cause {
    /// The cause in one sentence.
    Summary(String),
    /// A summary and a chain: A caused B caused C.
    Detailed(CauseDetails),
}

/// The cause in detail.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Measure {
    /// The measure in words.
    Text(String),
    /// The measure with a target date and status.
    Detailed(MeasureDetails),
}

/// A measure in detail.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Section {
    /// Heading (見出し).
    pub heading: String,
    /// Paragraphs: one string, or a list of paragraphs.
    pub body: TextList,
}

/// Actions taken: one sentence, or a list of steps and groups.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Actions {
    One(String),
    Many(Vec<Action>),
}

/// One entry of `actions`: a step, or a group of steps.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Action {
    Step(String),
    Group(ActionGroup),
}

/// Steps under a lead sentence, with an optional closing sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum TextList {
    /// One text.
    One(String),
    /// Several, in order.
    Many(Vec<String>),
}
