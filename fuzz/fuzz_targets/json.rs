//! Fuzz target: the positioned JSON parser alone, checked against serde_json.
//!
//! Nothing may panic, and any text serde_json accepts (valid UTF-8, no BOM, depth within both
//! limits) must be accepted by `json::parse_bytes` with the same values: rejecting valid JSON would
//! refuse a good report.
#![no_main]

use hokoku::format::json::{parse_bytes, Node, Value};
use libfuzzer_sys::fuzz_target;

/// Our tree as serde_json's, with the last of duplicate keys winning as serde_json does.
fn to_serde(node: &Node) -> serde_json::Value {
    match &node.value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(n) => serde_json::Value::from(*n),
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect()),
        Value::Object(members) => {
            let mut map = serde_json::Map::new();
            for (k, v) in members {
                map.insert(k.name.clone(), to_serde(v));
            }
            serde_json::Value::Object(map)
        }
    }
}

/// serde_json's value with every number as f64, the only number type the parser keeps.
fn numbers_as_f64(v: serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Number(n) => n.as_f64().map(serde_json::Value::from).unwrap_or(serde_json::Value::Null),
        serde_json::Value::Array(a) => serde_json::Value::Array(a.into_iter().map(numbers_as_f64).collect()),
        serde_json::Value::Object(m) => {
            serde_json::Value::Object(m.into_iter().map(|(k, v)| (k, numbers_as_f64(v))).collect())
        }
        other => other,
    }
}

fuzz_target!(|data: &[u8]| {
    let ours = parse_bytes(data);
    if data.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return;
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(theirs) = serde_json::from_str::<serde_json::Value>(text) else { return };
    match ours {
        Ok(parsed) => {
            assert_eq!(to_serde(&parsed.root), numbers_as_f64(theirs), "values differ");
        }
        Err(e) => panic!("serde_json accepts but parse_bytes says {e}"),
    }
});
