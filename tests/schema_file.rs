//! The committed JSON Schema (`schema/v1.json`) is the one generated from `hokoku::format::schema`, and
//! it describes every field and code the decoder accepts, no more and no less: the decoder's
//! fields are those of the same raw types the schema is generated from, compared here object by
//! object.
//!
//! Run with `cargo test --features schema --test schema_file`.
#![cfg(feature = "schema")]

use std::collections::{BTreeMap, BTreeSet};

use hokoku::format::vocab;
use serde_json::Value;

const REFRESH: &str = "cargo run --features schema --bin gen-schema > schema/v1.json";

fn committed() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/v1.json");
    std::fs::read_to_string(path).unwrap_or_default()
}

fn schema() -> Value {
    hokoku::format::schema::json_schema()
}

#[test]
fn committed_schema_is_up_to_date() {
    let generated = hokoku::format::schema::json_schema_text();
    assert!(
        committed() == generated,
        "schema/v1.json is out of date with src/format/schema/. Regenerate it:\n    {REFRESH}\n"
    );
}

#[test]
fn schema_has_an_id_a_title_and_is_draft_7() {
    let s = schema();
    assert_eq!(s["$id"], hokoku::format::schema::SCHEMA_ID);
    assert_eq!(s["title"], hokoku::format::schema::SCHEMA_TITLE);
    assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(s["required"], serde_json::json!(["version"]));
    assert_eq!(s["properties"]["version"]["const"], 1);
}

/// Property names of the root and of every definition.
fn objects(s: &Value) -> BTreeMap<String, BTreeSet<String>> {
    let names = |v: &Value| -> BTreeSet<String> {
        v["properties"]
            .as_object()
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut out = BTreeMap::new();
    out.insert("(root)".to_string(), names(s));
    for (name, def) in s["definitions"].as_object().into_iter().flatten() {
        if def.get("properties").is_some() {
            out.insert(name.clone(), names(def));
        }
    }
    out
}

/// Every object of the format as the reader knows it: the fields of its raw type, by the name of
/// its schema definition. The decoder accepts exactly these fields (it opens each object with
/// `object::<raw::T>()`, and in tests every field it reads is checked against `T`'s), so
/// comparing them with the schema compares the reader with the schema.
fn reader_objects() -> BTreeMap<String, BTreeSet<String>> {
    use hokoku::format::schema::{self as raw, fields_of};
    fn names(fields: &[&str]) -> BTreeSet<String> {
        fields.iter().map(|f| f.to_string()).collect()
    }
    [
        ("(root)", names(fields_of::<raw::Document>())),
        ("Entry", names(fields_of::<raw::Entry>())),
        ("Service", names(fields_of::<raw::Service>())),
        ("Actor", names(fields_of::<raw::Actor>())),
        ("Header", names(fields_of::<raw::Header>())),
        ("IssuerDetails", names(fields_of::<raw::IssuerDetails>())),
        ("Contact", names(fields_of::<raw::Contact>())),
        ("Revision", names(fields_of::<raw::Revision>())),
        ("TimeFields", names(fields_of::<raw::TimeFields>())),
        ("Incident", names(fields_of::<raw::Incident>())),
        ("Phase", names(fields_of::<raw::Phase>())),
        ("Scope", names(fields_of::<raw::Scope>())),
        ("CauseDetails", names(fields_of::<raw::CauseDetails>())),
        ("ActionGroup", names(fields_of::<raw::ActionGroup>())),
        ("MeasureDetails", names(fields_of::<raw::MeasureDetails>())),
        ("Section", names(fields_of::<raw::Section>())),
        ("ServiceState", names(fields_of::<raw::ServiceState>())),
        ("Event", names(fields_of::<raw::Event>())),
        ("QuoteDetails", names(fields_of::<raw::QuoteDetails>())),
        ("Letter", names(fields_of::<raw::Letter>())),
    ]
    .into_iter()
    .map(|(name, fields)| (name.to_string(), fields))
    .collect()
}

#[test]
fn every_object_the_reader_accepts_is_an_object_of_the_schema_and_back() {
    let reader = reader_objects();
    assert!(
        reader.values().all(|f| !f.is_empty()),
        "a raw type without field names: {reader:#?}"
    );
    // Field by field: nothing read that the schema does not describe, nothing described that
    // is not read; and no object of the schema the reader does not know.
    assert_eq!(reader, objects(&schema()));
}

/// The codes an enumeration of the schema allows, in order.
fn codes(s: &Value, definition: &str) -> Vec<String> {
    let def = &s["definitions"][definition];
    let from_one_of = def["oneOf"].as_array().map(|variants| {
        variants
            .iter()
            .filter_map(|v| v["const"].as_str().map(str::to_string))
            .collect()
    });
    let from_enum = || {
        def["enum"].as_array().map(|e| {
            e.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
    };
    from_one_of.or_else(from_enum).unwrap_or_default()
}

#[test]
fn enumerations_allow_exactly_the_decoder_codes() {
    let s = schema();
    let pairs: [(&str, &[&str]); 12] = [
        ("ReportKind", vocab::REPORT_KINDS),
        ("Approx", vocab::APPROX_CODES),
        ("PartOfDay", vocab::PART_CODES),
        ("ActorRole", vocab::ROLE_CODES),
        ("ImpactLevel", vocab::LEVEL_CODES),
        ("EventKind", vocab::KIND_CODES),
        ("MeasureStatus", vocab::STATUS_CODES),
        ("Opening", vocab::OPENINGS),
        ("Closing", vocab::CLOSINGS),
        ("LetterItem", vocab::ITEM_CODES),
        ("Calendar", vocab::CALENDARS),
        ("Clock", vocab::CLOCKS),
    ];
    for (definition, decoder) in pairs {
        assert_eq!(codes(&s, definition), decoder, "{definition}");
    }
    assert_eq!(codes(&s, "Lang"), ["ja", "en"]);
}

#[test]
fn every_property_is_described() {
    let s = schema();
    let mut undocumented = Vec::new();
    let check = |owner: &str, v: &Value, undocumented: &mut Vec<String>| {
        for (name, prop) in v["properties"].as_object().into_iter().flatten() {
            if prop["description"].as_str().is_none_or(str::is_empty) {
                undocumented.push(format!("{owner}.{name}"));
            }
        }
    };
    check("(root)", &s, &mut undocumented);
    for (name, def) in s["definitions"].as_object().into_iter().flatten() {
        check(name, def, &mut undocumented);
        if def["description"].as_str().is_none_or(str::is_empty) {
            undocumented.push(name.clone());
        }
    }
    assert!(undocumented.is_empty(), "no description: {undocumented:?}");
}
