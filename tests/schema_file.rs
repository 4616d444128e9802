//! The committed JSON Schema (`schema/v1.json`) is the one generated from `hokoku::format::schema`, and
//! it describes every field and code the decoder accepts, no more and no less.
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
        "schema/v1.json is out of date with src/schema.rs. Regenerate it:\n    {REFRESH}\n"
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

/// The quoted strings between the `[` at or after `from` and its `]`.
fn strings_in_list(src: &str, from: usize) -> Vec<String> {
    let Some(open) = src[from..].find('[').map(|i| i + from) else {
        return Vec::new();
    };
    let Some(close) = src[open..].find(']').map(|i| i + open) else {
        return Vec::new();
    };
    src[open..close]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The decoder's source: its parts, one per part of the document.
fn decoder_source() -> String {
    [
        include_str!("../src/format/decode/mod.rs"),
        include_str!("../src/format/decode/fields.rs"),
        include_str!("../src/format/decode/time.rs"),
        include_str!("../src/format/decode/document.rs"),
        include_str!("../src/format/decode/header.rs"),
        include_str!("../src/format/decode/incident.rs"),
        include_str!("../src/format/decode/timeline.rs"),
        include_str!("../src/format/decode/letter.rs"),
    ]
    .concat()
}

/// Field lists of the decoder: its `*_FIELDS` constants and the inline lists given to `object`.
fn decoder_field_lists() -> BTreeMap<String, BTreeSet<String>> {
    let src = &decoder_source();
    let mut lists = BTreeMap::new();
    for (i, _) in src.match_indices("_FIELDS: &[&str] =") {
        let name_start = src[..i].rfind(' ').map_or(0, |s| s + 1);
        let name = format!("{}_FIELDS", &src[name_start..i]);
        lists.insert(
            name,
            strings_in_list(src, i + "_FIELDS: &[&str] =".len())
                .into_iter()
                .collect(),
        );
    }
    for (n, (i, _)) in src.match_indices(".object(").enumerate() {
        let call_end = src[i..].find(')').map_or(src.len(), |e| e + i);
        if let Some(list) = src[i..call_end].find("&[") {
            let fields: BTreeSet<String> = strings_in_list(src, i + list).into_iter().collect();
            if !fields.is_empty() {
                lists.insert(format!("inline object list #{n}"), fields);
            }
        }
    }
    lists
}

/// Names the decoder reads with `opt` / `req` / `get` / `has`.
fn decoder_field_reads() -> BTreeSet<String> {
    let src = &decoder_source();
    let mut names = BTreeSet::new();
    for pattern in [
        "opt(&o, \"",
        "req(&o, \"",
        "opt(obj, \"",
        "req(obj, \"",
        ".get(\"",
        ".has(\"",
    ]
    .iter()
    .chain(
        [
            "opt(&io, \"",
            "req(&io, \"",
            "opt(&ro, \"",
            "req(&ro, \"",
            "opt(&co, \"",
        ]
        .iter(),
    )
    .chain(
        [
            "opt(&qo, \"",
            "req(&qo, \"",
            "opt(&so, \"",
            "req(&so, \"",
            "opt(&obj, \"",
        ]
        .iter(),
    )
    .chain(
        [
            "req(&obj, \"",
            "member(i, \"",
            "member(p, \"",
            "k.name == \"",
        ]
        .iter(),
    ) {
        for (i, _) in src.match_indices(pattern) {
            let start = i + pattern.len();
            if let Some(end) = src[start..].find('"') {
                names.insert(src[start..start + end].to_string());
            }
        }
    }
    names
}

#[test]
fn every_decoder_field_list_is_an_object_of_the_schema() {
    let objects = objects(&schema());
    let lists = decoder_field_lists();
    assert!(
        lists.len() >= 18,
        "found the decoder's field lists: {lists:#?}"
    );
    // The named constants describe these schema objects exactly.
    let named = [
        ("DOCUMENT_FIELDS", "(root)"),
        ("ENTRY_FIELDS", "Entry"),
        ("HEADER_FIELDS", "Header"),
        ("ISSUER_FIELDS", "IssuerDetails"),
        ("CONTACT_FIELDS", "Contact"),
        ("INCIDENT_FIELDS", "Incident"),
        ("PHASE_FIELDS", "Phase"),
        ("EVENT_FIELDS", "Event"),
        ("TIME_FIELDS", "TimeFields"),
        ("LETTER_FIELDS", "Letter"),
    ];
    for (constant, object) in named {
        assert_eq!(
            lists.get(constant),
            objects.get(object),
            "{constant} vs schema {object}"
        );
    }
    // Every inline list (services, actors, revisions, scope, cause, measure, section, quote) is
    // exactly the properties of some schema object.
    for (name, fields) in &lists {
        assert!(
            objects.values().any(|props| props == fields),
            "{name} {fields:?} matches no object of the schema: {objects:#?}"
        );
    }
    // And every schema object is read by the decoder (the impact map is keyed by service ids).
    for (object, props) in &objects {
        assert!(
            lists.values().any(|f| f == props),
            "schema object {object} is not decoded"
        );
    }
}

#[test]
fn every_field_the_decoder_reads_is_in_the_schema() {
    let s = schema();
    let all: BTreeSet<String> = objects(&s).into_values().flatten().collect();
    let reads = decoder_field_reads();
    assert!(reads.len() > 40, "found the decoder's reads: {reads:?}");
    let missing: Vec<_> = reads.difference(&all).collect();
    assert!(
        missing.is_empty(),
        "read by decode.rs but not in the schema: {missing:?}"
    );
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
