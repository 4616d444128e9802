//! The report header (`report`): title, issue date, kind, issuer, contact and revisions.

use super::*;
use crate::format::json::{Node, Value};
use crate::format::problem::ProblemKind;
use crate::format::vocab::*;
use crate::format::walk::Walker;

pub(super) const HEADER_FIELDS: &[&str] = &[
    "id",
    "title",
    "issued",
    "kind",
    "number",
    "addressee",
    "issuer",
    "document_number",
    "summary",
    "contact",
    "revisions",
];
pub(super) const ISSUER_FIELDS: &[&str] = &["organization", "department", "person"];
pub(super) const CONTACT_FIELDS: &[&str] = &[
    "label",
    "organization",
    "department",
    "postal_code",
    "address",
    "phone",
    "fax",
    "email",
    "url",
    "hours",
];

impl Cx {
    /// The header and the report's id as given (empty when absent: filled in by position once
    /// every report of the document is known).
    pub(super) fn header(&mut self, node: &Node) -> Option<(Header, String)> {
        let o = self.object(node, HEADER_FIELDS)?;
        let id = self.opt(&o, "id", |cx, n| cx.text(n)).unwrap_or_default();
        let title = self.req(&o, "title", |cx, n| cx.text(n));
        let issued = self.req(&o, "issued", |cx, n| cx.date(n));
        let kind = self.opt(&o, "kind", |cx, n| {
            cx.one_of(n, REPORT_KINDS, |s| {
                REPORT_KINDS.iter().copied().find(|k| *k == s)
            })
        });
        let number = self.opt(&o, "number", |cx, n| cx.count(n, 1, 99));
        let kind = match kind {
            Some("first") => ReportKind::First,
            Some("interim") => ReportKind::Interim(number.unwrap_or(2) as u32),
            Some("recovery") => ReportKind::Recovery,
            _ => ReportKind::Final,
        };
        let addressee = self.opt(&o, "addressee", |cx, n| cx.text(n));
        let issuer = self.req(&o, "issuer", |cx, n| match &n.value {
            Value::String(_) => cx.text(n).map(|organization| Issuer {
                organization,
                ..Issuer::default()
            }),
            Value::Object(_) => {
                let io = cx.object(n, ISSUER_FIELDS)?;
                let organization = cx.req(&io, "organization", |cx, n| cx.text(n));
                Some(Issuer {
                    organization: organization?,
                    department: cx.opt(&io, "department", |cx, n| cx.text(n)),
                    person: cx.opt(&io, "person", |cx, n| cx.text(n)),
                })
            }
            _ => {
                cx.wrong_type(n, "string or object");
                None
            }
        });
        let document_number = self.opt(&o, "document_number", |cx, n| cx.text(n));
        let summary = self.opt(&o, "summary", |cx, n| cx.text(n));
        let contact = self.opt(&o, "contact", |cx, n| cx.contact(n));
        let revisions = self
            .opt(&o, "revisions", |cx, n| {
                cx.list(n, |cx, n| {
                    let ro = cx.object(n, &["date", "note"])?;
                    let date = cx.req(&ro, "date", |cx, n| cx.date(n));
                    let note = cx.req(&ro, "note", |cx, n| cx.text(n));
                    Some(Revision {
                        date: date?,
                        note: note?,
                    })
                })
            })
            .unwrap_or_default();
        Some((
            Header {
                title: title?,
                issued: issued?,
                kind,
                addressee,
                issuer: issuer?,
                document_number,
                summary,
                contact,
                revisions,
            },
            id,
        ))
    }

    pub(super) fn contact(&mut self, node: &Node) -> Option<Contact> {
        let o = self.object(node, CONTACT_FIELDS)?;
        let field = |cx: &mut Self, name: &str| cx.opt(&o, name, |cx, n| cx.text(n));
        let url = self.opt(&o, "url", |cx, n| {
            let s = cx.text(n)?;
            if crate::model::safe::is_web_url(&s) {
                Some(s)
            } else {
                cx.warn(n.pos, ProblemKind::UnsafeUrl(s));
                None
            }
        });
        let email = self.opt(&o, "email", |cx, n| cx.text(n));
        Some(Contact {
            label: field(self, "label"),
            organization: field(self, "organization"),
            department: field(self, "department"),
            postal_code: field(self, "postal_code"),
            address: field(self, "address"),
            phone: field(self, "phone"),
            fax: field(self, "fax"),
            email,
            url,
            hours: field(self, "hours"),
        })
    }
}
