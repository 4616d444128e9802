//! Walking a positioned JSON tree with a path: where the reader is (`incident.phases[2].end`),
//! and the problems found there, each with that path and a line and column.
//!
//! Shared by the hokoku decoder and the Statuspage reader, so both name places the same way.
//! A reader type holds a [`Walk`] and implements [`Walker`]; the provided methods step into a
//! key or an index for the length of a closure and record problems at the current path.
//!
//! Problems are collected in a bounded [`Problems`] list: a file with 100,000 wrong values must
//! not cost 100,000 paths, messages and list items. Every kind is kept, the first
//! [`KEPT_PER_KIND`] of each with path and position, and the exact count of the rest.

use std::collections::HashSet;

use crate::format::json::{Key, Node, Pos, Value};
use crate::format::problem::{Problem, ProblemKind, Severity, KEPT_PER_KIND};
use crate::model::BrokenReport;

/// A bounded problem list: every kind, the first [`KEPT_PER_KIND`] of each, exact counts.
#[derive(Debug, Default)]
pub struct Problems {
    kept: Vec<Problem>,
    /// How many of each (severity, code) were found, kept or not. A few dozen kinds at most,
    /// so a plain list is the fastest map.
    counts: Vec<((Severity, &'static str), u64)>,
}

impl Problems {
    fn slot(&mut self, severity: Severity, code: &'static str) -> &mut u64 {
        let i = match self.counts.iter().position(|(k, _)| *k == (severity, code)) {
            Some(i) => i,
            None => {
                self.counts.push(((severity, code), 0));
                self.counts.len() - 1
            }
        };
        &mut self.counts[i].1
    }

    /// Whether one more problem of this kind would be kept (so its path is worth building).
    pub fn wants(&self, severity: Severity, kind: &ProblemKind) -> bool {
        let code = kind.code();
        self.counts
            .iter()
            .find(|(k, _)| *k == (severity, code))
            .is_none_or(|(_, n)| *n < KEPT_PER_KIND as u64)
    }

    /// Counts one problem whose details are not kept (see [`Problems::wants`]).
    pub fn count(&mut self, severity: Severity, kind: &ProblemKind) {
        *self.slot(severity, kind.code()) += 1;
    }

    /// Records a problem: kept when its kind has room, counted always.
    pub fn push(&mut self, problem: Problem) {
        let n = self.slot(problem.severity, problem.kind.code());
        *n += 1;
        if *n <= KEPT_PER_KIND as u64 {
            self.kept.push(problem);
        }
    }

    /// How many were found in all, kept or not.
    pub fn total(&self) -> u64 {
        self.counts.iter().map(|(_, n)| n).sum()
    }

    /// How many errors were found in all, kept or only counted: compared before and after one
    /// entry of a history, it says whether that entry has errors.
    pub fn errors(&self) -> u64 {
        self.counts
            .iter()
            .filter(|((s, _), _)| *s == Severity::Error)
            .map(|(_, n)| n)
            .sum()
    }

    pub fn has_error(&self) -> bool {
        self.counts.iter().any(|((s, _), _)| *s == Severity::Error)
    }

    /// The kept problems in the order found, each kind that overflowed followed (after its last
    /// kept problem) by one [`ProblemKind::More`] with the exact number left out.
    pub fn finish(self) -> Vec<Problem> {
        let mut out = Vec::with_capacity(self.kept.len() + self.counts.len());
        let mut seen: Vec<((Severity, &'static str), u64)> = Vec::new();
        for p in self.kept {
            let key = (p.severity, p.kind.code());
            let n = match seen.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => n,
                None => {
                    seen.push((key, 0));
                    &mut seen.last_mut().expect("just pushed").1
                }
            };
            *n += 1;
            let last_kept = *n == KEPT_PER_KIND as u64;
            out.push(p);
            if last_kept {
                let total = self
                    .counts
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map_or(0, |(_, n)| *n);
                if total > KEPT_PER_KIND as u64 {
                    out.push(Problem {
                        severity: key.0,
                        path: String::new(),
                        pos: None,
                        kind: ProblemKind::More {
                            code: key.1,
                            count: total - KEPT_PER_KIND as u64,
                        },
                    });
                }
            }
        }
        out
    }
}

#[derive(Clone, Debug)]
enum Seg {
    Key(String),
    Index(usize),
}

/// The current path and the problems collected so far.
#[derive(Debug, Default)]
pub struct Walk {
    path: Vec<Seg>,
    pub problems: Problems,
}

impl Walk {
    /// The current path as written in messages: `reports[0].incident.phases[2].end`.
    pub fn here(&self) -> String {
        let mut s = String::new();
        for seg in &self.path {
            match seg {
                Seg::Key(k) => {
                    if !s.is_empty() {
                        s.push('.');
                    }
                    s.push_str(k);
                }
                Seg::Index(i) => {
                    s.push('[');
                    s.push_str(&i.to_string());
                    s.push(']');
                }
            }
        }
        s
    }
}

/// A reader that walks a tree. Implementors give access to their [`Walk`]; the rest is provided.
pub trait Walker: Sized {
    fn walk(&self) -> &Walk;
    fn walk_mut(&mut self) -> &mut Walk;

    fn here(&self) -> String {
        self.walk().here()
    }

    fn error(&mut self, pos: Pos, kind: ProblemKind) {
        self.record(Severity::Error, pos, kind);
    }

    fn warn(&mut self, pos: Pos, kind: ProblemKind) {
        self.record(Severity::Warning, pos, kind);
    }

    /// A problem at the current path; beyond the kept ones of its kind only counted, so a flood
    /// costs no path strings.
    fn record(&mut self, severity: Severity, pos: Pos, kind: ProblemKind) {
        if !self.walk().problems.wants(severity, &kind) {
            self.walk_mut().problems.count(severity, &kind);
            return;
        }
        let path = self.here();
        self.walk_mut().problems.push(Problem {
            severity,
            path,
            pos: Some(pos),
            kind,
        });
    }

    /// Runs `f` with `key` appended to the path.
    fn in_key<T>(&mut self, key: &str, f: impl FnOnce(&mut Self) -> T) -> T {
        self.walk_mut().path.push(Seg::Key(key.to_string()));
        let r = f(self);
        self.walk_mut().path.pop();
        r
    }

    /// Runs `f` with `[i]` appended to the path.
    fn in_index<T>(&mut self, i: usize, f: impl FnOnce(&mut Self) -> T) -> T {
        self.walk_mut().path.push(Seg::Index(i));
        let r = f(self);
        self.walk_mut().path.pop();
        r
    }

    /// Reads entry `i` of a list of reports with `f`: one bad report never sinks a history, so
    /// an entry with errors is not returned but described (`what` names its id and title
    /// members) for the history to list beside its problems.
    fn entry<T>(
        &mut self,
        i: usize,
        node: &Node,
        what: EntryText,
        f: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Result<Option<T>, BrokenReport> {
        let before = self.walk().problems.errors();
        let read = self.in_index(i, f);
        let errors = self.walk().problems.errors() - before;
        if errors == 0 {
            return Ok(read);
        }
        self.walk_mut().path.push(Seg::Index(i));
        let path = self.here();
        self.walk_mut().path.pop();
        Err(BrokenReport {
            path,
            id: text_at(node, what.id),
            title: text_at(node, what.title),
            errors,
        })
    }

    /// Records that `node` is not of the `expected` type.
    fn wrong_type(&mut self, node: &Node, expected: &'static str) {
        self.error(
            node.pos,
            ProblemKind::WrongType {
                expected,
                found: node.type_name(),
            },
        );
    }
}

/// Where an entry of a list of reports writes its id and title (member names, outermost first).
#[derive(Clone, Copy, Debug)]
pub struct EntryText {
    pub id: &'static [&'static str],
    pub title: &'static [&'static str],
}

/// The string at a path of member names, when there is one (a number id is written as is).
pub fn text_at(node: &Node, keys: &[&str]) -> Option<String> {
    let mut n = node;
    for k in keys {
        n = member(n, k)?;
    }
    match &n.value {
        Value::String(s) => Some(s.clone()),
        Value::Number(v) => Some(v.to_string()),
        _ => None,
    }
}

/// For each member, whether an earlier member has the same name. Linear in the number of
/// members (a hostile object has 50,000 keys); small objects are compared directly.
pub fn repeated_keys(members: &[(Key, Node)]) -> Vec<bool> {
    if members.len() <= 16 {
        return (0..members.len())
            .map(|i| {
                members[..i]
                    .iter()
                    .any(|(k, _)| k.name == members[i].0.name)
            })
            .collect();
    }
    let mut seen: HashSet<&str> = HashSet::with_capacity(members.len());
    members.iter().map(|(k, _)| !seen.insert(&k.name)).collect()
}

/// The members of an object node, or `None` for any other value.
pub fn members(node: &Node) -> Option<&[(Key, Node)]> {
    match &node.value {
        Value::Object(m) => Some(m),
        _ => None,
    }
}

/// A member by name; `null` counts as absent (optional fields may be written as null).
pub fn member<'n>(node: &'n Node, name: &str) -> Option<&'n Node> {
    members(node)?
        .iter()
        .find(|(k, _)| k.name == name)
        .map(|(_, v)| v)
        .filter(|v| v.value != Value::Null)
}

/// Whether an object has a member of that name, null or not.
pub fn has(node: &Node, name: &str) -> bool {
    members(node).is_some_and(|m| m.iter().any(|(k, _)| k.name == name))
}
