//! Walking a positioned JSON tree with a path: where the reader is (`incident.phases[2].end`),
//! and the problems found there, each with that path and a line and column.
//!
//! Shared by the hokoku decoder and the Statuspage reader, so both name places the same way.
//! A reader type holds a [`Walk`] and implements [`Walker`]; the provided methods step into a
//! key or an index for the length of a closure and record problems at the current path.

use crate::format::json::{Key, Node, Pos, Value};
use crate::format::problem::{Problem, ProblemKind};

#[derive(Clone, Debug)]
enum Seg {
    Key(String),
    Index(usize),
}

/// The current path and the problems collected so far.
#[derive(Debug, Default)]
pub struct Walk {
    path: Vec<Seg>,
    pub problems: Vec<Problem>,
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
        let here = self.here();
        self.walk_mut()
            .problems
            .push(Problem::error(here, Some(pos), kind));
    }

    fn warn(&mut self, pos: Pos, kind: ProblemKind) {
        let here = self.here();
        self.walk_mut()
            .problems
            .push(Problem::warning(here, Some(pos), kind));
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
