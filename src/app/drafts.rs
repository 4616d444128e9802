//! Drafts of the edit view, kept in the browser's localStorage so that a reload, a crash or a
//! closed tab loses nothing: one draft per document, saved on every change, listed and
//! discarded from the edit view.
//!
//! Each draft is two items: `hokoku:draft:<key>` holds the text exactly as written, and
//! `hokoku:draft-meta:<key>` a small JSON record (save time, title) so the list never reads
//! the texts. `hokoku:draft-current` names the draft edited last, reopened after a reload.

use crate::format::json::{self, Value};

const TEXT_PREFIX: &str = "hokoku:draft:";
const META_PREFIX: &str = "hokoku:draft-meta:";
const CURRENT: &str = "hokoku:draft-current";

/// What the drafts list shows of a draft.
/// Stored as `{"saved":1764633600000,"title":"…"}` (the key is the item's name, not stored).
#[derive(Clone, Debug, PartialEq)]
pub struct DraftMeta {
    pub key: String,
    /// Unix ms of the last save.
    pub saved: f64,
    /// The title of the last version that read without error, if any.
    pub title: Option<String>,
}

/// The draft key of a document that was loaded from `source` (file name, URL, "sample").
pub fn key_for_source(source: &str) -> String {
    format!("doc:{source}")
}

/// A key for a new document started from a template at time `now` (Unix ms): never the key of
/// an earlier draft, so starting again never overwrites one.
pub fn key_for_new(template: &str, now: f64) -> String {
    format!("new:{template}:{}", now as u64)
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

/// Saves the text of draft `key`; false when the browser refused (storage full or disabled),
/// which the edit view says, since the writer relies on it.
pub fn save(key: &str, text: &str, title: Option<&str>) -> bool {
    let Some(s) = storage() else { return false };
    let meta = DraftMeta {
        key: key.to_string(),
        saved: now(),
        title: title.map(str::to_string),
    };
    let meta = meta_json(&meta);
    s.set_item(&format!("{TEXT_PREFIX}{key}"), text).is_ok()
        && s.set_item(&format!("{META_PREFIX}{key}"), &meta).is_ok()
        && s.set_item(CURRENT, key).is_ok()
}

pub fn load(key: &str) -> Option<(String, DraftMeta)> {
    let s = storage()?;
    let text = s.get_item(&format!("{TEXT_PREFIX}{key}")).ok()??;
    let meta = s
        .get_item(&format!("{META_PREFIX}{key}"))
        .ok()
        .flatten()
        .and_then(|m| parse_meta(key, &m))
        .unwrap_or(DraftMeta {
            key: key.to_string(),
            saved: 0.0,
            title: None,
        });
    Some((text, meta))
}

/// The draft edited last, if it is still there.
pub fn current() -> Option<String> {
    let key = storage()?.get_item(CURRENT).ok()??;
    load(&key).map(|_| key)
}

pub fn discard(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&format!("{TEXT_PREFIX}{key}"));
        let _ = s.remove_item(&format!("{META_PREFIX}{key}"));
        if s.get_item(CURRENT).ok().flatten().as_deref() == Some(key) {
            let _ = s.remove_item(CURRENT);
        }
    }
}

/// Every draft, newest first.
pub fn list() -> Vec<DraftMeta> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let n = s.length().unwrap_or(0);
    let mut out: Vec<DraftMeta> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| {
            let key = k.strip_prefix(META_PREFIX)?.to_string();
            let meta = s.get_item(&k).ok().flatten()?;
            parse_meta(&key, &meta)
        })
        .collect();
    sort_newest_first(&mut out);
    out
}

/// The stored record of a draft, written with the app's one JSON writer.
fn meta_json(meta: &DraftMeta) -> String {
    let mut out = format!("{{\"saved\":{}", meta.saved);
    if let Some(title) = &meta.title {
        out.push_str(",\"title\":");
        json::write::push_quoted(&mut out, title);
    }
    out.push('}');
    out
}

/// Reads a stored record (also those written before, by serde_json: `"saved":5.0`,
/// `"title":null`); `None` when it is not one.
fn parse_meta(key: &str, text: &str) -> Option<DraftMeta> {
    let Value::Object(members) = json::parse_str(text).ok()?.root.value else {
        return None;
    };
    let field = |name: &str| {
        members
            .iter()
            .find(|(k, _)| k.name == name)
            .map(|(_, v)| &v.value)
    };
    let Some(Value::Number(saved)) = field("saved") else {
        return None;
    };
    let title = match field("title") {
        Some(Value::String(t)) => Some(t.clone()),
        None | Some(Value::Null) => None,
        Some(_) => return None,
    };
    Some(DraftMeta {
        key: key.to_string(),
        saved: *saved,
        title,
    })
}

fn sort_newest_first(drafts: &mut [DraftMeta]) {
    crate::model::sort::sort_by(drafts, |a, b| b.saved.total_cmp(&a.saved));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_per_document_and_new_ones_are_unique() {
        assert_eq!(key_for_source("incident.json"), "doc:incident.json");
        assert_ne!(key_for_new("minimal", 1.0), key_for_new("minimal", 2.0));
    }

    #[test]
    fn meta_round_trips_and_sorts_newest_first() {
        let meta = DraftMeta {
            key: String::new(),
            saved: 5.0,
            title: Some("障害のご報告".into()),
        };
        let json = meta_json(&meta);
        let back = parse_meta("doc:a", &json).unwrap();
        assert_eq!(back.key, "doc:a");
        assert_eq!(back.title.as_deref(), Some("障害のご報告"));
        assert_eq!(parse_meta("doc:a", "not json"), None);
        // Records saved before by serde_json still read.
        let old = parse_meta("doc:b", r#"{"saved":1764633600000.0,"title":"a \"b\""}"#).unwrap();
        assert_eq!(
            (old.saved, old.title.as_deref()),
            (1764633600000.0, Some("a \"b\""))
        );
        let untitled = parse_meta("doc:b", r#"{"saved":5.0,"title":null}"#).unwrap();
        assert_eq!((untitled.saved, untitled.title.as_deref()), (5.0, None));
        assert_eq!(meta_json(&untitled), r#"{"saved":5}"#);
        let mut list = vec![
            DraftMeta {
                saved: 1.0,
                ..back.clone()
            },
            DraftMeta {
                saved: 9.0,
                ..back.clone()
            },
        ];
        sort_newest_first(&mut list);
        assert_eq!(list[0].saved, 9.0);
    }
}
