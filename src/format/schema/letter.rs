//! The apology letter's options: form, opening and closing words, greeting, body, the 記 items
//! and the date style.

use serde::{Deserialize, Serialize};

use super::*;

/// How the apology letter (お詫び状) is written. Everything has a default.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Form {
    /// A formal letter (default).
    #[serde(rename = "letter")]
    Letter,
    /// A web notice (お知らせ).
    #[serde(rename = "notice")]
    Notice,
}
