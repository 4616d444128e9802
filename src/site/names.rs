//! File names of the site. Ids come from the data, so a name is only made from an id when the
//! id is a plain name (letters, digits, `-`, `_`, `.` inside); anything else — a slash, `..`,
//! non-ASCII, a name two ids would share on a case-insensitive disk — gets a numbered name.
//! Nothing from the data can make a file land outside the output folder.

use std::collections::HashSet;

use crate::compose::history;
use crate::model::Document;

/// The Atom feed of every report.
pub const FEED: &str = "feed.atom";
/// The iCalendar file of maintenance windows.
pub const CALENDAR: &str = "maintenance.ics";

/// Where each report's page and each service's feed is, relative to the output folder.
#[derive(Clone, Debug, PartialEq)]
pub struct Names {
    /// By index into `Document::reports`: `index.html` for a single report, else
    /// `reports/<id>.html`.
    pub reports: Vec<String>,
    /// Services over all reports, each id once, in order of first appearance: (id, name).
    pub services: Vec<(String, String)>,
    /// By index into `services`: `feeds/<id>.atom`.
    pub service_feeds: Vec<String>,
}

/// `id` when it is usable as a file name, else `None`.
fn plain(id: &str) -> Option<&str> {
    let ok = !id.is_empty()
        && id.len() <= 80
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        && id.starts_with(|c: char| c.is_ascii_alphanumeric())
        && !id.ends_with('.');
    ok.then_some(id)
}

/// One name per id, unique ignoring case; `fallback(i)` for ids that cannot be names.
fn unique<'a>(ids: impl Iterator<Item = &'a str>, fallback: &str) -> Vec<String> {
    let ids: Vec<&str> = ids.collect();
    let mut taken = HashSet::new();
    let mut out = Vec::with_capacity(ids.len());
    // Plain ids first keep their own names; the numbered ones fill in around them.
    let mut names: Vec<Option<String>> = ids
        .iter()
        .map(|id| {
            plain(id)
                .filter(|p| taken.insert(p.to_ascii_lowercase()))
                .map(String::from)
        })
        .collect();
    for (i, name) in names.iter_mut().enumerate() {
        if name.is_none() {
            let mut n = i + 1;
            loop {
                let candidate = format!("{fallback}-{n}");
                if taken.insert(candidate.clone()) {
                    *name = Some(candidate);
                    break;
                }
                n += ids.len();
            }
        }
    }
    out.extend(names.into_iter().flatten());
    out
}

impl Names {
    pub fn of(doc: &Document) -> Names {
        let reports = if doc.is_history {
            unique(doc.reports.iter().map(|r| r.id.as_str()), "report")
                .into_iter()
                .map(|n| format!("reports/{n}.html"))
                .collect()
        } else {
            vec!["index.html".to_string()]
        };
        let services = history::services(doc);
        let service_feeds = unique(services.iter().map(|(id, _)| id.as_str()), "service")
            .into_iter()
            .map(|n| format!("feeds/{n}.atom"))
            .collect();
        Names {
            reports,
            services,
            service_feeds,
        }
    }

    pub fn report_page(&self, index: usize) -> &str {
        self.reports.get(index).map_or("index.html", String::as_str)
    }

    pub fn service_feed(&self, index: usize) -> &str {
        self.service_feeds.get(index).map_or(FEED, String::as_str)
    }

    /// The index of a service id in `services`.
    pub fn service(&self, id: &str) -> Option<usize> {
        self.services.iter().position(|(s, _)| s == id)
    }
}

/// The way from a page back to the output folder: `""` at the top, `"../"` one level down.
pub fn up(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_that_are_not_plain_names_get_numbered_names() {
        let ids = ["a", "../x", "A", "b.c", "", "日本", "report-2"];
        let names = unique(ids.iter().copied(), "report");
        assert_eq!(
            names,
            ["a", "report-9", "report-3", "b.c", "report-5", "report-6", "report-2"]
        );
    }

    #[test]
    fn up_counts_folders() {
        assert_eq!(up("index.html"), "");
        assert_eq!(up("reports/a.html"), "../");
    }
}
