//! Reading and writing incident files: the positioned JSON parser, the hokoku decoder, the
//! Statuspage importer, the problem type, the raw serde types behind the JSON Schema, and the
//! normalized JSON writer. No yew; everything here is tested natively.
//!
//! Data flows one way: text → [`json`] (a tree with positions) → [`decode`] or [`import`]
//! (the validated [`crate::model`], with every [`problem`]) → [`export`] (normalized JSON, via
//! the [`schema`] types). [`read`] is the entry point that picks the decoder or the importer.
//!
//! The [`schema`] types are the one description of the format's objects: the JSON Schema is
//! generated from them, the writer builds them, and the decoder accepts exactly their fields
//! ([`schema::fields_of`]). The decoder ([`decode`]) and the types are split the same way, one
//! file per part of the document (document, header, time, incident, timeline, letter).

pub mod decode;
pub mod edit;
pub mod encoding;
pub mod export;
pub mod import;
pub mod json;
pub mod outcome;
pub mod plausible;
pub mod pos;
pub mod problem;
pub mod read;
pub mod schema;
pub mod vocab;
pub mod walk;

pub use outcome::Outcome;
pub use read::{
    decode_bytes, decode_bytes_in, decode_bytes_with, decode_bytes_with_in, decode_str,
    decode_str_in, MAX_BYTES,
};
