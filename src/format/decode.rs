//! JSON text → validated `Document`, collecting every problem with its path and position.
//!
//! This is the one conversion from input to model. It never stops at the first problem: each
//! field is decoded on its own, a broken field is reported and skipped, and the semantic checks
//! (references, order of times, duplicate ids) run on whatever could be read. The document is
//! returned only when there is no error; warnings travel with it.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

use crate::format::json::{self, Node, Pos, Value};
use crate::format::outcome::Outcome;
use crate::format::problem::{Problem, ProblemKind, RefKind};
use crate::format::vocab::*;
use crate::format::walk::{Walk, Walker};
use crate::model::*;

#[derive(Default)]
struct Cx {
    walk: Walk,
}

impl Walker for Cx {
    fn walk(&self) -> &Walk {
        &self.walk
    }
    fn walk_mut(&mut self) -> &mut Walk {
        &mut self.walk
    }
}

/// Decodes a parsed hokoku document (not a Statuspage export: `read` dispatches those).
pub fn decode(root: &Node) -> Outcome {
    let mut cx = Cx::default();
    let document = cx.document(root);
    Outcome::new(document, cx.walk.problems.finish())
}

/// An object whose unknown and duplicate keys have been reported.
struct Obj<'n> {
    node: &'n Node,
    members: &'n [(json::Key, Node)],
}

impl<'n> Obj<'n> {
    /// A member, treating `null` as absent (optional fields may be written as null).
    fn get(&self, name: &str) -> Option<&'n Node> {
        self.members
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(_, v)| v)
            .filter(|v| v.value != Value::Null)
    }

    fn has(&self, name: &str) -> bool {
        self.members.iter().any(|(k, _)| k.name == name)
    }
}

const DOCUMENT_FIELDS: &[&str] = &[
    "$schema", "version", "lang", "zone", "report", "reports", "services", "actors", "incident",
    "timeline", "letter",
];
const ENTRY_FIELDS: &[&str] = &[
    "zone", "report", "services", "actors", "incident", "timeline", "letter",
];
const HEADER_FIELDS: &[&str] = &[
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
const ISSUER_FIELDS: &[&str] = &["organization", "department", "person"];
const CONTACT_FIELDS: &[&str] = &[
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
const INCIDENT_FIELDS: &[&str] = &[
    "start",
    "end",
    "phases",
    "scope",
    "unaffected",
    "cause",
    "actions",
    "measures",
    "data_loss",
    "sections",
];
const PHASE_FIELDS: &[&str] = &[
    "id",
    "label",
    "start",
    "end",
    "summary",
    "impact",
    "notes",
    "customers",
];
const EVENT_FIELDS: &[&str] = &[
    "id",
    "at",
    "date",
    "part",
    "approx",
    "local_offset",
    "actor",
    "kind",
    "text",
    "quote",
    "phase",
    "services",
    "eta",
];
const TIME_FIELDS: &[&str] = &["at", "date", "part", "approx"];
const LETTER_FIELDS: &[&str] = &[
    "opening",
    "closing",
    "greeting",
    "body",
    "closing_paragraph",
    "items",
    "calendar",
    "clock",
];

enum InstantError {
    Bad,
    NoOffset,
}

fn parse_instant(s: &str) -> Result<DateTime<FixedOffset>, InstantError> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    // Seconds are often left out by hand: "2026-03-01T08:55+09:00", "2026-03-01T08:55Z".
    if let Ok(t) = DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M%:z") {
        return Ok(t);
    }
    if let Some(utc) = s.strip_suffix(['Z', 'z']) {
        if let Ok(t) = NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M") {
            return Ok(t.and_utc().fixed_offset());
        }
    }
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"));
    if naive.is_ok() {
        return Err(InstantError::NoOffset);
    }
    Err(InstantError::Bad)
}

impl Cx {
    /// Checks that `node` is an object, reporting unknown and duplicate keys.
    fn object<'n>(&mut self, node: &'n Node, known: &[&str]) -> Option<Obj<'n>> {
        self.object_with(node, Some(known))
    }

    /// `known: None` accepts any key (maps keyed by id).
    fn object_with<'n>(&mut self, node: &'n Node, known: Option<&[&str]>) -> Option<Obj<'n>> {
        let Value::Object(members) = &node.value else {
            self.wrong_type(node, "object");
            return None;
        };
        let repeated = crate::format::walk::repeated_keys(members);
        for ((key, _), repeated) in members.iter().zip(repeated) {
            if repeated {
                self.in_key(&key.name, |cx| cx.error(key.pos, ProblemKind::DuplicateKey));
            } else if known.is_some_and(|k| !k.contains(&key.name.as_str())) {
                self.in_key(&key.name, |cx| cx.warn(key.pos, ProblemKind::UnknownField));
            }
        }
        Some(Obj { node, members })
    }

    /// An optional field; `None` when absent, null, or broken (the problem is recorded).
    fn opt<'n, T>(
        &mut self,
        obj: &Obj<'n>,
        name: &str,
        f: impl FnOnce(&mut Self, &'n Node) -> Option<T>,
    ) -> Option<T> {
        let node = obj.get(name)?;
        self.in_key(name, |cx| f(cx, node))
    }

    /// A required field: absence or null is an error.
    fn req<'n, T>(
        &mut self,
        obj: &Obj<'n>,
        name: &str,
        f: impl FnOnce(&mut Self, &'n Node) -> Option<T>,
    ) -> Option<T> {
        match obj.get(name) {
            Some(node) => self.in_key(name, |cx| f(cx, node)),
            None => {
                let pos = obj
                    .members
                    .iter()
                    .find(|(k, _)| k.name == name)
                    .map(|(_, v)| v.pos)
                    .unwrap_or(obj.node.pos);
                self.in_key(name, |cx| {
                    if obj.has(name) {
                        cx.error(
                            pos,
                            ProblemKind::WrongType {
                                expected: "string",
                                found: "null",
                            },
                        )
                    } else {
                        cx.error(pos, ProblemKind::Missing)
                    }
                });
                None
            }
        }
    }

    fn list<'n, T>(
        &mut self,
        node: &'n Node,
        mut f: impl FnMut(&mut Self, &'n Node) -> Option<T>,
    ) -> Option<Vec<T>> {
        let Value::Array(items) = &node.value else {
            self.wrong_type(node, "array");
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if let Some(v) = self.in_index(i, |cx| f(cx, item)) {
                out.push(v);
            }
        }
        Some(out)
    }

    /// Like `list`, keeping each decoded item's index in the source array, so checks made after
    /// decoding name the right element even when earlier ones failed.
    fn list_indexed<'n, T>(
        &mut self,
        node: &'n Node,
        mut f: impl FnMut(&mut Self, &'n Node) -> Option<T>,
    ) -> Option<Vec<(usize, T)>> {
        let Value::Array(items) = &node.value else {
            self.wrong_type(node, "array");
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            if let Some(v) = self.in_index(i, |cx| f(cx, item)) {
                out.push((i, v));
            }
        }
        Some(out)
    }

    /// A list, but a single string is accepted as a list of one (people write both).
    fn texts(&mut self, node: &Node) -> Option<Vec<String>> {
        if let Value::String(_) = node.value {
            return self.text(node).map(|t| vec![t]);
        }
        if !matches!(node.value, Value::Array(_)) {
            self.wrong_type(node, "string or array");
            return None;
        }
        self.list(node, |cx, n| cx.text(n))
    }

    /// Non-empty text.
    fn text(&mut self, node: &Node) -> Option<String> {
        match &node.value {
            Value::String(s) if s.trim().is_empty() => {
                self.error(node.pos, ProblemKind::EmptyText);
                None
            }
            Value::String(s) => Some(match safe::strip_hidden(s) {
                // Invisible and reordering characters (U+202E, U+200F …) make text read
                // differently from what it says; a formal letter never needs one.
                Some(clean) if clean.trim().is_empty() => {
                    self.error(node.pos, ProblemKind::EmptyText);
                    return None;
                }
                Some(clean) => {
                    self.warn(node.pos, ProblemKind::BidiControlRemoved);
                    clean
                }
                None => s.clone(),
            }),
            _ => {
                self.wrong_type(node, "string");
                None
            }
        }
    }

    fn string_any(&mut self, node: &Node) -> Option<String> {
        match &node.value {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.wrong_type(node, "string");
                None
            }
        }
    }

    fn one_of<T>(
        &mut self,
        node: &Node,
        allowed: &'static [&'static str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let s = self.string_any(node)?;
        match parse(&s) {
            Some(v) => Some(v),
            None => {
                self.error(node.pos, ProblemKind::NotOneOf { found: s, allowed });
                None
            }
        }
    }

    fn count(&mut self, node: &Node, min: i64, max: i64) -> Option<u64> {
        let Value::Number(n) = node.value else {
            self.wrong_type(node, "integer");
            return None;
        };
        if n.fract() != 0.0 || n < min as f64 || n > max as f64 {
            self.error(node.pos, ProblemKind::NumberOutOfRange { min, max });
            return None;
        }
        Some(n as u64)
    }

    fn date(&mut self, node: &Node) -> Option<NaiveDate> {
        let s = self.string_any(node)?;
        let d = parse_date(&s);
        if d.is_none() {
            self.error(node.pos, ProblemKind::BadDate(s));
        }
        d
    }

    fn offset(&mut self, node: &Node) -> Option<FixedOffset> {
        let s = self.string_any(node)?;
        let o = parse_offset(&s);
        if o.is_none() {
            self.error(node.pos, ProblemKind::BadOffset(s));
        }
        o
    }

    fn instant(&mut self, node: &Node) -> Option<DateTime<FixedOffset>> {
        let s = self.string_any(node)?;
        match parse_instant(&s) {
            Ok(t) => Some(t),
            Err(InstantError::NoOffset) => {
                self.error(node.pos, ProblemKind::MissingOffset(s));
                None
            }
            Err(InstantError::Bad) => {
                // A bare date in an `at` field is a common slip; say which field to use.
                let kind = if parse_date(&s).is_some() {
                    ProblemKind::BadInstant(s)
                } else if s.len() == 10 {
                    ProblemKind::BadDate(s)
                } else {
                    ProblemKind::BadInstant(s)
                };
                self.error(node.pos, kind);
                None
            }
        }
    }

    /// A time point written as a string ("2026-03-01T08:55:00+09:00" or "2026-03-01"), null
    /// (unknown), or an object with `at` / `date` / `part` / `approx`.
    fn time_point(&mut self, node: &Node, zone: FixedOffset) -> Option<TimePoint> {
        match &node.value {
            Value::Null => Some(TimePoint::UNKNOWN),
            Value::String(s) => {
                if s.len() == 10 {
                    let date = self.date(node)?;
                    Some(TimePoint {
                        when: When::Day {
                            date,
                            part: None,
                            offset: zone,
                        },
                        approx: Approx::Exact,
                    })
                } else {
                    self.instant(node).map(TimePoint::exact)
                }
            }
            Value::Object(_) => {
                let obj = self.object(node, TIME_FIELDS)?;
                self.time_fields(&obj, zone)
            }
            _ => {
                self.wrong_type(node, "string, object or null");
                None
            }
        }
    }

    /// The time fields shared by time objects and timeline events.
    fn time_fields(&mut self, obj: &Obj<'_>, zone: FixedOffset) -> Option<TimePoint> {
        let approx = self.opt(obj, "approx", |cx, n| {
            cx.one_of(n, APPROX_CODES, approx_from_code)
        });
        let part = self.opt(obj, "part", |cx, n| {
            cx.one_of(n, PART_CODES, part_from_code)
        });
        let at_node = obj.get("at");
        let date_node = obj.get("date");
        let when = match (at_node, date_node) {
            (Some(_), Some(d)) => {
                self.in_key("date", |cx| cx.error(d.pos, ProblemKind::AtAndDate));
                return None;
            }
            (Some(_), None) => {
                if let (Some(_), Some(n)) = (part, obj.get("part")) {
                    // A part of day only narrows a date; with an exact time it says nothing.
                    self.in_key("part", |cx| cx.warn(n.pos, ProblemKind::PartWithAt));
                }
                When::Instant(self.opt(obj, "at", |cx, n| cx.instant(n))?)
            }
            (None, Some(_)) => {
                let date = self.opt(obj, "date", |cx, n| cx.date(n))?;
                When::Day {
                    date,
                    part,
                    offset: zone,
                }
            }
            (None, None) => When::Unknown,
        };
        Some(TimePoint {
            when,
            approx: approx.unwrap_or_default(),
        })
    }

    fn document(&mut self, root: &Node) -> Option<Document> {
        let obj = self.object(root, DOCUMENT_FIELDS)?;
        self.req(&obj, "version", |cx, n| match &n.value {
            Value::Number(v) if *v == 1.0 => Some(()),
            Value::Number(v) => {
                cx.error(n.pos, ProblemKind::UnsupportedVersion(v.to_string()));
                None
            }
            Value::String(s) => {
                cx.error(n.pos, ProblemKind::UnsupportedVersion(format!("\"{s}\"")));
                None
            }
            _ => {
                cx.wrong_type(n, "integer");
                None
            }
        });
        let lang = self.opt(&obj, "lang", |cx, n| {
            cx.one_of(n, &["ja", "en"], Lang::from_code)
        });
        let lang = lang.unwrap_or_default();
        let zone = self.opt(&obj, "zone", |cx, n| cx.offset(n));
        let shared_services = self
            .opt(&obj, "services", |cx, n| cx.services(n))
            .unwrap_or_default();
        let shared_actors = self
            .opt(&obj, "actors", |cx, n| cx.actors(n))
            .unwrap_or_default();
        let mut shared = Shared {
            lang,
            zone,
            services: shared_services,
            actors: shared_actors,
            letter: None,
        };

        match (obj.get("report"), obj.get("reports")) {
            (Some(_), Some(n)) => {
                self.in_key("reports", |cx| {
                    cx.error(n.pos, ProblemKind::BothReportAndReports)
                });
                None
            }
            (None, Some(list)) => {
                for key in ["incident", "timeline"] {
                    if let Some((k, _)) = obj.members.iter().find(|(k, _)| k.name == key) {
                        self.in_key(key, |cx| cx.warn(k.pos, ProblemKind::NotInHistory));
                    }
                }
                shared.letter = obj
                    .get("letter")
                    .map(|n| self.in_key("letter", |cx| cx.letter(n)));
                let shared = &shared;
                let reports = self.in_key("reports", |cx| {
                    let Value::Array(items) = &list.value else {
                        cx.wrong_type(list, "array");
                        return None;
                    };
                    if items.is_empty() {
                        cx.error(list.pos, ProblemKind::NoReports);
                        return None;
                    }
                    let mut out: Vec<Report> = Vec::new();
                    for (i, item) in items.iter().enumerate() {
                        let r = cx.in_index(i, |cx| {
                            let entry = cx.object(item, ENTRY_FIELDS)?;
                            let r = cx.report(&entry, shared, Some(&obj))?;
                            if !r.id.is_empty() && out.iter().any(|o| o.id == r.id) {
                                let pos = report_id_pos(item).unwrap_or(item.pos);
                                let id = r.id.clone();
                                cx.in_key("report", |cx| {
                                    cx.in_key("id", |cx| {
                                        cx.error(pos, ProblemKind::DuplicateId(id))
                                    })
                                });
                            }
                            Some(r)
                        });
                        out.extend(r);
                    }
                    fill_missing_ids(out.iter_mut().map(|r| &mut r.id), "r");
                    Some(out)
                })?;
                let mut reports = reports;
                // Newest first, as a status page shows them; unknown starts last.
                reports.sort_by_key(|r| std::cmp::Reverse(r.incident.period.start.sort_key()));
                Some(Document {
                    lang,
                    is_history: true,
                    reports,
                })
            }
            _ => {
                let mut report = self.report(&obj, &shared, None)?;
                fill_missing_ids(std::iter::once(&mut report.id), "r");
                Some(Document {
                    lang,
                    is_history: false,
                    reports: vec![report],
                })
            }
        }
    }

    /// One report: from the document root (single) or from an entry of `reports`.
    /// `shared_letter_from` is the document root when `obj` is an entry of a history.
    fn report(
        &mut self,
        obj: &Obj<'_>,
        shared: &Shared,
        shared_letter_from: Option<&Obj<'_>>,
    ) -> Option<Report> {
        // A single report's `zone` is the document's, already read (and checked) with the shared
        // parts; only a history entry has a zone of its own.
        let own_zone = match shared_letter_from {
            Some(_) => self.opt(obj, "zone", |cx, n| cx.offset(n)),
            None => None,
        };
        let zone_explicit = own_zone.or(shared.zone);
        let zone = zone_explicit.unwrap_or_else(|| guess_zone(obj, shared.lang));

        // Entries of a history get their own services and actors on top of the shared ones.
        let mut services = shared.services.clone();
        let mut actors = shared.actors.clone();
        if shared_letter_from.is_some() {
            services.extend(
                self.opt(obj, "services", |cx, n| cx.services(n))
                    .unwrap_or_default(),
            );
            actors.extend(
                self.opt(obj, "actors", |cx, n| cx.actors(n))
                    .unwrap_or_default(),
            );
            self.check_not_shared(obj, "services", &services, shared.services.len(), |s| &s.id);
            self.check_not_shared(obj, "actors", &actors, shared.actors.len(), |a| &a.id);
        }
        if actors.is_empty() {
            actors.push(Actor {
                id: "us".into(),
                name: match shared.lang {
                    Lang::Ja => "弊社".into(),
                    Lang::En => "Our company".into(),
                },
                role: ActorRole::Us,
            });
        }

        let header = self.req(obj, "report", |cx, n| cx.header(n));
        let incident = self.req(obj, "incident", |cx, n| {
            cx.incident(n, zone, &services, header.as_ref())
        });
        let timeline = match (obj.get("timeline"), &incident) {
            (Some(n), Some(inc)) => self.in_key("timeline", |cx| {
                cx.timeline(n, zone, &actors, &services, inc)
            }),
            (Some(n), None) => {
                // Still report the timeline's own problems when the incident is broken.
                let empty = Incident::placeholder();
                self.in_key("timeline", |cx| {
                    cx.timeline(n, zone, &actors, &services, &empty)
                });
                None
            }
            (None, _) => Some(Vec::new()),
        };
        let letter = match obj.get("letter") {
            Some(n) => self.in_key("letter", |cx| cx.letter(n)),
            // A history entry inherits the document's letter, decoded (and its problems
            // reported) once in `document`.
            None => match &shared.letter {
                Some(shared_letter) => shared_letter.clone(),
                None => Some(LetterOptions::default_for()),
            },
        };
        Some(Report {
            id: header.as_ref().map(|h| h.1.clone()).unwrap_or_default(),
            header: header?.0,
            services,
            actors,
            incident: incident?,
            timeline: timeline?,
            letter: letter?,
            zone,
        })
    }

    /// A history entry's own services (or actors) must not reuse an id of the shared ones.
    /// `all` is the shared list followed by the entry's own. Duplicates inside either list are
    /// reported where that list is read, so only the clashes between the two are reported here.
    fn check_not_shared<T>(
        &mut self,
        obj: &Obj<'_>,
        key: &str,
        all: &[T],
        shared_len: usize,
        id: impl Fn(&T) -> &String,
    ) {
        let Some(list) = obj.get(key) else { return };
        let Value::Array(items) = &list.value else {
            return;
        };
        let (shared, own) = all.split_at(shared_len.min(all.len()));
        for item in own {
            let dup = id(item);
            if !shared.iter().any(|s| id(s) == dup) {
                continue;
            }
            if let Some((j, n)) = items
                .iter()
                .enumerate()
                .find(|(_, n)| id_of(n) == Some(dup))
            {
                let kind = ProblemKind::DuplicateId(dup.clone());
                self.in_key(key, |cx| {
                    cx.in_index(j, |cx| cx.in_key("id", |cx| cx.error(n.pos, kind)))
                });
            }
        }
    }

    fn services(&mut self, node: &Node) -> Option<Vec<Service>> {
        let list = self.list(node, |cx, n| {
            let o = cx.object(n, &["id", "name"])?;
            let id = cx.req(&o, "id", |cx, n| cx.text(n));
            let name = cx.req(&o, "name", |cx, n| cx.text(n));
            Some(Service {
                id: id?,
                name: name?,
            })
        })?;
        self.check_ids(node, &list, |s| &s.id);
        Some(list)
    }

    fn actors(&mut self, node: &Node) -> Option<Vec<Actor>> {
        let list = self.list(node, |cx, n| {
            let o = cx.object(n, &["id", "name", "role"])?;
            let id = cx.req(&o, "id", |cx, n| cx.text(n));
            let name = cx.req(&o, "name", |cx, n| cx.text(n));
            let role = cx.opt(&o, "role", |cx, n| cx.one_of(n, ROLE_CODES, role_from_code));
            Some(Actor {
                id: id?,
                name: name?,
                role: role.unwrap_or_default(),
            })
        })?;
        self.check_ids(node, &list, |a| &a.id);
        Some(list)
    }

    /// Duplicate ids inside one list, reported at the duplicate's `id`.
    fn check_ids<T>(&mut self, list_node: &Node, list: &[T], id: impl Fn(&T) -> &String) {
        let Value::Array(items) = &list_node.value else {
            return;
        };
        let mut seen: HashMap<&String, ()> = HashMap::new();
        for item in list {
            let key = id(item);
            if seen.insert(key, ()).is_some() {
                // Find the source position of the second occurrence for the message.
                let at = items
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| id_of(n) == Some(key))
                    .nth(1);
                if let Some((i, n)) = at {
                    self.in_index(i, |cx| {
                        cx.in_key("id", |cx| {
                            cx.error(n.pos, ProblemKind::DuplicateId(key.clone()))
                        })
                    });
                }
            }
        }
    }

    /// The header and the report's id as given (empty when absent: filled in by position once
    /// every report of the document is known).
    fn header(&mut self, node: &Node) -> Option<(Header, String)> {
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

    fn contact(&mut self, node: &Node) -> Option<Contact> {
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

    fn incident(
        &mut self,
        node: &Node,
        zone: FixedOffset,
        services: &[Service],
        header: Option<&(Header, String)>,
    ) -> Option<Incident> {
        let o = self.object(node, INCIDENT_FIELDS)?;
        let start = self.opt(&o, "start", |cx, n| cx.time_point(n, zone));
        let end = self.opt(&o, "end", |cx, n| cx.time_point(n, zone));
        let phase_nodes = o.get("phases");
        let phases = self.opt(&o, "phases", |cx, n| {
            let list = cx.list_indexed(n, |cx, n| cx.phase(n, zone, services))?;
            let (sources, list): (Vec<usize>, Vec<Phase>) = list.into_iter().unzip();
            cx.check_ids(n, &list, |p| &p.id);
            Some((sources, list))
        });
        let phases_ok = phase_nodes.is_none() || phases.is_some();
        // Where each decoded phase stands in the source array, for messages about it.
        let (phase_sources, mut phases) = phases.unwrap_or_default();
        for (i, p) in phases.iter_mut().enumerate() {
            if p.label.is_empty() {
                p.label = circled(i + 1);
            }
        }
        fill_missing_ids(phases.iter_mut().map(|p| &mut p.id), "p");

        // The period: as given, else from the phases. Without it the incident cannot be shown,
        // but the rest of it is still checked so that every problem is reported at once.
        let start = match start {
            Some(s) => Some(s),
            None if !phases.is_empty() => phases
                .iter()
                .map(|p| p.period.start)
                .filter(TimePoint::is_known)
                .min_by_key(|t| t.sort_key())
                .or(Some(phases[0].period.start)),
            None => {
                match o.members.iter().find(|(k, _)| k.name == "start") {
                    // `"start": null`: `opt` reads it as absent, but a start is needed here.
                    Some((_, n)) if n.value == Value::Null => self.in_key("start", |cx| {
                        cx.error(
                            n.pos,
                            ProblemKind::WrongType {
                                expected: "string or object",
                                found: "null",
                            },
                        )
                    }),
                    // Present but broken: already reported.
                    Some(_) => {}
                    None if phases_ok => {
                        self.in_key("start", |cx| cx.error(node.pos, ProblemKind::Missing))
                    }
                    None => {}
                }
                None
            }
        };
        let end = match end {
            Some(e) => Some(e),
            None if !o.has("end")
                && !phases.is_empty()
                && phases.iter().all(|p| p.period.end.is_some()) =>
            {
                phases
                    .iter()
                    .filter_map(|p| p.period.end)
                    .filter(TimePoint::is_known)
                    .max_by_key(|t| t.latest().map(|l| l.timestamp_millis()))
                    // Never derive an end before the given start: the export would write it out and
                    // the file would no longer read back (found by fuzzing). The phases are then
                    // reported outside the period instead.
                    .filter(|e| {
                        !start.is_some_and(|s| {
                            ends_before(&Period {
                                start: s,
                                end: Some(*e),
                            })
                        })
                    })
            }
            None => None,
        };
        let period = start.map(|start| Period { start, end });
        if let Some(period) = &period {
            if let Some(n) = o.get("end") {
                if ends_before(period) {
                    self.in_key("end", |cx| cx.error(n.pos, ProblemKind::EndBeforeStart));
                }
            }
            if let Some(Value::Array(items)) = phase_nodes.map(|n| &n.value) {
                for (p, &i) in phases.iter().zip(&phase_sources) {
                    if p.implicit || !outside(&p.period, period) {
                        continue;
                    }
                    let pos = items.get(i).map(|n| n.pos);
                    self.in_key("phases", |cx| {
                        cx.in_index(i, |cx| {
                            cx.walk.problems.push(Problem::warning(
                                cx.here(),
                                pos,
                                ProblemKind::PhaseOutsidePeriod,
                            ))
                        })
                    });
                }
            }
            if phases.is_empty() {
                phases.push(Phase {
                    id: "p1".into(),
                    label: circled(1),
                    period: *period,
                    summary: header.and_then(|h| h.0.summary.clone()),
                    impact: Vec::new(),
                    notes: Vec::new(),
                    customers: None,
                    implicit: true,
                });
            }
        }

        let scope = self
            .opt(&o, "scope", |cx, n| cx.scope(n))
            .unwrap_or_default();
        let unaffected = self
            .opt(&o, "unaffected", |cx, n| {
                cx.list_indexed(n, |cx, n| {
                    let id = cx.text(n)?;
                    let idx = service_index(services, &id);
                    if idx.is_none() {
                        cx.error(
                            n.pos,
                            ProblemKind::UnknownRef {
                                kind: RefKind::Service,
                                id,
                            },
                        );
                    }
                    idx
                })
            })
            .unwrap_or_default();
        let unaffected_items = match o.get("unaffected").map(|n| &n.value) {
            Some(Value::Array(items)) => items.as_slice(),
            _ => &[],
        };
        for &(i, s) in &unaffected {
            let hit = phases
                .iter()
                .any(|p| p.level_of(s).is_some_and(|l| l != ImpactLevel::Operational));
            if hit {
                let id = services[s].id.clone();
                let pos = unaffected_items.get(i).map(|n| n.pos);
                self.in_key("unaffected", |cx| {
                    cx.in_index(i, |cx| {
                        cx.walk.problems.push(Problem::warning(
                            cx.here(),
                            pos,
                            ProblemKind::UnaffectedButImpacted(id),
                        ))
                    })
                });
            }
        }
        let unaffected: Vec<usize> = unaffected.into_iter().map(|(_, s)| s).collect();
        let cause = self.opt(&o, "cause", |cx, n| match &n.value {
            Value::String(_) => cx.text(n).map(|s| Cause {
                summary: Some(s),
                chain: Vec::new(),
            }),
            Value::Object(_) => {
                let co = cx.object(n, &["summary", "chain"])?;
                let summary = cx.opt(&co, "summary", |cx, n| cx.text(n));
                let chain = cx
                    .opt(&co, "chain", |cx, n| cx.texts(n))
                    .unwrap_or_default();
                Some(Cause { summary, chain })
            }
            _ => {
                cx.wrong_type(n, "string or object");
                None
            }
        });
        let actions = self
            .opt(&o, "actions", |cx, n| cx.texts(n))
            .unwrap_or_default();
        let measures = self
            .opt(&o, "measures", |cx, n| cx.list(n, |cx, n| cx.measure(n)))
            .unwrap_or_default();
        let data_loss = self.opt(&o, "data_loss", |cx, n| cx.text(n));
        let sections = self
            .opt(&o, "sections", |cx, n| {
                cx.list(n, |cx, n| {
                    let so = cx.object(n, &["heading", "body"])?;
                    let heading = cx.req(&so, "heading", |cx, n| cx.text(n));
                    let body = cx.req(&so, "body", |cx, n| cx.texts(n));
                    Some(Section {
                        heading: heading?,
                        body: body?,
                    })
                })
            })
            .unwrap_or_default();
        if !phases_ok {
            return None;
        }
        Some(Incident {
            period: period?,
            phases,
            scope,
            unaffected,
            cause,
            actions,
            measures,
            data_loss,
            sections,
        })
    }

    fn phase(&mut self, node: &Node, zone: FixedOffset, services: &[Service]) -> Option<Phase> {
        let o = self.object(node, PHASE_FIELDS)?;
        let id = self.opt(&o, "id", |cx, n| cx.text(n));
        let label = self
            .opt(&o, "label", |cx, n| cx.text(n))
            .unwrap_or_default();
        let start = self.req(&o, "start", |cx, n| cx.time_point(n, zone));
        let end = self.opt(&o, "end", |cx, n| cx.time_point(n, zone));
        let summary = self.opt(&o, "summary", |cx, n| cx.text(n));
        let impact = self
            .opt(&o, "impact", |cx, n| {
                // Keys here are service ids: checked against the services, not as fields.
                let io = cx.object_with(n, None)?;
                let mut out = Vec::new();
                for (key, value) in io.members {
                    cx.in_key(&key.name, |cx| {
                        let level = cx.one_of(value, LEVEL_CODES, ImpactLevel::from_code);
                        match service_index(services, &key.name) {
                            None => cx.error(
                                key.pos,
                                ProblemKind::UnknownRef {
                                    kind: RefKind::Service,
                                    id: key.name.clone(),
                                },
                            ),
                            Some(s) => {
                                if let Some(l) = level {
                                    out.push((s, l));
                                }
                            }
                        }
                    });
                }
                out.sort_by_key(|(s, _)| *s);
                out.dedup_by_key(|(s, _)| *s);
                Some(out)
            })
            .unwrap_or_default();
        let notes = self
            .opt(&o, "notes", |cx, n| cx.texts(n))
            .unwrap_or_default();
        let customers = self.opt(&o, "customers", |cx, n| cx.count(n, 0, 1_000_000_000_000));
        let start = start?;
        let period = Period { start, end };
        if let Some(n) = o.get("end") {
            if ends_before(&period) {
                self.in_key("end", |cx| cx.error(n.pos, ProblemKind::EndBeforeStart));
            }
        }
        Some(Phase {
            id: id.unwrap_or_default(),
            label,
            period,
            summary,
            impact,
            notes,
            customers,
            implicit: false,
        })
    }

    fn scope(&mut self, node: &Node) -> Option<Scope> {
        let o = self.object(
            node,
            &["customers", "exclusions", "networks", "users", "notes"],
        )?;
        Some(Scope {
            customers: self.opt(&o, "customers", |cx, n| cx.text(n)),
            exclusions: self
                .opt(&o, "exclusions", |cx, n| cx.texts(n))
                .unwrap_or_default(),
            networks: self
                .opt(&o, "networks", |cx, n| cx.texts(n))
                .unwrap_or_default(),
            users: self.opt(&o, "users", |cx, n| cx.count(n, 0, 1_000_000_000_000)),
            notes: self
                .opt(&o, "notes", |cx, n| cx.texts(n))
                .unwrap_or_default(),
        })
    }

    fn measure(&mut self, node: &Node) -> Option<Measure> {
        if let Value::String(_) = node.value {
            return self.text(node).map(|text| Measure {
                text,
                due: None,
                status: None,
            });
        }
        let o = self.object(node, &["text", "due", "status"])?;
        let text = self.req(&o, "text", |cx, n| cx.text(n));
        let due = self.opt(&o, "due", |cx, n| {
            let s = cx.string_any(n)?;
            let due = parse_due(&s);
            if due.is_none() {
                cx.error(n.pos, ProblemKind::BadDue(s));
            }
            due
        });
        let status = self.opt(&o, "status", |cx, n| {
            cx.one_of(n, STATUS_CODES, status_from_code)
        });
        Some(Measure {
            text: text?,
            due,
            status,
        })
    }

    fn timeline(
        &mut self,
        node: &Node,
        zone: FixedOffset,
        actors: &[Actor],
        services: &[Service],
        incident: &Incident,
    ) -> Option<Vec<Event>> {
        let list =
            self.list_indexed(node, |cx, n| cx.event(n, zone, actors, services, incident))?;
        let Value::Array(items) = &node.value else {
            return None;
        };
        // Check uniqueness of the given ids, then fill in the missing ones.
        let mut seen: HashMap<String, ()> = HashMap::new();
        for (i, e) in &list {
            let i = *i;
            if !e.id.is_empty() && seen.insert(e.id.clone(), ()).is_some() {
                let pos = items.get(i).map(|n| n.pos);
                let id = e.id.clone();
                self.in_index(i, |cx| {
                    cx.in_key("id", |cx| {
                        cx.walk.problems.push(Problem::error(
                            cx.here(),
                            pos,
                            ProblemKind::DuplicateId(id),
                        ))
                    })
                });
            }
        }
        let mut out: Vec<Event> = list.into_iter().map(|(_, e)| e).collect();
        fill_missing_ids(out.iter_mut().map(|e| &mut e.id), "e");
        Some(out)
    }

    fn event(
        &mut self,
        node: &Node,
        zone: FixedOffset,
        actors: &[Actor],
        services: &[Service],
        incident: &Incident,
    ) -> Option<Event> {
        let o = self.object(node, EVENT_FIELDS)?;
        let id = self.opt(&o, "id", |cx, n| cx.text(n)).unwrap_or_default();
        let time = self.time_fields(&o, zone);
        let local_offset = self.opt(&o, "local_offset", |cx, n| cx.offset(n));
        let actor = match o.get("actor") {
            None => Some(0),
            Some(n) => self.in_key("actor", |cx| {
                let id = cx.text(n)?;
                let idx = actors.iter().position(|a| a.id == id);
                if idx.is_none() {
                    cx.error(
                        n.pos,
                        ProblemKind::UnknownRef {
                            kind: RefKind::Actor,
                            id,
                        },
                    );
                }
                idx
            }),
        };
        let kind = self.opt(&o, "kind", |cx, n| {
            cx.one_of(n, KIND_CODES, EventKind::from_code)
        });
        let kind = kind.unwrap_or_default();
        let text = self.req(&o, "text", |cx, n| cx.text(n));
        let quote = self.opt(&o, "quote", |cx, n| match &n.value {
            Value::String(_) => cx.text(n).map(|text| Quote { source: None, text }),
            Value::Object(_) => {
                let qo = cx.object(n, &["source", "text"])?;
                let source = cx.opt(&qo, "source", |cx, n| cx.text(n));
                let text = cx.req(&qo, "text", |cx, n| cx.text(n));
                Some(Quote {
                    source,
                    text: text?,
                })
            }
            _ => {
                cx.wrong_type(n, "string or object");
                None
            }
        });
        let phase = self.opt(&o, "phase", |cx, n| {
            let id = cx.text(n)?;
            let idx = incident
                .phases
                .iter()
                .position(|p| p.id == id && !p.implicit);
            if idx.is_none() {
                cx.error(
                    n.pos,
                    ProblemKind::UnknownRef {
                        kind: RefKind::Phase,
                        id,
                    },
                );
            }
            idx
        });
        let event_services = self
            .opt(&o, "services", |cx, n| {
                cx.list(n, |cx, n| {
                    let id = cx.text(n)?;
                    let idx = service_index(services, &id);
                    if idx.is_none() {
                        cx.error(
                            n.pos,
                            ProblemKind::UnknownRef {
                                kind: RefKind::Service,
                                id,
                            },
                        );
                    }
                    idx
                })
            })
            .unwrap_or_default();
        let eta = self.opt(&o, "eta", |cx, n| cx.time_point(n, zone));
        let time = time?;
        if let (Some(eta), Some(n)) = (eta, o.get("eta")) {
            if kind != EventKind::Eta {
                self.in_key("eta", |cx| cx.warn(n.pos, ProblemKind::EtaOnOtherKind));
            }
            if let (Some(announced), Some(at)) = (time.earliest(), eta.latest()) {
                if at < announced {
                    self.in_key("eta", |cx| {
                        cx.error(n.pos, ProblemKind::EtaBeforeAnnouncement)
                    });
                }
            }
        } else if kind == EventKind::Eta && !o.has("eta") {
            self.warn(node.pos, ProblemKind::EtaMissing);
        }
        Some(Event {
            id,
            time,
            local_offset,
            actor: actor?,
            kind,
            text: text?,
            quote,
            phase,
            services: event_services,
            eta,
        })
    }

    fn letter(&mut self, node: &Node) -> Option<LetterOptions> {
        let o = self.object(node, LETTER_FIELDS)?;
        let opening = self.opt(&o, "opening", |cx, n| {
            cx.one_of(n, OPENINGS, opening_from_text)
        });
        let opening = opening.unwrap_or_default();
        let closing = self.opt(&o, "closing", |cx, n| {
            let c = cx.one_of(n, CLOSINGS, closing_from_text)?;
            if !opening.accepts(c) {
                let used = opening.default_closing();
                cx.warn(
                    n.pos,
                    ProblemKind::ClosingMismatch {
                        opening: opening.text(),
                        closing: c.text(),
                        used: used.text(),
                    },
                );
                return Some(used);
            }
            Some(c)
        });
        let greeting = if o.has("greeting") && o.get("greeting").is_none() {
            Some(None) // explicit null: no greeting line
        } else {
            self.opt(&o, "greeting", |cx, n| cx.text(n)).map(Some)
        };
        let body = self
            .opt(&o, "body", |cx, n| cx.texts(n))
            .unwrap_or_default();
        let closing_paragraph = self.opt(&o, "closing_paragraph", |cx, n| cx.text(n));
        let items = self.opt(&o, "items", |cx, n| {
            let list = cx.list(n, |cx, n| cx.one_of(n, ITEM_CODES, LetterItem::from_code))?;
            let mut seen = Vec::new();
            for item in list {
                if !seen.contains(&item) {
                    seen.push(item);
                }
            }
            Some(seen)
        });
        let calendar = self.opt(&o, "calendar", |cx, n| {
            cx.one_of(n, CALENDARS, |s| match s {
                "gregorian" => Some(Calendar::Gregorian),
                "japanese" => Some(Calendar::Japanese),
                _ => None,
            })
        });
        let clock = self.opt(&o, "clock", |cx, n| {
            cx.one_of(n, CLOCKS, |s| match s {
                "24h" => Some(Clock::H24),
                "12h" => Some(Clock::H12),
                _ => None,
            })
        });
        Some(LetterOptions {
            opening,
            closing: closing.unwrap_or_else(|| opening.default_closing()),
            greeting,
            body,
            closing_paragraph,
            items: items.unwrap_or_else(|| LetterItem::DEFAULT_ORDER.to_vec()),
            date_style: DateStyle {
                calendar: calendar.unwrap_or_default(),
                clock: clock.unwrap_or_default(),
            },
        })
    }
}

struct Shared {
    lang: Lang,
    zone: Option<FixedOffset>,
    services: Vec<Service>,
    actors: Vec<Actor>,
    /// A history's top-level `letter`: `None` when absent, `Some(None)` when broken.
    letter: Option<Option<LetterOptions>>,
}

impl Incident {
    /// Used only to keep checking a timeline whose incident could not be read.
    fn placeholder() -> Incident {
        Incident {
            period: Period {
                start: TimePoint::UNKNOWN,
                end: None,
            },
            phases: Vec::new(),
            scope: Scope::default(),
            unaffected: Vec::new(),
            cause: None,
            actions: Vec::new(),
            measures: Vec::new(),
            data_loss: None,
            sections: Vec::new(),
        }
    }
}

impl LetterOptions {
    pub fn default_for() -> LetterOptions {
        LetterOptions {
            items: LetterItem::DEFAULT_ORDER.to_vec(),
            ..LetterOptions::default()
        }
    }
}

fn id_of(node: &Node) -> Option<&String> {
    let Value::Object(m) = &node.value else {
        return None;
    };
    m.iter()
        .find(|(k, _)| k.name == "id")
        .and_then(|(_, v)| match &v.value {
            Value::String(s) => Some(s),
            _ => None,
        })
}

/// Gives every empty id `prefix` + its 1-based position ("e1", "p2"…), or the next free number
/// when an author already used that id for another item: a generated id must never collide
/// with a given one (that would be reported as a duplicate the author did not write).
fn fill_missing_ids<'a>(ids: impl Iterator<Item = &'a mut String>, prefix: &str) {
    let mut ids: Vec<&mut String> = ids.collect();
    let mut taken: std::collections::HashSet<String> = ids
        .iter()
        .filter(|id| !id.is_empty())
        .map(|id| id.to_string())
        .collect();
    for (i, id) in ids.iter_mut().enumerate() {
        if !id.is_empty() {
            continue;
        }
        let mut n = i + 1;
        while taken.contains(&format!("{prefix}{n}")) {
            n += 1;
        }
        **id = format!("{prefix}{n}");
        taken.insert(id.to_string());
    }
}

/// Where `reports[i].report.id` is written.
fn report_id_pos(entry: &Node) -> Option<Pos> {
    let Value::Object(m) = &entry.value else {
        return None;
    };
    let (_, header) = m.iter().find(|(k, _)| k.name == "report")?;
    let Value::Object(h) = &header.value else {
        return None;
    };
    h.iter().find(|(k, _)| k.name == "id").map(|(_, v)| v.pos)
}

fn service_index(services: &[Service], id: &str) -> Option<usize> {
    services.iter().position(|s| s.id == id)
}

/// The zone used when none is given: the offset of the incident's start, else of the first
/// timed event, else the language's usual zone.
fn guess_zone(obj: &Obj<'_>, lang: Lang) -> FixedOffset {
    let from_node = |n: &Node| -> Option<FixedOffset> {
        let s = match &n.value {
            Value::String(s) => s,
            Value::Object(m) => match &m.iter().find(|(k, _)| k.name == "at")?.1.value {
                Value::String(s) => s,
                _ => return None,
            },
            _ => return None,
        };
        parse_instant(s).ok().map(|t| *t.offset())
    };
    fn member<'n>(n: &'n Node, name: &str) -> Option<&'n Node> {
        let Value::Object(m) = &n.value else {
            return None;
        };
        m.iter().find(|(k, _)| k.name == name).map(|(_, v)| v)
    }
    // Without its own start, the incident starts with its phases: the first one that has an
    // instant.
    let incident_start = obj.get("incident").and_then(|i| {
        member(i, "start").and_then(from_node).or_else(|| {
            let phases = member(i, "phases")?;
            let Value::Array(items) = &phases.value else {
                return None;
            };
            items
                .iter()
                .find_map(|p| member(p, "start").and_then(from_node))
        })
    });
    let first_event = || {
        let Value::Array(items) = &obj.get("timeline")?.value else {
            return None;
        };
        items.iter().find_map(from_node)
    };
    incident_start
        .or_else(first_event)
        .unwrap_or_else(|| match lang {
            Lang::Ja => FixedOffset::east_opt(9 * 3600).expect("valid offset"),
            Lang::En => FixedOffset::east_opt(0).expect("valid offset"),
        })
}

fn ends_before(p: &Period) -> bool {
    match (p.start.earliest(), p.end.and_then(|e| e.latest())) {
        (Some(s), Some(e)) => e < s,
        _ => false,
    }
}

fn outside(inner: &Period, outer: &Period) -> bool {
    let starts_early = match (inner.start.latest(), outer.start.earliest()) {
        (Some(i), Some(o)) => i < o,
        _ => false,
    };
    let ends_late = match (
        inner.end.and_then(|e| e.earliest()),
        outer.end.and_then(|e| e.latest()),
    ) {
        (Some(i), Some(o)) => i > o,
        _ => false,
    };
    starts_early || ends_late
}
