//! The history's filters: words, a service, the worst level, a year.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::fmt_for_doc;
use crate::compose::history::{self, Entry, Filter};
use crate::model::i18n::tr;
use crate::model::{Document, ImpactLevel, Lang};

#[derive(Properties, PartialEq)]
pub(super) struct FiltersProps {
    pub(super) document: Rc<Document>,
    pub(super) entries: Rc<Vec<Entry>>,
    pub(super) lang: Lang,
    pub(super) filter: Filter,
    pub(super) onchange: Callback<Filter>,
}

#[function_component]
pub(super) fn Filters(props: &FiltersProps) -> Html {
    let lang = props.lang;
    let fmt = fmt_for_doc(&props.document, lang);
    let update = |change: fn(&mut Filter, String)| {
        let (filter, onchange) = (props.filter.clone(), props.onchange.clone());
        move |value: String| {
            let mut next = filter.clone();
            change(&mut next, value);
            onchange.emit(next);
        }
    };
    let on_text = {
        let set = update(|f, v| f.text = v);
        Callback::from(move |e: InputEvent| {
            set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let select = |change: fn(&mut Filter, String)| {
        let set = update(change);
        Callback::from(move |e: Event| set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_service = select(|f, v| f.service = (!v.is_empty()).then_some(v));
    let on_level = select(|f, v| f.level = ImpactLevel::from_code(&v));
    let on_year = select(|f, v| f.year = v.parse().ok());
    let on_clear = {
        let onchange = props.onchange.clone();
        Callback::from(move |_: MouseEvent| onchange.emit(Filter::default()))
    };
    let f = &props.filter;
    let services = history::services(&props.document)
        .into_iter()
        .map(|(id, name)| {
            let selected = f.service.as_deref() == Some(id.as_str());
            html! { <option value={id} {selected}>{ name }</option> }
        });
    let levels = ImpactLevel::ALL.into_iter().map(|l| {
        html! {
            <option value={l.code()} selected={f.level == Some(l)}>
                { format!("{} {}", l.symbol(), l.label(lang)) }
            </option>
        }
    });
    let years = history::years(&props.entries).into_iter().map(|y| {
        html! { <option value={y.to_string()} selected={f.year == Some(y)}>{ fmt.year(y) }</option> }
    });
    let prevent = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="hk-history__filters hk-chrome" role="search" onsubmit={prevent}
            aria-label={tr(lang, "報告の絞り込み", "Filter reports")}>
            <label class="hk-history__filter hk-history__filter--text">
                <span class="hk-history__filter-label">{ tr(lang, "キーワード", "Search") }</span>
                <input type="search" data-testid="history-search" value={f.text.clone()} oninput={on_text}
                    placeholder={tr(lang, "件名・本文・サービス名", "title, text, service")} />
            </label>
            <label class="hk-history__filter">
                <span class="hk-history__filter-label">{ tr(lang, "サービス", "Service") }</span>
                <select data-testid="history-service" onchange={on_service}>
                    <option value="" selected={f.service.is_none()}>{ tr(lang, "すべて", "All") }</option>
                    { for services }
                </select>
            </label>
            <label class="hk-history__filter">
                <span class="hk-history__filter-label">{ tr(lang, "最大の影響", "Worst impact") }</span>
                <select data-testid="history-level" onchange={on_level}>
                    <option value="" selected={f.level.is_none()}>{ tr(lang, "すべて", "All") }</option>
                    { for levels }
                </select>
            </label>
            <label class="hk-history__filter">
                <span class="hk-history__filter-label">{ tr(lang, "年", "Year") }</span>
                <select data-testid="history-year" onchange={on_year}>
                    <option value="" selected={f.year.is_none()}>{ tr(lang, "すべて", "All") }</option>
                    { for years }
                </select>
            </label>
            if !f.is_empty() {
                <button type="button" class="hk-history__clear" onclick={on_clear}>
                    { tr(lang, "条件をクリア", "Clear filters") }
                </button>
            }
        </form>
    }
}
