//! Drafts of the edit view, kept in the browser's localStorage so that a reload, a crash or a
//! closed tab loses nothing: one draft per document, saved on every change, listed and
//! discarded from the edit view.
//!
//! Each draft is two items: `hokoku:draft:<key>` holds the text exactly as written, and
//! `hokoku:draft-meta:<key>` a small JSON record (save time, title) so the list never reads
//! the texts. `hokoku:draft-current` names the draft edited last, reopened after a reload.

use serde::{Deserialize, Serialize};

const TEXT_PREFIX: &str = "hokoku:draft:";
const META_PREFIX: &str = "hokoku:draft-meta:";
const CURRENT: &str = "hokoku:draft-current";

/// What the drafts list shows of a draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftMeta {
    #[serde(skip)]
    pub key: String,
    /// Unix ms of the last save.
    pub saved: f64,
    /// The title of the last version that read without error, if any.
    #[serde(default)]
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
    let meta = serde_json::to_string(&meta).unwrap_or_default();
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

fn parse_meta(key: &str, json: &str) -> Option<DraftMeta> {
    let mut meta: DraftMeta = serde_json::from_str(json).ok()?;
    meta.key = key.to_string();
    Some(meta)
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
        let json = serde_json::to_string(&meta).unwrap();
        let back = parse_meta("doc:a", &json).unwrap();
        assert_eq!(back.key, "doc:a");
        assert_eq!(back.title.as_deref(), Some("障害のご報告"));
        assert_eq!(parse_meta("doc:a", "not json"), None);
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
