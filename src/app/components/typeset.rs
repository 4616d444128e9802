//! Text set for Japanese line breaking: the phrases `compose::phrase` finds (times, durations,
//! dates, ids, phone numbers, network ranges) become unbreakable spans, network ranges also in
//! an unambiguous face (`hk-addr`). Everything stays text: nothing from the data becomes markup.

use yew::prelude::*;

use crate::compose::phrase::{runs, RunKind};

/// `text` with its unbreakable phrases wrapped; plain text is passed through as text nodes.
pub fn typeset(text: &str) -> Html {
    let parts = runs(text);
    if parts.iter().all(|(k, _)| *k == RunKind::Plain) {
        return html! { { text.to_string() } };
    }
    html! {
        <>
            { for parts.into_iter().map(|(kind, run)| match kind {
                RunKind::Plain => html! { { run.to_string() } },
                RunKind::Keep => html! { <span class="hk-nobr">{ run.to_string() }</span> },
                RunKind::Address => html! { <span class="hk-nobr hk-addr">{ run.to_string() }</span> },
            }) }
        </>
    }
}
