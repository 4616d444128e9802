//! The report header: title, issue date, kind, issuer, contact block and revisions.

use serde::{Deserialize, Serialize};

/// The report header: title, date, who writes to whom (`report`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// Which report of a series this is: first (第1報), interim (第N報), final (最終報告),
    /// recovery (復旧のご報告). When absent the report says none: no series marker is printed
    /// and the letter does not call it a final report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ReportKind>,
    /// N of 第N報, for kind "interim" (1 to 99). Without it an interim report is 続報: no number is guessed.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ReportKind {
    /// 第1報: the first report.
    #[serde(rename = "first")]
    First,
    /// 第N報: an interim report; N is `number`.
    #[serde(rename = "interim")]
    Interim,
    /// 最終報告: the final report.
    #[serde(rename = "final")]
    Final,
    /// 復旧のご報告: a recovery notice.
    #[serde(rename = "recovery")]
    Recovery,
}

/// The issuer: "株式会社…" alone, or with department and person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum Issuer {
    /// The organization's name.
    Organization(String),
    /// Organization, department, person.
    Detailed(IssuerDetails),
}

/// The issuer in detail.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
