//! A structured `Text` as elements: paragraphs, bulleted lists, emphasis, links. Every piece
//! of it is a text node (set through `typeset`); nothing from the data becomes markup, and a
//! link's `href` is an http(s) URL the model has already checked.
//!
//! Two forms: `rich_text` for flow content (`<p>`, `<ul>`, `<a>`), and `rich_phrasing` for a
//! place that may only hold phrasing content without links, such as a button's label (the
//! timeline list): the same structure in `<span>`s, links as their label. `feed_text` is
//! `rich_text` without the line-breaking spans, for feed readers that set their own text.

use yew::prelude::*;

use super::typeset::typeset;
use crate::model::text::{Block, Inline};
use crate::model::Text;

/// Paragraphs as `<p>`, lists as `<ul>`, links as `<a>` followed by their URL for print
/// (`hk-text__url`, shown on paper where the link cannot be followed).
pub fn rich_text(text: &Text) -> Html {
    flow(text, typeset)
}

/// `rich_text` with plain text nodes only (no `typeset` spans): an Atom entry's content.
pub fn feed_text(text: &Text) -> Html {
    flow(text, |s| html! { { s.to_string() } })
}

fn flow(text: &Text, set: fn(&str) -> Html) -> Html {
    let blocks = text.blocks.iter().map(|block| match block {
        Block::Paragraph(inlines) => {
            html! { <p class="hk-text__p">{ line_pieces(inlines, true, set) }</p> }
        }
        Block::List(items) => html! {
            <ul class="hk-text__list">
                { for items.iter().map(|item| html! { <li>{ line_pieces(item, true, set) }</li> }) }
            </ul>
        },
    });
    html! { <div class="hk-text">{ for blocks }</div> }
}

/// The same structure in spans (styled as blocks), links as their label only.
pub fn rich_phrasing(text: &Text) -> Html {
    let blocks = text.blocks.iter().map(|block| match block {
        Block::Paragraph(inlines) => {
            html! { <span class="hk-text__p">{ line_pieces(inlines, false, typeset) }</span> }
        }
        Block::List(items) => html! {
            <span class="hk-text__list" role="list">
                { for items.iter().map(|item| html! {
                    <span class="hk-text__item" role="listitem">{ line_pieces(item, false, typeset) }</span>
                }) }
            </span>
        },
    });
    html! { <span class="hk-text">{ for blocks }</span> }
}

fn line_pieces(inlines: &[Inline], links: bool, set: fn(&str) -> Html) -> Html {
    html! {
        <>
            { for inlines.iter().map(|inline| match inline {
                Inline::Plain(s) => set(s),
                Inline::Emphasis(s) => html! { <strong>{ set(s) }</strong> },
                Inline::Break => html! { <br /> },
                Inline::Link { label, url } if links => html! {
                    <>
                        <a class="hk-text__link" href={url.clone()} rel="noopener noreferrer">{ label.clone() }</a>
                        if label != url {
                            <span class="hk-text__url">{ format!(" ({url})") }</span>
                        }
                    </>
                },
                Inline::Link { label, .. } => html! { <span class="hk-text__link">{ label.clone() }</span> },
            }) }
        </>
    }
}
