//! The static site `hokoku build` writes: pages readable without JavaScript, rendered on the
//! server with the app's own components (yew `ssr`), an Atom feed of every report and one per
//! service, and an iCalendar file of maintenance windows. Native only (feature `cli`).
//!
//! Everything is computed in memory as a list of [`File`]s from one validated
//! [`Document`]; the command line writes them. Each page also carries its document as a
//! `<script type="application/json" id="hokoku-data">`, so the wasm app copied beside the pages
//! renders from the very same data where JavaScript runs (see [`page`]).
//!
//! Every text from the data is escaped by a writer: yew for HTML, `atom_syndication` for XML,
//! `icalendar` for iCalendar, and [`page::script_json`] for the embedded JSON.

pub mod calendar;
pub mod feed;
pub mod names;
pub mod page;
pub mod render;

use std::rc::Rc;

use crate::compose::history;
use crate::model::{Document, Lang, Report};

/// One file of the site: a path relative to the output folder (`/`-separated) and its bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// How to build.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// Language of the pages and feeds; the document's when `None`.
    pub lang: Option<Lang>,
    /// Where the site will be published (`https://status.example.com/incidents/`): makes feed
    /// links and ids absolute. Without it, links are relative and ids are `urn:uuid:`s derived
    /// from the issuer and the report id, so they stay the same from one build to the next.
    pub base_url: Option<String>,
    /// Whether the wasm app (`boot.js`, `hokoku.js`, `hokoku_bg.wasm`) is copied beside the
    /// pages: the pages then load it.
    pub with_app: bool,
}

/// What was built, and what could not be placed (a maintenance window without a known start).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Site {
    pub files: Vec<File>,
    /// Ids of maintenance reports left out of `maintenance.ics`, with the reason in words.
    pub notes: Vec<String>,
}

/// The app's style sheets, in the order `index.html` links them, then the site's own rules.
pub const CSS: &[&str] = &[
    include_str!("../styles/page.css"),
    include_str!("../styles/base.css"),
    include_str!("../styles/timeline.css"),
    include_str!("../styles/impact.css"),
    include_str!("../styles/letter.css"),
    include_str!("../styles/history.css"),
    include_str!("../styles/site.css"),
];

/// Builds the whole site of a document.
pub fn build(doc: &Document, options: &Options) -> Site {
    let lang = options.lang.unwrap_or(doc.lang);
    let names = names::Names::of(doc);
    let links = feed::Links::new(options.base_url.as_deref());
    let mut files = vec![File {
        path: "hokoku.css".into(),
        bytes: CSS.join("\n").into_bytes(),
    }];
    let page_options = page::PageOptions {
        lang,
        with_app: options.with_app,
    };
    let reports: Vec<Rc<Report>> = doc.reports.iter().cloned().map(Rc::new).collect();
    if doc.is_history {
        files.push(File {
            path: "index.html".into(),
            bytes: page::history_page(doc, &names, &page_options).into_bytes(),
        });
        for (i, report) in reports.iter().enumerate() {
            files.push(File {
                path: names.report_page(i).to_string(),
                bytes: page::report_page(doc, report, i, &names, &page_options).into_bytes(),
            });
        }
    } else if let Some(report) = reports.first() {
        files.push(File {
            path: "index.html".into(),
            bytes: page::report_page(doc, report, 0, &names, &page_options).into_bytes(),
        });
    }
    let entries = history::entries(doc);
    files.push(File {
        path: names::FEED.into(),
        bytes: feed::feed(doc, &entries, None, &names, &links, lang).into_bytes(),
    });
    for (s, (id, _)) in names.services.iter().enumerate() {
        files.push(File {
            path: names.service_feed(s).to_string(),
            bytes: feed::feed(doc, &entries, Some(id), &names, &links, lang).into_bytes(),
        });
    }
    let (ics, mut notes) = calendar::maintenance(doc, &entries, &names, &links, lang);
    for r in doc.reports.iter().filter(|r| feed::updated(r).is_none()) {
        notes.push(format!(
            "{}: {}",
            r.id,
            crate::model::i18n::tr(
                lang,
                "日付が一つも記載されていないためフィードに入れていません",
                "not in the feeds: it states no date at all"
            )
        ));
    }
    files.push(File {
        path: names::CALENDAR.into(),
        bytes: ics.into_bytes(),
    });
    Site { files, notes }
}

/// The first report's issuer: whose site this is.
pub fn organization(doc: &Document) -> &str {
    doc.reports
        .first()
        .map(|r| r.header.issuer.organization.as_str())
        .unwrap_or("")
}
