//! The report's header: its title, kind (first, interim, final…), issuer and contacts, and the
//! revisions it went through.

use chrono::NaiveDate;

use super::{i18n, Lang};

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
