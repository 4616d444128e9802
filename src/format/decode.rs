//! Positioned JSON tree → validated `Document`, collecting every problem with its path and position.
//!
//! This is the one conversion from input to model. It never stops at the first problem: each
//! field is decoded on its own, a broken field is reported and skipped, and the semantic checks
//! (references, order of times, duplicate ids) run on whatever could be read. The document is
//! returned only when there is no error; warnings travel with it.
//!
//! One file per part of the document, each adding its methods to the one decoder state `Cx`:
//! - `fields`: readers for one value (objects and their unknown or repeated keys, optional and
//!   required members, lists, texts, codes, counts);
//! - `time`: instants, dates, offsets, time points, and the zone guessed when none is given;
//! - `document`: one report or a history, shared and own services and actors, unique ids;
//! - `header`, `incident`, `timeline`, `letter`: those parts of a report.
//!
//! Here: the entry point and the small rules several parts share (generated ids, references to
//! services, comparing periods).
//!
//! Which fields an object may have is not written here: `object::<raw::T>()` takes them from
//! the raw type `T` in `format::schema` (unknown keys are warnings), and in tests reading a name
//! `T` does not declare panics. Adding an optional field therefore takes:
//! 1. the field, with its doc comment, on the raw type in `format/schema/<part>.rs` (the JSON
//!    Schema, the fields the reader accepts and the writer's type all follow; regenerate
//!    `schema/v1.json`);
//! 2. the field on the model type in `model.rs`;
//! 3. one read here, in the part's file: `let x = self.opt(&o, "name", |cx, n| cx.text(n));`
//!    (the value checks: text, date, code, reference…) and the model field set from it;
//! 4. one line in `format/export.rs` writing it back (its struct literals are complete, so the
//!    compiler asks for it);
//! 5. a test: the rule in `tests/decode.rs`, the round trip in `tests/roundtrip.rs`.

use crate::format::json::{Node, Value};
use crate::format::outcome::Outcome;
use crate::format::walk::{Walk, Walker};
use crate::model::*;

mod document;
mod fields;
mod header;
mod incident;
mod letter;
mod states;
mod time;
mod timeline;

pub(super) use fields::Obj;

/// The decoder's state: where it is in the document and what it found so far.
#[derive(Default)]
pub(super) struct Cx {
    pub(super) walk: Walk,
    /// The zone a report states (`zone`), while its parts are read: a wall-clock time without
    /// an offset is read on its clock. `None` when the report states none: such a time is then
    /// an error, as 09:00 in Tokyo and 09:00 in Oregon are different instants.
    pub(super) stated_zone: Option<Zone>,
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
    Outcome::read(document, cx.walk.problems)
}

pub(super) fn id_of(node: &Node) -> Option<&String> {
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
pub(super) fn fill_missing_ids<'a>(ids: impl Iterator<Item = &'a mut String>, prefix: &str) {
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

pub(super) fn service_index(services: &[Service], id: &str) -> Option<usize> {
    services.iter().position(|s| s.id == id)
}

impl Cx {
    /// A service id written in the file, resolved to its index; an unknown id is an error here.
    /// Phases' `unaffected` and events' `services` refer to services the same way.
    pub(super) fn service_ref(&mut self, n: &Node, services: &[Service]) -> Option<usize> {
        let id = self.text(n)?;
        let idx = service_index(services, &id);
        if idx.is_none() {
            self.error(
                n.pos,
                crate::format::problem::ProblemKind::UnknownRef {
                    kind: crate::format::problem::RefKind::Service,
                    id,
                },
            );
        }
        idx
    }
}

pub(super) fn ends_before(p: &Period) -> bool {
    match (p.start.earliest(), p.end.and_then(|e| e.latest())) {
        (Some(s), Some(e)) => e < s,
        _ => false,
    }
}

pub(super) fn outside(inner: &Period, outer: &Period) -> bool {
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
