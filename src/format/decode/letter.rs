//! The letter options (`letter`): opening and closing words (paired), greeting, body, closing
//! paragraph, the items of the 記 part and the date style.

use super::*;
use crate::format::json::Node;
use crate::format::problem::ProblemKind;
use crate::format::schema as raw;
use crate::format::vocab::*;
use crate::format::walk::Walker;

impl Cx {
    pub(super) fn letter(&mut self, node: &Node) -> Option<LetterOptions> {
        let o = self.object::<raw::Letter>(node)?;
        let form = self.opt(&o, "form", |cx, n| cx.one_of(n, FORMS, form_from_code));
        let opening = self.opt(&o, "opening", |cx, n| {
            cx.one_of(n, OPENINGS, opening_from_text)
        });
        let opening = opening.unwrap_or_default();
        let closing = self.opt(&o, "closing", |cx, n| {
            let c = cx.one_of(n, CLOSINGS, closing_from_text)?;
            if !opening.accepts(c) {
                let used = opening.default_closing();
                cx.warn(
                    n.pos,
                    ProblemKind::ClosingMismatch {
                        opening: opening.text(),
                        closing: c.text(),
                        used: used.text(),
                    },
                );
                return Some(used);
            }
            Some(c)
        });
        let greeting = if o.has("greeting") && o.get("greeting").is_none() {
            Some(None) // explicit null: no greeting line
        } else {
            self.opt(&o, "greeting", |cx, n| cx.text(n)).map(Some)
        };
        let body = self
            .opt(&o, "body", |cx, n| cx.texts(n))
            .unwrap_or_default();
        let closing_paragraph = self.opt(&o, "closing_paragraph", |cx, n| cx.text(n));
        let items = self.opt(&o, "items", |cx, n| {
            let list = cx.list(n, |cx, n| cx.one_of(n, ITEM_CODES, LetterItem::from_code))?;
            let mut seen = Vec::new();
            for item in list {
                if !seen.contains(&item) {
                    seen.push(item);
                }
            }
            Some(seen)
        });
        let calendar = self.opt(&o, "calendar", |cx, n| {
            cx.one_of(n, CALENDARS, |s| match s {
                "gregorian" => Some(Calendar::Gregorian),
                "japanese" => Some(Calendar::Japanese),
                _ => None,
            })
        });
        let clock = self.opt(&o, "clock", |cx, n| cx.one_of(n, CLOCKS, clock_from_code));
        Some(LetterOptions {
            form: form.unwrap_or_default(),
            opening,
            closing: closing.unwrap_or_else(|| opening.default_closing()),
            greeting,
            body,
            closing_paragraph,
            items: items.unwrap_or_else(|| LetterItem::DEFAULT_ORDER.to_vec()),
            date_style: DateStyle {
                calendar: calendar.unwrap_or_default(),
                clock: clock.unwrap_or_default(),
            },
        })
    }
}

impl LetterOptions {
    pub fn default_for() -> LetterOptions {
        LetterOptions {
            items: LetterItem::DEFAULT_ORDER.to_vec(),
            ..LetterOptions::default()
        }
    }
}
