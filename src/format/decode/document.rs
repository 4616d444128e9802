//! The document and its reports: one report at the top level or a history (`reports`), the
//! services and actors (shared by a history's entries, or the entry's own), ids unique per list.

use std::collections::{HashMap, HashSet};

use super::time::guess_zone;
use super::*;
use crate::format::json::{Node, Pos, Value};
use crate::format::problem::ProblemKind;
use crate::format::schema as raw;
use crate::format::vocab::*;
use crate::format::walk::{EntryText, Walker};

pub(super) struct Shared {
    lang: Lang,
    zone: Option<Zone>,
    services: Vec<Service>,
    actors: Vec<Actor>,
    /// A history's top-level `letter`: `None` when absent, `Some(None)` when broken.
    letter: Option<Option<LetterOptions>>,
    /// Issuer and contact stated once at the top, for every report that does not give its own.
    issuer: Option<Issuer>,
    contact: Option<Contact>,
}

impl Cx {
    pub(super) fn document(&mut self, root: &Node) -> Option<Document> {
        let obj = self.object::<raw::Document>(root)?;
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
        // A single report falls back to its own guess; a history's entries each to theirs.
        let single_fallback = (!obj.has("reports")).then(|| guess_zone(&obj, lang));
        let zone = self.opt(&obj, "zone", |cx, n| cx.zone(n, single_fallback));
        let shared_services = self
            .opt(&obj, "services", |cx, n| cx.services(n))
            .unwrap_or_default();
        let shared_actors = self
            .opt(&obj, "actors", |cx, n| cx.actors(n))
            .unwrap_or_default();
        // A history often comes from one company: its issuer and contact may be said once here.
        let issuer = self.opt(&obj, "issuer", |cx, n| cx.issuer(n));
        let contact = self.opt(&obj, "contact", |cx, n| cx.contact(n));
        let mut shared = Shared {
            lang,
            zone,
            services: shared_services,
            actors: shared_actors,
            letter: None,
            issuer,
            contact,
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
                let mut broken = Vec::new();
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
                        let what = EntryText {
                            id: &["report", "id"],
                            title: &["report", "title"],
                        };
                        let r = cx.entry(i, item, what, |cx| {
                            let entry = cx.object::<raw::Entry>(item)?;
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
                        match r {
                            Ok(r) => out.extend(r),
                            Err(b) => broken.push(b),
                        }
                    }
                    // Nothing to open: the file is refused as a whole, its problems listed.
                    if out.is_empty() {
                        return None;
                    }
                    fill_missing_ids(out.iter_mut().map(|r| &mut r.id), "r");
                    Some(out)
                })?;
                let mut reports = reports;
                // Newest first, as a status page shows them; unknown starts last.
                crate::model::sort::sort_by_key(&mut reports, |r| {
                    std::cmp::Reverse(r.incident.period.start.sort_key())
                });
                Some(Document {
                    lang,
                    is_history: true,
                    reports,
                    broken,
                })
            }
            _ => {
                let mut report = self.report(&obj, &shared, None)?;
                fill_missing_ids(std::iter::once(&mut report.id), "r");
                Some(Document {
                    lang,
                    is_history: false,
                    reports: vec![report],
                    broken: Vec::new(),
                })
            }
        }
    }

    /// One report: from the document root (single) or from an entry of `reports`.
    /// `shared_letter_from` is the document root when `obj` is an entry of a history.
    pub(super) fn report(
        &mut self,
        obj: &Obj<'_>,
        shared: &Shared,
        shared_letter_from: Option<&Obj<'_>>,
    ) -> Option<Report> {
        // A single report's `zone` is the document's, already read (and checked) with the shared
        // parts; only a history entry has a zone of its own.
        let own_zone = match shared_letter_from {
            Some(_) => {
                let fallback = shared.zone.is_none().then(|| guess_zone(obj, shared.lang));
                self.opt(obj, "zone", |cx, n| cx.zone(n, fallback))
            }
            None => None,
        };
        let zone_explicit = own_zone.or(shared.zone);
        let zone = zone_explicit.unwrap_or_else(|| Zone::Fixed(guess_zone(obj, shared.lang)));
        // Wall-clock times in this report are read on the zone it states (none: an error).
        let outer_zone = std::mem::replace(&mut self.stated_zone, zone_explicit);

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

        let header = self.req(obj, "report", |cx, n| {
            cx.header(n, shared.issuer.as_ref(), shared.contact.as_ref())
        });
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
        self.stated_zone = outer_zone;
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
    pub(super) fn check_not_shared<T>(
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

    pub(super) fn services(&mut self, node: &Node) -> Option<Vec<Service>> {
        let list = self.list(node, |cx, n| {
            let o = cx.object::<raw::Service>(n)?;
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

    pub(super) fn actors(&mut self, node: &Node) -> Option<Vec<Actor>> {
        let list = self.list(node, |cx, n| {
            let o = cx.object::<raw::Actor>(n)?;
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
    pub(super) fn check_ids<T>(
        &mut self,
        list_node: &Node,
        list: &[T],
        id: impl Fn(&T) -> &String,
    ) {
        let Value::Array(items) = &list_node.value else {
            return;
        };
        let mut seen: HashSet<&String> = HashSet::new();
        // Where each id occurs a second time in the source, built once at the first duplicate:
        // one pass over the items, however many duplicates there are.
        let mut second: Option<HashMap<&String, usize>> = None;
        for item in list {
            let key = id(item);
            if !seen.insert(key) {
                let second = second.get_or_insert_with(|| second_occurrences(items));
                if let Some(&i) = second.get(key) {
                    let n = &items[i];
                    self.in_index(i, |cx| {
                        cx.in_key("id", |cx| {
                            cx.error(n.pos, ProblemKind::DuplicateId(key.clone()))
                        })
                    });
                }
            }
        }
    }
}

/// For each id written (as a string) in a list's items, the index of its second occurrence.
fn second_occurrences(items: &[Node]) -> HashMap<&String, usize> {
    let mut first = HashSet::new();
    let mut second = HashMap::new();
    for (i, n) in items.iter().enumerate() {
        if let Some(id) = id_of(n) {
            if !first.insert(id) {
                second.entry(id).or_insert(i);
            }
        }
    }
    second
}

/// Where `reports[i].report.id` is written.
pub(super) fn report_id_pos(entry: &Node) -> Option<Pos> {
    let Value::Object(m) = &entry.value else {
        return None;
    };
    let (_, header) = m.iter().find(|(k, _)| k.name == "report")?;
    let Value::Object(h) = &header.value else {
        return None;
    };
    h.iter().find(|(k, _)| k.name == "id").map(|(_, v)| v.pos)
}
