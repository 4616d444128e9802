//! The history entries that could not be opened: listed apart from the reports (they are in no
//! figure), each with its title and id as the file writes them, how many errors it has and a
//! button that brings its group of the problems panel into view.

use yew::prelude::*;

use crate::app::components::problems::group_id;
use crate::model::i18n::tr;
use crate::model::long::{clipped, TITLE_CHARS};
use crate::model::{BrokenReport, Lang};

/// Scrolls to and focuses the problems of one entry (a button, not a `#` link: the fragment
/// is the app's deep link).
fn show_problems(path: &str) -> Callback<MouseEvent> {
    let id = group_id(path);
    Callback::from(move |_| {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
        else {
            return;
        };
        el.scroll_into_view();
        let _ = el.set_attribute("tabindex", "-1");
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    })
}

/// How many unopened entries are listed one by one; the rest are counted (a file whose every
/// entry is broken must not cost a node per entry; the problems panel is bounded too).
pub const LISTED: usize = 50;

pub(super) fn broken_list(broken: &[BrokenReport], lang: Lang) -> Html {
    if broken.is_empty() {
        return Html::default();
    }
    let more = broken.len().saturating_sub(LISTED);
    let items = broken.iter().take(LISTED).map(|b| {
        let title = b
            .title
            .as_deref()
            .map(|t| clipped(t, TITLE_CHARS))
            .unwrap_or_else(|| tr(lang, "（件名なし）", "(no title)").to_string());
        let errors = match lang {
            Lang::Ja => format!("エラー{}件", b.errors),
            Lang::En if b.errors == 1 => "1 error".to_string(),
            Lang::En => format!("{} errors", b.errors),
        };
        html! {
            <li class="hk-history__broken-item" data-testid="history-broken" data-entry={b.path.clone()}>
                <span class="hk-history__broken-title">{ title }</span>
                <code class="hk-history__broken-where">{ b.path.clone() }</code>
                if let Some(id) = &b.id {
                    <code class="hk-history__broken-id">{ clipped(id, TITLE_CHARS) }</code>
                }
                <button type="button" class="hk-history__broken-show" onclick={show_problems(&b.path)}>
                    { format!("{errors}{}", tr(lang, "を見る", ": show")) }
                </button>
            </li>
        }
    });
    html! {
        <section class="hk-history__broken" data-testid="history-broken-list"
            aria-labelledby="hk-history-broken-heading">
            <h3 id="hk-history-broken-heading" class="hk-history__broken-heading">
                { match lang {
                    Lang::Ja => format!("開けない報告（{}件、一覧と集計から除外）", broken.len()),
                    Lang::En => format!("Reports that could not be opened ({}, left out of the list and the figures)", broken.len()),
                } }
            </h3>
            <ul class="hk-history__broken-list">{ for items }</ul>
            if more > 0 {
                <p class="hk-history__broken-more">
                    { match lang {
                        Lang::Ja => format!("ほか{more}件（問題の一覧を参照）"),
                        Lang::En => format!("and {more} more (see the list of problems)"),
                    } }
                </p>
            }
        </section>
    }
}
