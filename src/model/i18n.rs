//! Interface language: the document's `lang`, overridable with `?lang=`.
//!
//! Strings stay next to the component that shows them (`tr(lang, "…", "…")`) so a reader sees
//! both languages at once and nothing can be missing from a table kept elsewhere.

use crate::model::Lang;

/// Picks the Japanese or the English text.
pub fn tr(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}
