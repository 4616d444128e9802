//! Prints the JSON Schema of the incident format (generated from `hokoku::format::schema`).
//!
//! `cargo run --features schema --bin gen-schema > schema/v1.json` refreshes the committed file;
//! `tests/schema_file.rs` fails when it is out of date.

fn main() {
    print!("{}", hokoku::format::schema::json_schema_text());
}
