//! Completion at the cursor: ids that exist (actors, services, phases) where a reference is
//! written, and the codes the decoder accepts (from [`crate::format::vocab`]) where an
//! enumerated value is written. Works on half-typed text (see [`super::outline`]).

use crate::format::edit::outline::{self, Seg, Spot};
use crate::format::edit::Edit;
use crate::format::vocab;
use crate::model::Document;

/// The ids a document defines, offered where a reference is written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnownIds {
    pub actors: Vec<String>,
    pub services: Vec<String>,
    pub phases: Vec<String>,
}

impl KnownIds {
    /// The ids of the report at `index` of a decoded document (the last good version of the
    /// text: ids added since then are offered once the text reads again).
    pub fn of(doc: &Document, index: usize) -> KnownIds {
        let Some(r) = doc.reports.get(index).or(doc.reports.first()) else {
            return KnownIds::default();
        };
        KnownIds {
            actors: r.actors.iter().map(|a| a.id.clone()).collect(),
            services: r.services.iter().map(|s| s.id.clone()).collect(),
            phases: r.incident.phases.iter().map(|p| p.id.clone()).collect(),
        }
    }
}

/// What can be written at the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    /// What is being completed, for the list's label: `kind`, `actor`, `impact`…
    pub field: String,
    /// Candidates that start with (or else contain) what is typed, in definition order.
    pub candidates: Vec<String>,
    /// Byte range replaced by a chosen candidate.
    pub start: usize,
    pub end: usize,
    /// True when the candidate must be written with its quotes (no string was begun).
    pub quote: bool,
}

impl Completion {
    /// The edit that writes `candidate` (the cursor goes after the value).
    pub fn edit(&self, candidate: &str) -> Edit {
        let insert = if self.quote {
            crate::format::json::write::quote(candidate)
        } else {
            // Inside a string: escape what JSON needs, without the surrounding quotes.
            let quoted = crate::format::json::write::quote(candidate);
            quoted[1..quoted.len() - 1].to_string()
        };
        let closing = if self.quote { 0 } else { 1 };
        Edit {
            start: self.start,
            end: self.end,
            cursor: self.start + insert.len() + closing,
            insert,
        }
    }
}

/// The completion at byte `cursor`, if the cursor is where a known id or code is written.
pub fn complete_at(text: &str, cursor: usize, ids: &KnownIds) -> Option<Completion> {
    let o = outline::scan(text, cursor);
    let cursor = cursor.min(text.len());
    let (start, end, prefix, quote, in_key) = match o.spot {
        Spot::Text { start } | Spot::Key { start } => {
            let end = string_end(text, cursor);
            let prefix = text.get(start..cursor).unwrap_or("");
            (
                start,
                end,
                prefix,
                false,
                matches!(o.spot, Spot::Key { .. }),
            )
        }
        Spot::Value => (cursor, cursor, "", true, false),
        Spot::Other => return None,
    };
    let (field, all) = choices(report_relative(&o.path), in_key, ids)?;
    let typed = prefix.to_lowercase();
    let mut candidates: Vec<String> = all
        .iter()
        .filter(|c| c.to_lowercase().starts_with(&typed))
        .cloned()
        .collect();
    if candidates.is_empty() {
        candidates = all
            .iter()
            .filter(|c| c.to_lowercase().contains(&typed))
            .cloned()
            .collect();
    }
    // Nothing to offer when the value is already complete and the only choice.
    if candidates.is_empty() || (candidates.len() == 1 && candidates[0] == prefix && start < end) {
        return None;
    }
    Some(Completion {
        field,
        candidates,
        start,
        end,
        quote,
    })
}

/// Where the string holding `cursor` ends: before its closing quote, else at the line's end.
fn string_end(text: &str, cursor: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = cursor;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' | b'\n' => return j,
            _ => j += 1,
        }
    }
    text.len()
}

/// A path inside a history entry read as the same path in a one-report file.
fn report_relative(path: &[Seg]) -> &[Seg] {
    match path {
        [Seg::Key(k), Seg::Index(_), rest @ ..] if k == "reports" => rest,
        other => other,
    }
}

fn codes(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn key(seg: &Seg) -> Option<&str> {
    match seg {
        Seg::Key(k) => Some(k),
        Seg::Index(_) => None,
    }
}

/// The field being written and the values it accepts.
fn choices(path: &[Seg], in_key: bool, ids: &KnownIds) -> Option<(String, Vec<String>)> {
    let keys: Vec<Option<&str>> = path.iter().map(key).collect();
    let named = |f: &str, v: Vec<String>| Some((f.to_string(), v));
    if in_key {
        // Keys of a phase's impact map are service ids.
        return match keys.as_slice() {
            [Some("incident"), Some("phases"), None, Some("impact")] => {
                named("impact", ids.services.clone())
            }
            _ => None,
        };
    }
    match keys.as_slice() {
        [Some("lang")] => named("lang", codes(&["ja", "en"])),
        [Some("report"), Some("kind")] => named("kind", codes(vocab::REPORT_KINDS)),
        [Some("timeline"), None, Some("kind")] => named("kind", codes(vocab::KIND_CODES)),
        [Some("timeline"), None, Some("actor")] => named("actor", ids.actors.clone()),
        [Some("timeline"), None, Some("phase")] => named("phase", ids.phases.clone()),
        [Some("timeline"), None, Some("services"), None]
        | [Some("timeline"), None, Some("services")] => named("services", ids.services.clone()),
        [Some("incident"), Some("unaffected"), None] => named("unaffected", ids.services.clone()),
        [Some("incident"), Some("phases"), None, Some("impact"), Some(_)] => {
            named("impact", codes(vocab::LEVEL_CODES))
        }
        [Some("actors"), None, Some("role")] => named("role", codes(vocab::ROLE_CODES)),
        [Some("incident"), Some("measures"), None, Some("status")] => {
            named("status", codes(vocab::STATUS_CODES))
        }
        [Some("letter"), Some("opening")] => named("opening", codes(vocab::OPENINGS)),
        [Some("letter"), Some("closing")] => named("closing", codes(vocab::CLOSINGS)),
        [Some("letter"), Some("items"), None] => named("items", codes(vocab::ITEM_CODES)),
        [Some("letter"), Some("calendar")] => named("calendar", codes(vocab::CALENDARS)),
        [Some("letter"), Some("clock")] => named("clock", codes(vocab::CLOCKS)),
        [.., Some("approx")] => named("approx", codes(vocab::APPROX_CODES)),
        [.., Some("part")] => named("part", codes(vocab::PART_CODES)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::decode_str;

    fn ids() -> KnownIds {
        KnownIds {
            actors: vec!["us".into(), "dc".into()],
            services: vec!["pop".into(), "smtp".into()],
            phases: vec!["p1".into()],
        }
    }

    fn at(text: &str) -> (String, Option<Completion>) {
        let cut = text.find('|').expect("marker");
        let text = text.replacen('|', "", 1);
        let c = complete_at(&text, cut, &ids());
        (text, c)
    }

    #[test]
    fn event_kind_offers_the_decoders_codes() {
        let (text, c) = at(r#"{"timeline": [{"kind": "de|"}]}"#);
        let c = c.expect("completion");
        assert_eq!(c.field, "kind");
        assert_eq!(c.candidates, vec!["detection".to_string()]);
        let edit = c.edit("detection");
        let after = edit.apply(&text);
        assert_eq!(after, r#"{"timeline": [{"kind": "detection"}]}"#);
        assert_eq!(&after[edit.cursor..], "}]}");
    }

    #[test]
    fn report_kind_is_not_event_kind() {
        let (_, c) = at(r#"{"report": {"kind": "|"#);
        assert_eq!(
            c.expect("completion").candidates,
            codes(vocab::REPORT_KINDS)
        );
    }

    #[test]
    fn references_offer_existing_ids() {
        let (_, c) = at(r#"{"timeline": [{"actor": "|"}]}"#);
        assert_eq!(c.expect("actor").candidates, vec!["us", "dc"]);
        let (_, c) = at(r#"{"incident": {"phases": [{"impact": {"|": "outage"}}]}}"#);
        assert_eq!(c.expect("impact key").candidates, vec!["pop", "smtp"]);
        let (_, c) = at(r#"{"incident": {"phases": [{"impact": {"pop": "o|"}}]}}"#);
        assert_eq!(c.expect("level").candidates, vec!["outage", "operational"]);
        let (_, c) = at(r#"{"timeline": [{"services": ["s|"]}]}"#);
        assert_eq!(c.expect("services").candidates, vec!["smtp"]);
    }

    #[test]
    fn a_value_slot_gets_a_quoted_value() {
        let (text, c) = at("{\"letter\": {\"items\": [\"period\", |\n]}}");
        let c = c.expect("items");
        assert!(c.quote);
        assert_eq!(c.candidates, codes(vocab::ITEM_CODES));
        let after = c.edit("cause").apply(&text);
        assert!(after.contains(r#"["period", "cause""#), "{after}");
    }

    #[test]
    fn history_entries_complete_like_a_report() {
        let (_, c) = at(r#"{"reports": [{"timeline": [{"approx": "ab|"}]}]}"#);
        assert_eq!(c.expect("approx").candidates, vec!["about"]);
    }

    #[test]
    fn free_text_and_complete_values_offer_nothing() {
        assert_eq!(at(r#"{"timeline": [{"text": "de|"}]}"#).1, None);
        assert_eq!(at(r#"{"lang": "ja|"}"#).1, None);
        assert_eq!(at(r#"{"lang": 1|}"#).1, None);
    }

    #[test]
    fn ids_come_from_the_decoded_document() {
        let doc = decode_str(include_str!("../../../examples/sample.json"))
            .document
            .expect("sample decodes");
        let ids = KnownIds::of(&doc, 0);
        assert!(!ids.actors.is_empty() && !ids.services.is_empty() && !ids.phases.is_empty());
    }
}
