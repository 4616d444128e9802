//! Reading the Statuspage v2 JSON shapes from the positioned tree into plain structs, with every
//! problem reported at its path in the SOURCE document (`incidents[3].incident_updates[0].created_at`).
//!
//! Only what the mapping needs is read; everything else a status page sends (ids of pages,
//! twitter flags, component groups…) is ignored without a warning, because those files are
//! produced by a service, not typed by a person, and a warning per field would bury real ones.
//!
//! The structs it fills are in `shapes`; `times` makes an incident's times consistent when it
//! was entered after the fact.

use chrono::{DateTime, FixedOffset, Timelike};

use crate::format::json::{Node, Value};
use crate::format::problem::{Problem, ProblemKind};
use crate::format::walk::members;
pub use crate::format::walk::{has, member};
use crate::format::walk::{EntryText, Walk, Walker};
use crate::model::BrokenReport;

mod shapes;
mod times;

pub use shapes::{
    level_of_component_status, Affected, Component, Impact, Incident, Page, Source, Status, Update,
    COMPONENT_STATUSES,
};

/// Reads with a path, collecting problems like `decode` does.
#[derive(Default)]
pub struct Reader {
    walk: Walk,
}

impl Walker for Reader {
    fn walk(&self) -> &Walk {
        &self.walk
    }
    fn walk_mut(&mut self) -> &mut Walk {
        &mut self.walk
    }
}

/// Text with Windows line breaks made plain and the ends trimmed.
fn clean_text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_string()
}

impl Reader {
    /// The problems found so far.
    pub fn into_problems(self) -> Vec<Problem> {
        self.walk.problems.finish()
    }

    /// An optional string member; a non-string is an error. Invisible and reordering
    /// characters are removed with a warning, as in hokoku's own files.
    fn opt_string(&mut self, obj: &Node, name: &str) -> Option<String> {
        let node = member(obj, name)?;
        self.in_key(name, |r| match &node.value {
            Value::String(s) => Some(match crate::model::safe::strip_hidden(s) {
                Some(clean) => {
                    r.warn(node.pos, ProblemKind::BidiControlRemoved);
                    clean
                }
                None => s.clone(),
            }),
            _ => {
                r.wrong_type(node, "string");
                None
            }
        })
    }

    /// An optional text member: like `opt_string`, but blank text counts as absent.
    fn opt_text(&mut self, obj: &Node, name: &str) -> Option<String> {
        self.opt_string(obj, name)
            .map(|s| clean_text(&s))
            .filter(|s| !s.is_empty())
    }

    /// An optional instant; a malformed one is an error at its path.
    fn opt_instant(&mut self, obj: &Node, name: &str) -> Option<DateTime<FixedOffset>> {
        let node = member(obj, name)?;
        self.in_key(name, |r| r.instant(node))
    }

    fn instant(&mut self, node: &Node) -> Option<DateTime<FixedOffset>> {
        let Value::String(s) = &node.value else {
            self.wrong_type(node, "string");
            return None;
        };
        match DateTime::parse_from_rfc3339(s) {
            // Reports talk in minutes; fractions of a second would only clutter the export.
            Ok(t) => Some(t.with_nanosecond(0).unwrap_or(t)),
            Err(_) => {
                let kind =
                    if chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").is_ok() {
                        ProblemKind::MissingOffset(s.clone())
                    } else {
                        ProblemKind::BadInstant(s.clone())
                    };
                self.error(node.pos, kind);
                None
            }
        }
    }

    /// A code from a fixed list; an unknown one is a warning (a newer API may add values).
    fn opt_code<T>(
        &mut self,
        obj: &Node,
        name: &str,
        allowed: &'static [&'static str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let node = member(obj, name)?;
        let s = self.opt_string(obj, name)?;
        let v = parse(&s);
        if v.is_none() {
            self.in_key(name, |r| {
                r.warn(node.pos, ProblemKind::NotOneOf { found: s, allowed })
            });
        }
        v
    }

    /// The incidents of a list, each read as one entry: one with errors is left out and
    /// described in `broken`, so one bad incident never sinks a page's whole history.
    fn incidents(
        &mut self,
        items: &[Node],
        maintenance: bool,
        broken: &mut Vec<BrokenReport>,
    ) -> Vec<Incident> {
        const WHAT: EntryText = EntryText {
            id: &["id"],
            title: &["name"],
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match self.entry(i, item, WHAT, |r| r.incident(item, maintenance)) {
                Ok(read) => out.extend(read),
                Err(b) => broken.push(b),
            }
        }
        out
    }

    /// The incidents of an array member (`incidents`, `scheduled_maintenances`).
    fn incident_list(
        &mut self,
        obj: &Node,
        name: &str,
        maintenance: bool,
        broken: &mut Vec<BrokenReport>,
    ) -> Vec<Incident> {
        let Some(node) = member(obj, name) else {
            return Vec::new();
        };
        self.in_key(name, |r| {
            let Value::Array(items) = &node.value else {
                r.wrong_type(node, "array");
                return Vec::new();
            };
            r.incidents(items, maintenance, broken)
        })
    }

    /// How many errors were found so far, kept or only counted.
    pub fn errors(&self) -> u64 {
        self.walk.problems.errors()
    }

    /// The items of an array member, each visited with its index on the path.
    fn each<T>(
        &mut self,
        obj: &Node,
        name: &str,
        mut f: impl FnMut(&mut Self, usize, &Node) -> Option<T>,
    ) -> Option<Vec<T>> {
        let node = member(obj, name)?;
        self.in_key(name, |r| {
            let Value::Array(items) = &node.value else {
                r.wrong_type(node, "array");
                return None;
            };
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                if let Some(v) = r.in_index(i, |r| f(r, i, item)) {
                    out.push(v);
                }
            }
            Some(out)
        })
    }

    pub fn page(&mut self, root: &Node) -> Page {
        let Some(node) = member(root, "page") else {
            return Page::default();
        };
        self.in_key("page", |r| {
            if members(node).is_none() {
                r.wrong_type(node, "object");
                return Page::default();
            }
            Page {
                name: r.opt_text(node, "name"),
                url: r.opt_text(node, "url"),
                time_zone: r.opt_text(node, "time_zone"),
            }
        })
    }

    /// Reads a whole file. The caller has checked `looks_like_statuspage`.
    pub fn source(&mut self, root: &Node) -> Source {
        let mut broken = Vec::new();
        if let Value::Array(items) = &root.value {
            let incidents = self.incidents(items, false, &mut broken);
            return Source {
                incidents,
                is_list: true,
                broken,
                ..Source::default()
            };
        }
        let page = self.page(root);
        if has(root, "incident_updates") {
            // A bare incident object, as the management API returns one.
            let incidents = self.incident(root, false).into_iter().collect();
            return Source {
                page,
                incidents,
                ..Source::default()
            };
        }
        if let Some(node) = member(root, "incident") {
            let incidents = self
                .in_key("incident", |r| r.incident(node, false))
                .into_iter()
                .collect();
            return Source {
                page,
                incidents,
                ..Source::default()
            };
        }
        let components = self
            .each(root, "components", |r, _, n| r.component(n))
            .unwrap_or_default();
        let mut incidents = self.incident_list(root, "incidents", false, &mut broken);
        let maintenances = self.incident_list(root, "scheduled_maintenances", true, &mut broken);
        incidents.extend(maintenances);
        Source {
            page,
            incidents,
            is_list: true,
            components,
            broken,
        }
    }

    fn component(&mut self, node: &Node) -> Option<Component> {
        if members(node).is_none() {
            self.wrong_type(node, "object");
            return None;
        }
        let id = self.opt_text(node, "id");
        let name = self.opt_text(node, "name");
        match (id, name) {
            (Some(id), Some(name)) => Some(Component { id, name }),
            (None, Some(name)) => Some(Component {
                id: name.clone(),
                name,
            }),
            (Some(id), None) => Some(Component {
                name: id.clone(),
                id,
            }),
            (None, None) => {
                self.in_key("name", |r| r.warn(node.pos, ProblemKind::Missing));
                None
            }
        }
    }

    fn incident(&mut self, node: &Node, listed_as_maintenance: bool) -> Option<Incident> {
        if members(node).is_none() {
            self.wrong_type(node, "object");
            return None;
        }
        let id = self.opt_text(node, "id");
        let name = self.opt_string(node, "name");
        let name = match (name, member(node, "name")) {
            (Some(n), Some(at)) if clean_text(&n).is_empty() => {
                self.in_key("name", |r| r.error(at.pos, ProblemKind::EmptyText));
                None
            }
            (Some(n), _) => Some(clean_text(&n)),
            (None, None) => {
                self.in_key("name", |r| r.error(node.pos, ProblemKind::Missing));
                None
            }
            (None, Some(_)) => None,
        };
        let status = self.opt_code(node, "status", Status::CODES, Status::from_code);
        let impact = self.opt_code(node, "impact", Impact::CODES, Impact::from_code);
        let created_at = self.opt_instant(node, "created_at");
        let updated_at = self.opt_instant(node, "updated_at");
        let started_at = self.opt_instant(node, "started_at");
        let monitoring_at = self.opt_instant(node, "monitoring_at");
        let resolved_at = self.opt_instant(node, "resolved_at");
        let scheduled_for = self.opt_instant(node, "scheduled_for");
        let scheduled_until = self.opt_instant(node, "scheduled_until");
        let shortlink = self.opt_text(node, "shortlink");
        let updates = self
            .each(node, "incident_updates", |r, _, n| r.update(n))
            .unwrap_or_default();
        let components = self
            .each(node, "components", |r, _, n| r.component(n))
            .unwrap_or_default();

        let start = started_at
            .or(created_at)
            .or_else(|| updates.iter().map(|u| u.time).min());
        // A malformed time was reported where it is; only a file with no time at all is "missing".
        if start.is_none()
            && member(node, "created_at").is_none()
            && member(node, "started_at").is_none()
        {
            self.in_key("created_at", |r| r.error(node.pos, ProblemKind::Missing));
        }
        let (started_at, created_at, resolved_at) =
            self.consistent_times(node, (started_at, created_at, resolved_at), &updates);
        if let (Some(s), Some(e), Some(at)) = (
            scheduled_for,
            scheduled_until,
            member(node, "scheduled_until"),
        ) {
            if e < s {
                self.in_key("scheduled_until", |r| {
                    r.error(at.pos, ProblemKind::EndBeforeStart)
                });
            }
        }
        let maintenance = listed_as_maintenance
            || scheduled_for.is_some()
            || impact == Some(Impact::Maintenance)
            || status.is_some_and(Status::is_maintenance);
        start?;
        Some(Incident {
            path: self.here(),
            pos: node.pos,
            id,
            name: name?,
            status,
            impact,
            created_at,
            updated_at,
            started_at,
            monitoring_at,
            resolved_at,
            scheduled_for,
            scheduled_until,
            shortlink,
            updates,
            components,
            maintenance,
        })
    }

    fn update(&mut self, node: &Node) -> Option<Update> {
        if members(node).is_none() {
            self.wrong_type(node, "object");
            return None;
        }
        let id = self.opt_text(node, "id");
        let status = self.opt_code(node, "status", Status::CODES, Status::from_code);
        let body = self
            .opt_string(node, "body")
            .map(|b| clean_text(&b))
            .unwrap_or_default();
        let created_at = self.opt_instant(node, "created_at");
        let display_at = self.opt_instant(node, "display_at");
        let time = display_at.or(created_at);
        // Absent or null alike: an update that cannot be placed in time cannot be ordered.
        if member(node, "created_at").is_none() && member(node, "display_at").is_none() {
            self.in_key("created_at", |r| r.error(node.pos, ProblemKind::Missing));
        }
        let affected = self.each(node, "affected_components", |r, _, n| r.affected(n));
        Some(Update {
            id,
            time: time?,
            status,
            body,
            affected,
        })
    }

    fn affected(&mut self, node: &Node) -> Option<Affected> {
        if members(node).is_none() {
            self.wrong_type(node, "object");
            return None;
        }
        let code = self.opt_text(node, "code");
        let name = self.opt_text(node, "name");
        let old = self.opt_code(
            node,
            "old_status",
            COMPONENT_STATUSES,
            level_of_component_status,
        );
        let new = self.opt_code(
            node,
            "new_status",
            COMPONENT_STATUSES,
            level_of_component_status,
        );
        let Some(code) = code.or_else(|| name.clone()) else {
            self.in_key("code", |r| r.warn(node.pos, ProblemKind::Missing));
            return None;
        };
        Some(Affected {
            code,
            name,
            old,
            new,
        })
    }
}
