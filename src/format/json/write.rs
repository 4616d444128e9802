//! Writing JSON: the app's one JSON writer, so the wasm carries no serde_json (issue 15).
//!
//! [`quote`] writes a string as JSON, byte for byte as serde_json does (the short escapes
//! `\n \t \r \b \f`, `\u00XX` for the other control characters, everything else as it is),
//! and [`to_string_pretty`] writes any `Serialize` value the way `serde_json::to_string_pretty`
//! does (two-space indent, `"key": value`): the normalized export must keep its bytes, and
//! `tests/roundtrip.rs` compares the two writers.
//!
//! The pretty writer covers what the format's raw types (`format::schema`) use: structs,
//! string-keyed maps, sequences, options, strings, integers and unit variants (codes). Anything
//! else is refused with an error rather than written wrongly.

use serde::ser::{self, Impossible, Serialize};
use std::fmt::{self, Write};

/// `s` as a JSON string, with its quotes.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_quoted(&mut out, s);
    out
}

/// Appends `s` to `out` as a JSON string, with its quotes.
pub fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    let mut plain = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\t' => "\\t",
            b'\r' => "\\r",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[plain..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0xf)] as char);
        } else {
            out.push_str(escape);
        }
        plain = i + 1;
    }
    out.push_str(&s[plain..]);
    out.push('"');
}

/// Why a value could not be written: it uses a kind of data the format never has.
#[derive(Debug)]
pub struct Unsupported(String);

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot write as JSON: {}", self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

/// `value` as pretty JSON, exactly as `serde_json::to_string_pretty` writes it.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, Unsupported> {
    let mut w = Pretty {
        out: String::new(),
        indent: 0,
        pretty: true,
        limit: usize::MAX,
    };
    value.serialize(&mut w)?;
    Ok(w.out)
}

/// `value` as compact JSON (as `serde_json::to_string` writes it) when it is at most `limit`
/// bytes; writing stops soon after it passes the limit, so a huge value costs little work.
pub fn to_string_within<T: Serialize + ?Sized>(value: &T, limit: usize) -> Option<String> {
    let mut w = Pretty {
        out: String::new(),
        indent: 0,
        pretty: false,
        limit,
    };
    value.serialize(&mut w).ok()?;
    (w.out.len() <= limit).then_some(w.out)
}

struct Pretty {
    out: String,
    indent: usize,
    /// Newlines and two-space indents, `": "`; otherwise compact.
    pretty: bool,
    /// Writing stops with an error once the text is longer.
    limit: usize,
}

impl Pretty {
    fn open(&mut self, bracket: char) -> Compound<'_> {
        self.out.push(bracket);
        self.indent += 1;
        Compound {
            w: self,
            first: true,
        }
    }

    fn newline(&mut self) {
        if !self.pretty {
            return;
        }
        self.out.push('\n');
        for _ in 0..self.indent {
            self.out.push_str("  ");
        }
    }
}

/// An object or array being written; `first` until its first member.
struct Compound<'a> {
    w: &'a mut Pretty,
    first: bool,
}

impl Pretty {
    fn colon(&mut self) {
        self.out.push_str(if self.pretty { ": " } else { ":" });
    }

    fn within_limit(&self) -> Result<(), Unsupported> {
        if self.out.len() > self.limit {
            return unsupported("more than the limit");
        }
        Ok(())
    }
}

impl Compound<'_> {
    fn next(&mut self) -> Result<(), Unsupported> {
        self.w.within_limit()?;
        if !self.first {
            self.w.out.push(',');
        }
        self.first = false;
        self.w.newline();
        Ok(())
    }

    fn close(self, bracket: char) {
        self.w.indent -= 1;
        if !self.first {
            self.w.newline();
        }
        self.w.out.push(bracket);
    }
}

fn unsupported<T>(what: &str) -> Result<T, Unsupported> {
    Err(Unsupported(what.to_string()))
}

impl<'a> ser::Serializer for &'a mut Pretty {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Impossible<(), Unsupported>;
    type SerializeTupleStruct = Impossible<(), Unsupported>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        let _ = write!(self.out, "{v}");
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        let _ = write!(self.out, "{v}");
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Unsupported> {
        unsupported("a fractional number")
    }
    fn serialize_f64(self, _: f64) -> Result<(), Unsupported> {
        unsupported("a fractional number")
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        push_quoted(&mut self.out, v);
        self.within_limit()
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        unsupported("a tagged enum")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open('['))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        unsupported("a tuple")
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        unsupported("a tuple struct")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        unsupported("a tuple variant")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open('{'))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Unsupported> {
        Ok(self.open('{'))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        unsupported("a struct variant")
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.next()?;
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close(']');
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unsupported> {
        self.next()?;
        // The format's only map (`Impact`) is keyed by service ids, which are strings.
        key.serialize(&mut *self.w)?;
        self.w.colon();
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unsupported> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close('}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.next()?;
        push_quoted(&mut self.w.out, key);
        self.w.colon();
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.close('}');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every: String = (0u8..0x80)
            .map(char::from)
            .chain("é日本\u{2028}😀".chars())
            .collect();
        assert_eq!(quote(&every), serde_json::to_string(&every).unwrap());
        assert_eq!(quote(""), "\"\"");
    }

    #[test]
    fn pretty_output_is_serde_json_s() {
        use std::collections::BTreeMap;
        let mut map = BTreeMap::new();
        map.insert("a", vec![Some(1u32), None]);
        map.insert("b", vec![]);
        map.insert("c\n", vec![Some(3)]);
        let nested = (
            vec![map.clone()],
            Vec::<u8>::new(),
            BTreeMap::<String, u8>::new(),
        );
        assert_eq!(
            to_string_pretty(&map).unwrap(),
            serde_json::to_string_pretty(&map).unwrap()
        );
        let lists = vec![nested.0, vec![], vec![BTreeMap::new()]];
        assert_eq!(
            to_string_pretty(&lists).unwrap(),
            serde_json::to_string_pretty(&lists).unwrap()
        );
        assert!(to_string_pretty(&1.5f64).is_err());
        let compact = serde_json::to_string(&lists).unwrap();
        assert_eq!(
            to_string_within(&lists, usize::MAX).as_ref(),
            Some(&compact)
        );
        assert_eq!(
            to_string_within(&lists, compact.len()),
            Some(compact.clone())
        );
        assert_eq!(to_string_within(&lists, compact.len() - 1), None);
    }
}
