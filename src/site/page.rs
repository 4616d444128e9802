//! The site's HTML pages: one per report (the timeline with its static chart and list twin, the
//! impact table and the letter, one after the other) and, for a history, the index of every
//! report. Rendered by yew from the app's own components, so every text is escaped by yew.
//!
//! How the app takes over: each page has an empty `#hokoku-root` and, after it, the static
//! content in `.hk-static`, plus its document in `<script type="application/json"
//! id="hokoku-data">`. Without JavaScript the static content is what the reader gets. Where the
//! wasm app runs (it is loaded by `boot.js` when copied beside the pages), it renders into
//! `#hokoku-root` from that same embedded document, and `styles/site.css` hides `.hk-static`
//! as soon as the root is no longer empty: no script of ours, no second source of truth.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::history::History;
use crate::app::components::impact_table::ImpactTable;
use crate::app::components::letter_view::LetterView;
use crate::app::components::timeline::Timeline;
use crate::app::shell::chrome::kind_label;
use crate::app::state::Selection;
use crate::format::export;
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::{Document, Lang, Report};
use crate::site::names::{self, up, Names};
use crate::site::render;

/// What every page needs to know about the build.
#[derive(Clone, Debug, PartialEq)]
pub struct PageOptions {
    pub lang: Lang,
    pub with_app: bool,
}

/// JSON text made safe inside `<script type="application/json">`: `<`, `>` and `&` (which only
/// occur inside JSON strings) and the two line separators are written as `\u` escapes, so no
/// text can close the element or be read as markup; the JSON means exactly the same.
pub fn script_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// A feed or calendar the page points at with `<link rel="alternate">`.
#[derive(Clone, Debug, PartialEq)]
pub struct Alternate {
    pub href: AttrValue,
    pub kind: &'static str,
    pub title: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct ShellProps {
    pub lang: Lang,
    pub title: AttrValue,
    /// From this page to the output folder: `""` or `"../"`.
    pub up: AttrValue,
    pub alternates: Rc<Vec<Alternate>>,
    pub with_app: bool,
    /// The embedded document, already made safe by [`script_json`].
    pub data: AttrValue,
    pub children: Html,
}

/// The document around a page: head with style sheet, feeds and the app's loader; the empty
/// app root; the static content; the embedded data.
#[function_component]
pub fn Shell(props: &ShellProps) -> Html {
    let up = &props.up;
    let alternates = props.alternates.iter().map(|a| {
        html! { <link rel="alternate" type={a.kind} href={a.href.clone()} title={a.title.clone()} /> }
    });
    html! {
        <html lang={props.lang.code()}>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light dark" />
                <meta name="generator" content="hokoku" />
                <title>{ props.title.clone() }</title>
                <link rel="stylesheet" href={format!("{up}hokoku.css")} />
                { for alternates }
                if props.with_app {
                    // The app that takes over speaks the page's language (`--lang`), not only
                    // the document's, so the page does not change language as it loads.
                    <meta name={crate::app::config::LANG_META} content={props.lang.code()} />
                    <script type="module" src={format!("{up}boot.js")}></script>
                }
            </head>
            <body>
                <div id="hokoku-root"></div>
                <div class="hokoku hk-static" data-testid="static">{ props.children.clone() }</div>
                <script type="application/json" id="hokoku-data">
                    { Html::from_html_unchecked(props.data.clone()) }
                </script>
            </body>
        </html>
    }
}

fn doctype(body: String) -> String {
    format!("<!doctype html>\n{body}\n")
}

fn feed_alternates(up: &str, report: Option<&Report>, names: &Names, lang: Lang) -> Vec<Alternate> {
    let mut out = vec![Alternate {
        href: format!("{up}{}", names::FEED).into(),
        kind: "application/atom+xml",
        title: tr(lang, "すべての報告 (Atom)", "All reports (Atom)").into(),
    }];
    let services: Vec<usize> = match report {
        Some(r) => r
            .affected_services()
            .into_iter()
            .filter_map(|s| r.services.get(s))
            .filter_map(|s| names.service(&s.id))
            .collect(),
        None => (0..names.services.len()).collect(),
    };
    for s in services {
        let name = &names.services[s].1;
        out.push(Alternate {
            href: format!("{up}{}", names.service_feed(s)).into(),
            kind: "application/atom+xml",
            title: match lang {
                Lang::Ja => format!("{name}の報告 (Atom)"),
                Lang::En => format!("Reports on {name} (Atom)"),
            }
            .into(),
        });
    }
    out.push(Alternate {
        href: format!("{up}{}", names::CALENDAR).into(),
        kind: "text/calendar",
        title: tr(
            lang,
            "メンテナンス予定 (iCalendar)",
            "Maintenance windows (iCalendar)",
        )
        .into(),
    });
    out
}

#[derive(Properties, PartialEq)]
pub struct ReportBodyProps {
    pub report: Rc<Report>,
    pub lang: Lang,
    /// The history index, for a report of a history.
    pub index: Option<AttrValue>,
    pub feed: AttrValue,
}

/// One report: header, a table of contents, then the three views in a row.
#[function_component]
pub fn ReportBody(props: &ReportBodyProps) -> Html {
    let lang = props.lang;
    let report = props.report.clone();
    let fmt = Fmt::of_report(&report, lang);
    let h = &report.header;
    let issuer = [Some(&h.issuer.organization), h.issuer.department.as_ref()]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let section = |id: &'static str, test: &'static str, title: &'static str, body: Html| {
        html! {
            <section id={id} class="hk-static__section" data-testid={test} aria-labelledby={format!("{id}-heading")}>
                <h2 id={format!("{id}-heading")} class="hk-static__heading">{ title }</h2>
                { body }
            </section>
        }
    };
    html! {
        <>
            <header class="hk-header">
                <div>
                    <p class="hk-header__brand">{ issuer }</p>
                    <h1 class="hk-header__title" data-testid="title">{ h.shown_title(lang) }</h1>
                    <p class="hk-static__meta">
                        if let Some(kind) = kind_label(h.kind, lang) { { kind } }
                        if let Some(issued) = h.issued {
                            if h.kind != crate::model::ReportKind::Unstated { { tr(lang, "　", " · ") } }
                            <time datetime={issued.format("%Y-%m-%d").to_string()}>{ fmt.date(issued) }</time>
                        }
                    </p>
                </div>
            </header>
            <nav class="hk-static__nav hk-chrome" aria-label={tr(lang, "このページの内容", "On this page")}>
                <ul>
                    <li><a href="#timeline">{ tr(lang, "経緯", "Timeline") }</a></li>
                    <li><a href="#impact">{ tr(lang, "影響範囲", "Impact") }</a></li>
                    <li><a href="#letter">{ tr(lang, "お詫び状", "Letter") }</a></li>
                    if let Some(index) = &props.index {
                        <li><a href={index.clone()}>{ tr(lang, "障害履歴", "Incident history") }</a></li>
                    }
                    <li><a href={props.feed.clone()}>{ tr(lang, "フィード (Atom)", "Feed (Atom)") }</a></li>
                </ul>
            </nav>
            <main class="hk-main">
                { section("timeline", "view-timeline", tr(lang, "経緯", "Timeline"), html! {
                    <Timeline report={report.clone()} {lang} selection={Selection::None}
                        onselect={Callback::noop()} range={None::<(i64, i64)>} onrange={Callback::noop()}
                        list_rows={usize::MAX} />
                }) }
                { section("impact", "view-table", tr(lang, "影響範囲", "Impact"), html! {
                    <ImpactTable report={report.clone()} {lang} onselectphase={Callback::noop()} />
                }) }
                { section("letter", "view-letter", tr(lang, "お詫び状", "Letter"), html! {
                    <LetterView report={report.clone()} {lang} />
                }) }
            </main>
        </>
    }
}

/// The page of one report. Its embedded document is that report alone, so the app opens it.
pub fn report_page(
    doc: &Document,
    report: &Rc<Report>,
    index: usize,
    names: &Names,
    options: &PageOptions,
) -> String {
    let path = names.report_page(index);
    let up = up(path);
    let lang = options.lang;
    let single = Document {
        lang: doc.lang,
        is_history: false,
        broken: Vec::new(),
        reports: vec![(**report).clone()],
    };
    let title = format!(
        "{} — {}",
        report.header.shown_title(lang),
        report.header.issuer.organization
    );
    let body = html! {
        <ReportBody report={report.clone()} {lang}
            index={doc.is_history.then(|| AttrValue::from(format!("{up}index.html")))}
            feed={AttrValue::from(format!("{up}{}", names::FEED))} />
    };
    doctype(render::html::<Shell>(ShellProps {
        lang,
        title: title.into(),
        up: up.clone().into(),
        alternates: Rc::new(feed_alternates(&up, Some(report), names, lang)),
        with_app: options.with_app,
        data: script_json(&export::to_json(&single)).into(),
        children: body,
    }))
}

#[derive(Properties, PartialEq)]
pub struct HistoryBodyProps {
    pub document: Rc<Document>,
    pub lang: Lang,
    pub links: Rc<Vec<AttrValue>>,
    pub alternates: Rc<Vec<Alternate>>,
}

/// The index of a history: the app's history view with links to each report's page, and the
/// feeds and calendar to subscribe to.
#[function_component]
pub fn HistoryBody(props: &HistoryBodyProps) -> Html {
    let lang = props.lang;
    let org = crate::site::organization(&props.document).to_string();
    let subscriptions = props.alternates.iter().map(|a| {
        html! { <li><a href={a.href.clone()} type={a.kind}>{ a.title.clone() }</a></li> }
    });
    html! {
        <>
            <header class="hk-header">
                <div>
                    <p class="hk-header__brand">{ org }</p>
                    <h1 class="hk-header__title" data-testid="title">{ tr(lang, "障害履歴", "Incident history") }</h1>
                </div>
            </header>
            <main class="hk-main">
                <History document={props.document.clone()} {lang} onopen={Callback::noop()}
                    links={Some(props.links.clone())} page_size={None::<usize>} />
                <section class="hk-static__section hk-chrome" aria-labelledby="subscribe-heading">
                    <h2 id="subscribe-heading" class="hk-static__heading">{ tr(lang, "購読", "Subscribe") }</h2>
                    <ul class="hk-static__subscriptions" data-testid="subscriptions">{ for subscriptions }</ul>
                </section>
            </main>
        </>
    }
}

/// The index page of a history. Its embedded document is the whole history.
pub fn history_page(doc: &Document, names: &Names, options: &PageOptions) -> String {
    let lang = options.lang;
    let alternates = Rc::new(feed_alternates("", None, names, lang));
    let document = Rc::new(doc.clone());
    let links: Vec<AttrValue> = (0..doc.reports.len())
        .map(|i| AttrValue::from(names.report_page(i).to_string()))
        .collect();
    let title = format!(
        "{} — {}",
        tr(lang, "障害履歴", "Incident history"),
        crate::site::organization(doc)
    );
    let body = html! {
        <HistoryBody document={document} {lang} links={Rc::new(links)} alternates={alternates.clone()} />
    };
    doctype(render::html::<Shell>(ShellProps {
        lang,
        title: title.into(),
        up: AttrValue::from(""),
        alternates,
        with_app: options.with_app,
        data: script_json(&export::to_json(doc)).into(),
        children: body,
    }))
}
