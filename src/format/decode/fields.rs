//! The decoder's readers for one value: objects (with their unknown and duplicate keys), optional
//! and required members, lists, texts, codes and counts. Every reader records its problem at the
//! current path and returns `None`, so the caller goes on with the next field.

use serde::de::DeserializeOwned;

use super::*;
use crate::format::json::{self, Node, Value};
use crate::format::problem::ProblemKind;
use crate::format::schema as raw;
use crate::format::walk::Walker;

/// An object whose unknown and duplicate keys have been reported.
pub(crate) struct Obj<'n> {
    pub(super) node: &'n Node,
    pub(super) members: &'n [(json::Key, Node)],
    /// The fields of its raw type; `None` for a map keyed by ids.
    known: Option<&'static [&'static str]>,
}

impl<'n> Obj<'n> {
    /// A member, treating `null` as absent (optional fields may be written as null).
    pub(super) fn get(&self, name: &str) -> Option<&'n Node> {
        self.declared(name);
        self.members
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(_, v)| v)
            .filter(|v| v.value != Value::Null)
    }

    pub(super) fn has(&self, name: &str) -> bool {
        self.declared(name);
        self.members.iter().any(|(k, _)| k.name == name)
    }

    /// The decoder reads only what the raw type declares: a field read here but missing from
    /// `schema` would be accepted by the reader yet warned about as unknown, and absent from
    /// the JSON Schema and the writer. Every test run that reads an object checks it.
    fn declared(&self, name: &str) {
        debug_assert!(
            self.known.is_none_or(|k| k.contains(&name)),
            "the decoder reads `{name}`, which its raw type in format::schema does not declare"
        );
    }
}

impl Cx {
    /// Checks that `node` is an object of the raw type `T` (the fields it may have come from
    /// `format::schema`), reporting unknown and duplicate keys.
    pub(super) fn object<'n, T: DeserializeOwned>(&mut self, node: &'n Node) -> Option<Obj<'n>> {
        self.object_with(node, Some(raw::fields_of::<T>()))
    }

    /// `known: None` accepts any key (maps keyed by id).
    pub(super) fn object_with<'n>(
        &mut self,
        node: &'n Node,
        known: Option<&'static [&'static str]>,
    ) -> Option<Obj<'n>> {
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
        Some(Obj {
            node,
            members,
            known,
        })
    }

    /// An optional field; `None` when absent, null, or broken (the problem is recorded).
    pub(super) fn opt<'n, T>(
        &mut self,
        obj: &Obj<'n>,
        name: &str,
        f: impl FnOnce(&mut Self, &'n Node) -> Option<T>,
    ) -> Option<T> {
        let node = obj.get(name)?;
        self.in_key(name, |cx| f(cx, node))
    }

    /// A required field: absence or null is an error.
    pub(super) fn req<'n, T>(
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

    pub(super) fn list<'n, T>(
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
    pub(super) fn list_indexed<'n, T>(
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
    pub(super) fn texts(&mut self, node: &Node) -> Option<Vec<String>> {
        if let Value::String(_) = node.value {
            return self.text(node).map(|t| vec![t]);
        }
        if !matches!(node.value, Value::Array(_)) {
            self.wrong_type(node, "string or array");
            return None;
        }
        self.list(node, |cx, n| cx.text(n))
    }

    /// A list of short items (network ranges, who was excluded): like `texts`, but one string
    /// that lists several with 、 (「203.0.113.0/24、198.51.100.0/24」) is kept as written and
    /// warned about, since it would print as one item.
    pub(super) fn item_texts(&mut self, node: &Node) -> Option<Vec<String>> {
        if let Value::String(s) = &node.value {
            if s.contains('、') && !s.contains('。') {
                self.warn(node.pos, ProblemKind::ListInOneString(s.clone()));
            }
        }
        self.texts(node)
    }

    /// Non-empty text.
    pub(super) fn text(&mut self, node: &Node) -> Option<String> {
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

    pub(super) fn string_any(&mut self, node: &Node) -> Option<String> {
        match &node.value {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.wrong_type(node, "string");
                None
            }
        }
    }

    pub(super) fn one_of<T>(
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

    pub(super) fn count(&mut self, node: &Node, min: i64, max: i64) -> Option<u64> {
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
}
