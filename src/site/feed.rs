//! Atom feeds (RFC 4287), written by `atom_syndication`: one entry per report, newest first,
//! with the report's updates (its timeline, oldest first) as HTML content rendered by yew.
//!
//! Ids never depend on where the site is published or what a file is called: a report's id is
//! a name-based UUID (version 5) of its issuer and its report id, so a rebuild, a move or a
//! renamed page keeps every entry the same for feed readers. `updated` is the report's latest
//! revision date (else its issue date), at midnight in the report's zone: the document says
//! nothing finer, and the build time would make every rebuild look like news.

use atom_syndication::{Category, Content, Entry, Feed, Generator, Link, Person, Text};
use chrono::{DateTime, FixedOffset, NaiveDate};
use uuid::Uuid;
use yew::prelude::*;

use crate::compose::history::Entry as HistoryEntry;
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::{Document, Lang, Report, Zone};
use crate::site::names::{self, up, Names};
use crate::site::render;

/// Turns site paths into the links feeds and calendars carry.
#[derive(Clone, Debug, PartialEq)]
pub struct Links {
    /// Ends with `/` when given.
    base: Option<String>,
}

impl Links {
    pub fn new(base_url: Option<&str>) -> Links {
        Links {
            base: base_url.map(|b| {
                if b.ends_with('/') {
                    b.to_string()
                } else {
                    format!("{b}/")
                }
            }),
        }
    }

    /// `path` (from the output folder) as seen from the file at `from`: absolute with a base
    /// URL, else relative.
    pub fn href(&self, from: &str, path: &str) -> String {
        match &self.base {
            Some(base) => format!("{base}{path}"),
            None => format!("{}{path}", up(from)),
        }
    }

    pub fn is_absolute(&self) -> bool {
        self.base.is_some()
    }
}

/// A stable id: a version 5 UUID of what it names.
pub fn uuid_of(kind: &str, parts: &[&str]) -> Uuid {
    // Each part is prefixed with its length, so two different lists never give the same name.
    let mut name = format!("hokoku:{kind}");
    for part in parts {
        name.push_str(&format!(":{}:{part}", part.len()));
    }
    Uuid::new_v5(&Uuid::NAMESPACE_URL, name.as_bytes())
}

pub fn report_uuid(report: &Report) -> Uuid {
    uuid_of("report", &[&report.header.issuer.organization, &report.id])
}

/// Midnight of a date in a zone, as Atom and iCalendar want a date-time.
pub fn midnight(date: NaiveDate, zone: impl Into<Zone>) -> DateTime<FixedOffset> {
    let naive = date.and_hms_opt(0, 0, 0).unwrap_or_default();
    // A day whose midnight the clock skipped starts at the first minute it shows.
    zone.into().resolve(naive).instant()
}

/// When the report last changed, as far as it says: its newest revision or its issue date (at
/// midnight in its zone), else the latest time it states (the period, an update). `None` when
/// it states no date at all: such a report cannot be placed in a feed.
pub fn updated(report: &Report) -> Option<DateTime<FixedOffset>> {
    let day = report
        .header
        .revisions
        .iter()
        .filter_map(|r| r.date)
        .chain(report.header.issued)
        .max();
    if let Some(day) = day {
        return Some(midnight(day, report.zone));
    }
    let period = &report.incident.period;
    [period.start.latest(), period.end.and_then(|e| e.latest())]
        .into_iter()
        .chain(report.timeline.iter().map(|e| e.time.latest()))
        .flatten()
        .max()
}

#[derive(Properties, PartialEq)]
pub struct UpdatesProps {
    pub report: std::rc::Rc<Report>,
    pub lang: Lang,
}

/// An entry's content: the summary, the period, and every update on the timeline in time order
/// (updates whose time is not known last, in source order).
#[function_component]
pub fn Updates(props: &UpdatesProps) -> Html {
    let (report, lang) = (&props.report, props.lang);
    let fmt = Fmt::of_report(report, lang);
    let mut events: Vec<_> = report.timeline.iter().collect();
    events.sort_by_key(|e| (e.time.sort_key().is_none(), e.time.sort_key()));
    let items = events.iter().map(|e| {
        let actor = report
            .actor(e.actor)
            .map(|a| a.name.clone())
            .unwrap_or_default();
        let datetime = e.time.earliest().map(|t| t.to_rfc3339());
        html! {
            <li>
                <time datetime={datetime}>{ fmt.time_point(&e.time) }</time>{ " " }
                <strong>{ e.kind.label(lang) }</strong>{ " " }
                { actor }{ tr(lang, "：", ": ") }{ crate::app::components::rich_text::feed_text(&e.text) }
            </li>
        }
    });
    html! {
        <>
            if let Some(summary) = &report.header.summary {
                <p>{ summary.clone() }</p>
            }
            <p>{ tr(lang, "障害期間：", "Period: ") }{ fmt.period(&report.incident.period) }</p>
            if !events.is_empty() {
                <ol>{ for items }</ol>
            }
        </>
    }
}

fn entry(
    report: &Report,
    index: usize,
    history: &HistoryEntry,
    from: &str,
    names: &Names,
    links: &Links,
    lang: Lang,
) -> Option<Entry> {
    let updated = updated(report)?;
    let fmt = Fmt::of_report(report, lang);
    let content = render::html::<Updates>(UpdatesProps {
        report: std::rc::Rc::new(report.clone()),
        lang,
    });
    let categories = history
        .affected
        .iter()
        .filter_map(|s| report.services.get(*s))
        .map(|s| Category {
            term: s.id.clone(),
            scheme: None,
            label: Some(s.name.clone()),
        })
        .collect::<Vec<_>>();
    let mut entry = Entry::default();
    entry.set_id(report_uuid(report).urn().to_string());
    // Titles usually name the report's place in the series already (第1報, 最終報告).
    entry.set_title(Text::plain(report.header.shown_title(lang)));
    entry.set_updated(updated);
    entry.set_published(report.header.issued.map(|d| midnight(d, report.zone)));
    entry.set_authors(vec![Person {
        name: report.header.issuer.organization.clone(),
        ..Person::default()
    }]);
    entry.set_links(vec![Link {
        href: links.href(from, names.report_page(index)),
        rel: "alternate".into(),
        mime_type: Some("text/html".into()),
        ..Link::default()
    }]);
    if let Some(summary) = &history.summary {
        entry.set_summary(Some(Text::plain(summary.clone())));
    } else {
        entry.set_summary(Some(Text::plain(fmt.period(&report.incident.period))));
    }
    entry.set_categories(categories);
    entry.set_content(Some(Content {
        content_type: Some("html".into()),
        value: Some(content),
        lang: Some(lang.code().into()),
        ..Content::default()
    }));
    Some(entry)
}

/// The feed of every report, or with `service` only of the reports that affected it.
pub fn feed(
    doc: &Document,
    entries: &[HistoryEntry],
    service: Option<&str>,
    names: &Names,
    links: &Links,
    lang: Lang,
) -> String {
    let org = crate::site::organization(doc);
    let (path, title, id) = match service.and_then(|s| names.service(s)) {
        Some(s) => {
            let name = &names.services[s].1;
            (
                names.service_feed(s).to_string(),
                match lang {
                    Lang::Ja => format!("{org} {name}の障害情報"),
                    Lang::En => format!("{org}: reports on {name}"),
                },
                uuid_of("service-feed", &[org, &names.services[s].0]),
            )
        }
        None => (
            names::FEED.to_string(),
            match lang {
                Lang::Ja => format!("{org} 障害情報"),
                Lang::En => format!("{org}: incident reports"),
            },
            uuid_of("feed", &[org]),
        ),
    };
    let chosen: Vec<Entry> = entries
        .iter()
        .filter_map(|e| Some((e, doc.reports.get(e.index)?)))
        .filter(|(e, r)| match service {
            Some(id) => e
                .affected
                .iter()
                .any(|s| r.services.get(*s).is_some_and(|s| s.id == id)),
            None => true,
        })
        .filter_map(|(e, r)| entry(r, e.index, e, &path, names, links, lang))
        .collect();
    let newest = chosen.iter().map(|e| *e.updated()).max();
    let mut feed = Feed::default();
    feed.set_title(Text::plain(title));
    feed.set_id(id.urn().to_string());
    // An empty feed still needs an `updated`: the newest report of the whole document.
    let fallback = doc.reports.iter().filter_map(updated).max();
    if let Some(t) = newest.or(fallback) {
        feed.set_updated(t);
    }
    feed.set_lang(Some(lang.code().to_string()));
    feed.set_authors(vec![Person {
        name: org.to_string(),
        ..Person::default()
    }]);
    feed.set_generator(Some(Generator {
        value: "hokoku".into(),
        uri: None,
        version: Some(env!("CARGO_PKG_VERSION").into()),
    }));
    let mut feed_links = vec![Link {
        href: links.href(&path, "index.html"),
        rel: "alternate".into(),
        mime_type: Some("text/html".into()),
        ..Link::default()
    }];
    if links.is_absolute() {
        feed_links.push(Link {
            href: links.href(&path, &path),
            rel: "self".into(),
            mime_type: Some("application/atom+xml".into()),
            ..Link::default()
        });
    }
    feed.set_links(feed_links);
    feed.set_entries(chosen);
    feed.to_string()
}
