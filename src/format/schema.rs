//! The incident JSON format, version 1, as serde types: what a file may contain, field by field.
//!
//! These "raw" types describe the input exactly as `decode` reads it, including the short forms
//! people write by hand (a string where an object is also accepted, one string where a list is
//! also accepted). They are used in three ways:
//! - `export` builds them from the model to write normalized JSON (always the long forms);
//! - with the `schema` feature, schemars derives the JSON Schema (`schema/v1.json`) from them, so
//!   the doc comments below are what an editor shows on hover.
//!
//! - the decoder accepts exactly their fields: it opens each object as one of these types and
//!   takes the field names from the type's derived `Deserialize` ([`fields_of`]), so a field
//!   exists in the reader, the schema and the writer as soon as it is declared here, and
//!   `tests/schema_file.rs` compares the two object by object.
//!
//! The values themselves are still read by `decode` from the positioned tree, not by serde: it
//! must report every problem with its path and position, and serde stops at the first.
//!
//! One file per part of the document: `document` (the document, history entries, services and
//! actors), `header`, `time`, `incident`, `timeline`, `letter`; all re-exported here, so a type is
//! named `schema::Header` whatever file it lives in.

/// Where editors can find this schema; also its `$id`.
pub const SCHEMA_ID: &str = "urn:hokoku:incident:v1";

/// Title of the generated schema.
pub const SCHEMA_TITLE: &str = "hokoku incident report, version 1";

mod document;
mod fields;
mod header;
mod incident;
mod letter;
mod time;
mod timeline;

pub use document::*;
pub use fields::fields_of;
pub use header::*;
pub use incident::*;
pub use letter::*;
pub use time::*;
pub use timeline::*;

/// The JSON Schema of the format, as shipped in `schema/v1.json`.
///
/// Draft 7, because it is what every editor's JSON support understands (VS Code, JetBrains,
/// vim/neovim language servers); newer drafts are still partly supported.
#[cfg(feature = "schema")]
pub fn json_schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let schema = generator.into_root_schema_for::<Document>();
    let mut value = schema.to_value();
    if let Some(root) = value.as_object_mut() {
        root.insert("$id".into(), SCHEMA_ID.into());
        root.insert("title".into(), SCHEMA_TITLE.into());
    }
    value
}

/// The schema file's text: pretty JSON with a final newline.
#[cfg(feature = "schema")]
pub fn json_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use super::*;
    use crate::format::vocab;

    fn codes<T: Serialize>(values: &[T]) -> Vec<String> {
        values
            .iter()
            .map(|v| match serde_json::to_value(v) {
                Ok(serde_json::Value::String(s)) => s,
                other => panic!("not a string code: {other:?}"),
            })
            .collect()
    }

    /// The enumerations say exactly what `decode` accepts, in the same order.
    #[test]
    fn codes_match_the_decoder() {
        use ReportKind as K;
        assert_eq!(
            codes(&[K::First, K::Interim, K::Final, K::Recovery]),
            vocab::REPORT_KINDS
        );
        use Approx as A;
        assert_eq!(
            codes(&[A::Exact, A::About, A::After, A::Until, A::Before, A::AsOf]),
            vocab::APPROX_CODES
        );
        use PartOfDay as P;
        let parts = [
            P::EarlyMorning,
            P::Morning,
            P::Noon,
            P::Afternoon,
            P::Evening,
            P::Night,
            P::LateNight,
        ];
        assert_eq!(codes(&parts), vocab::PART_CODES);
        use ActorRole as R;
        let roles = [
            R::Us,
            R::DataCenter,
            R::Vendor,
            R::Monitoring,
            R::Customer,
            R::Other,
        ];
        assert_eq!(codes(&roles), vocab::ROLE_CODES);
        use ImpactLevel as L;
        let levels = [
            L::Outage,
            L::Partial,
            L::Degraded,
            L::Maintenance,
            L::Operational,
        ];
        assert_eq!(codes(&levels), vocab::LEVEL_CODES);
        use EventKind as E;
        let kinds = [
            E::Occurrence,
            E::Detection,
            E::Action,
            E::Notice,
            E::Eta,
            E::Recovery,
            E::Report,
        ];
        assert_eq!(codes(&kinds), vocab::KIND_CODES);
        use MeasureStatus as S;
        assert_eq!(
            codes(&[S::Planned, S::InProgress, S::Done]),
            vocab::STATUS_CODES
        );
        assert_eq!(codes(&[Opening::Haikei, Opening::Kinkei]), vocab::OPENINGS);
        assert_eq!(
            codes(&[Closing::Keigu, Closing::Kinpaku, Closing::Keihaku]),
            vocab::CLOSINGS
        );
        use LetterItem as I;
        let items = [
            I::Period,
            I::Services,
            I::Impact,
            I::Cause,
            I::Actions,
            I::Measures,
            I::Data,
            I::Sections,
            I::Timeline,
        ];
        assert_eq!(codes(&items), vocab::ITEM_CODES);
        assert_eq!(
            codes(&[Calendar::Gregorian, Calendar::Japanese]),
            vocab::CALENDARS
        );
        assert_eq!(codes(&[Clock::H24, Clock::H12, Clock::Hhmm]), vocab::CLOCKS);
        assert_eq!(codes(&[Form::Letter, Form::Notice]), vocab::FORMS);
        assert_eq!(codes(&[Lang::Ja, Lang::En]), ["ja", "en"]);
    }

    #[test]
    fn impact_keeps_the_services_order() {
        let impact = Impact(vec![
            ("web".into(), ImpactLevel::Outage),
            ("api".into(), ImpactLevel::Degraded),
        ]);
        let text = serde_json::to_string(&impact).unwrap_or_default();
        assert_eq!(text, r#"{"web":"outage","api":"degraded"}"#);
    }

    #[test]
    fn unknown_time_and_no_greeting_are_written_as_null() {
        let t = TimeFields {
            at: Some(None),
            ..TimeFields::default()
        };
        assert_eq!(
            serde_json::to_string(&t).unwrap_or_default(),
            r#"{"at":null}"#
        );
        let l = Letter {
            greeting: Some(None),
            ..Letter::default()
        };
        assert_eq!(
            serde_json::to_string(&l).unwrap_or_default(),
            r#"{"greeting":null}"#
        );
    }
}
