//! The report header (`report`): title, issue date, kind, issuer, contact and revisions.

use super::*;
use crate::format::json::{Node, Value};
use crate::format::problem::ProblemKind;
use crate::format::schema as raw;
use crate::format::vocab::*;
use crate::format::walk::Walker;

impl Cx {
    /// The header and the report's id as given (empty when absent: filled in by position once
    /// every report of the document is known).
    /// `issuer` and `contact` are the document's, stated once for every report without its own.
    pub(super) fn header(
        &mut self,
        node: &Node,
        issuer: Option<&Issuer>,
        contact: Option<&Contact>,
    ) -> Option<(Header, String)> {
        let o = self.object::<raw::Header>(node)?;
        let id = self.opt(&o, "id", |cx, n| cx.text(n)).unwrap_or_default();
        let title = self.stated(&o, "title", |cx, n| cx.text(n));
        let issued = self.stated(&o, "issued", |cx, n| cx.date(n));
        let kind = self.opt(&o, "kind", |cx, n| {
            cx.one_of(n, REPORT_KINDS, |s| {
                REPORT_KINDS.iter().copied().find(|k| *k == s)
            })
        });
        let number = self.opt(&o, "number", |cx, n| cx.count(n, 1, 99));
        let kind = match kind {
            Some("first") => ReportKind::First,
            // Without `number` the report is 「続報」: which one it is, the file does not say.
            Some("interim") => ReportKind::Interim(number.map(|n| n as u32)),
            Some("recovery") => ReportKind::Recovery,
            Some("final") => ReportKind::Final,
            // Not stated, or a code already reported as unknown: nothing is assumed.
            _ => ReportKind::Unstated,
        };
        let addressee = self.opt(&o, "addressee", |cx, n| cx.text(n));
        // The issuer may be stated once for a whole history; the report's own wins.
        let issuer = match issuer {
            Some(common) if !o.has("issuer") => Some(common.clone()),
            // `"issuer": null` is a writer who does not know what goes there: say it.
            _ if o.has("issuer") && o.get("issuer").is_none() => {
                let pos = o
                    .members
                    .iter()
                    .find(|(k, _)| k.name == "issuer")
                    .map(|(_, v)| v.pos);
                self.in_key("issuer", |cx| {
                    cx.walk
                        .problems
                        .push(crate::format::problem::Problem::error(
                            cx.here(),
                            pos,
                            ProblemKind::IssuerNull,
                        ))
                });
                None
            }
            _ => self.req(&o, "issuer", |cx, n| cx.issuer(n)),
        };
        let document_number = self.opt(&o, "document_number", |cx, n| cx.text(n));
        let summary = self.opt(&o, "summary", |cx, n| cx.text(n));
        let contact = match contact {
            Some(common) if !o.has("contact") => Some(common.clone()),
            _ => self.opt(&o, "contact", |cx, n| cx.contact(n)),
        };
        let revisions = self
            .opt(&o, "revisions", |cx, n| {
                cx.list(n, |cx, n| {
                    let ro = cx.object::<raw::Revision>(n)?;
                    // A correction notice often says what changed but not when.
                    let date = cx.opt(&ro, "date", |cx, n| cx.date(n));
                    let note = cx.req(&ro, "note", |cx, n| cx.text(n));
                    Some(Revision { date, note: note? })
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

    pub(super) fn issuer(&mut self, node: &Node) -> Option<Issuer> {
        match &node.value {
            Value::String(_) => self.text(node).map(|organization| Issuer {
                organization,
                ..Issuer::default()
            }),
            Value::Object(_) => {
                let io = self.object::<raw::IssuerDetails>(node)?;
                let organization = self.req(&io, "organization", |cx, n| cx.text(n));
                Some(Issuer {
                    organization: organization?,
                    department: self.opt(&io, "department", |cx, n| cx.text(n)),
                    person: self.opt(&io, "person", |cx, n| cx.text(n)),
                })
            }
            _ => {
                self.wrong_type(node, "string or object");
                None
            }
        }
    }

    /// A field that must be written but may say "not stated" with `null` (a web notice without
    /// a title or a date): `Some(None)` then, with a warning, so nothing is made up for it.
    /// Absent is still an error: a misspelt key must not silently drop the title.
    fn stated<'n, T>(
        &mut self,
        obj: &Obj<'n>,
        name: &'static str,
        f: impl FnOnce(&mut Self, &'n Node) -> Option<T>,
    ) -> Option<Option<T>> {
        if let Some((_, n)) = obj
            .members
            .iter()
            .find(|(k, v)| k.name == name && v.value == Value::Null)
        {
            let pos = n.pos;
            self.in_key(name, |cx| cx.warn(pos, ProblemKind::NotStated(name)));
            return Some(None);
        }
        self.req(obj, name, f).map(Some)
    }

    pub(super) fn contact(&mut self, node: &Node) -> Option<Contact> {
        let o = self.object::<raw::Contact>(node)?;
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
