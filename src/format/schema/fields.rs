//! The field names of a raw object type, read from its serde derive: the one list of what an
//! object of the format may contain, so the decoder accepts exactly what the types (and so the
//! JSON Schema and the writer) describe.
//!
//! serde's derived `Deserialize` hands its field names (renames applied: `$schema`) to the
//! deserializer's `deserialize_struct`. [`fields_of`] asks with a deserializer that only keeps
//! them and reads nothing.

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// The field names of `T`, in declaration order; empty for a type that is not a plain struct
/// (an enum, a map, a short form).
pub fn fields_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    // The error only ends the walk once the names are kept; there is nothing to report.
    let _ = T::deserialize(FieldNames(&mut fields));
    fields
}

/// A deserializer that keeps the field names of a struct and stops there.
struct FieldNames<'a>(&'a mut &'static [&'static str]);

/// Why [`FieldNames`] stopped; carries nothing, so asking costs no allocation (the decoder asks
/// once per object it reads).
#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("only the field names are read")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Stop {
        Stop
    }
}

impl<'de> Deserializer<'de> for FieldNames<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Stop> {
        *self.0 = fields;
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::fields_of;
    use crate::format::schema as raw;

    #[test]
    fn names_come_from_the_types_with_renames() {
        assert_eq!(fields_of::<raw::Service>(), ["id", "name"]);
        assert_eq!(fields_of::<raw::Document>()[0], "$schema");
        assert!(
            fields_of::<raw::TimePoint>().is_empty(),
            "a short form has no names"
        );
    }

    /// An event's time is written inline; its fields must be exactly those of a time object.
    #[test]
    fn an_event_has_every_time_field() {
        let event = fields_of::<raw::Event>();
        for name in fields_of::<raw::TimeFields>() {
            assert!(event.contains(name), "Event lacks the time field {name}");
        }
    }
}
