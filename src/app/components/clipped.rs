//! A very long text shown shortened, with its full text on demand (a button), so a 19 MB title
//! does not freeze the page: the full text is only put in the page when asked for.

use yew::prelude::*;

use crate::format::problem::grouped;
use crate::model::i18n::tr;
use crate::model::long::clip;
use crate::model::Lang;

#[derive(Properties, PartialEq)]
pub struct ClippedProps {
    pub text: AttrValue,
    pub max: usize,
    pub lang: Lang,
}

#[function_component]
pub fn Clipped(props: &ClippedProps) -> Html {
    let full = use_state(|| false);
    // With the length: counting 19 MB of characters on every drawing is not free either.
    let short = use_memo((props.text.clone(), props.max), |(text, max)| {
        clip(text, *max).map(|short| (short, text.chars().count()))
    });
    let Some((short, count)) = short.as_ref() else {
        return html! { { props.text.clone() } };
    };
    let lang = props.lang;
    let toggle = {
        let full = full.clone();
        Callback::from(move |e: MouseEvent| {
            // The text may sit inside a button (a history row): showing it must not open it.
            e.stop_propagation();
            full.set(!*full);
        })
    };
    let count = grouped(*count as u64);
    let label = if *full {
        tr(lang, "短く表示", "Show less").to_string()
    } else {
        match lang {
            Lang::Ja => format!("全文を表示 ({count} 文字)"),
            Lang::En => format!("Show all ({count} characters)"),
        }
    };
    html! {
        <>
            if *full { { props.text.clone() } } else { { short.clone() } }
            { " " }
            <span class="hk-clipped__more hk-chrome" role="button" tabindex="0" data-testid="show-full-text"
                onclick={toggle}>{ label }</span>
        </>
    }
}
