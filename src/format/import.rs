//! Import from Atlassian Statuspage's public v2 JSON: the status page a company already runs
//! becomes a hokoku document (a history when the file holds a list), without any option.
//!
//! Accepted shapes, recognized by their keys: `{ "page", "incident" }` (one incident),
//! `{ "page", "incidents": [...] }` (incidents.json, unresolved.json), `{ "page",
//! "scheduled_maintenances": [...] }`, summary.json (`page`, `status`, `components`,
//! `incidents`, `scheduled_maintenances`), and for convenience a bare incident object or a bare
//! array of incidents (the management API's form). A hokoku file (`version`, `report`,
//! `reports`) is never taken for one.
//!
//! Reading (`source`) and mapping (`mapping`) are apart, as `decode` keeps raw input apart from
//! the model: problems are found while reading and name the path in the SOURCE file
//! (`incidents[3].incident_updates[0].created_at`); the mapping then works on clean values.
//! Reading fills the plain structs of `source/shapes`; the mapping works out the period and its
//! phases (`mapping/period`), then the report; `components`, `summary` and `html` help both.
//!
//! # Mapping
//! | Statuspage | hokoku |
//! |---|---|
//! | `page.name` | issuer organization, and the one actor (role `us`) of every event |
//! | incident `name` | report title |
//! | incident `id` | report id (`?report=`); `r1`, `r2`… when absent |
//! | `started_at`, else `created_at`, else the first update | incident start |
//! | `started_at` after `resolved_at` (an incident entered after the fact) | `started_at` set aside with a warning (`time-set-aside`) at its path: `created_at`, else the first update, is the start; when none of them is before `resolved_at`, `resolved_at` is the one set aside (the resolving update's time, else no stated end) |
//! | `resolved_at`, else the first `resolved` update (only when the status is resolved / postmortem) | incident end; none = ongoing |
//! | maintenance: first `in_progress` update (else `scheduled_for`) → first `completed` update (else `resolved_at`, `scheduled_until`) | incident period; not yet begun: `scheduled_for` → `scheduled_until` |
//! | `scheduled_for` / `scheduled_until` | a note on the first phase: 予定作業時間 |
//! | status progression investigating → identified → monitoring (`monitoring_at` when no monitoring update) | one phase per status, from the update that set it to the next change or the end, each with its duration |
//! | maintenance in_progress → verifying; scheduled (not begun) | phases the same way; one 予定 phase |
//! | `incident_updates[]` (newest first in the API) | timeline events, oldest first; time = `display_at`, else `created_at` |
//! | update status investigating (first, or again after another status) / identified / monitoring / resolved / postmortem | event kind detection / action / action (recovery when it sets every named component operational) / recovery / report |
//! | update status scheduled / in_progress / verifying / completed | notice / action / action / recovery |
//! | update `body` | event text: HTML (`<p>`, `<br>`, `<ul><li>`, `<strong>`, `<a href>`, references) or Markdown-like text read into paragraphs, lists, emphasis and http(s) links (see `html`); scripts and other markup never pass; nothing readable → the status in words |
//! | `postmortem` update body | also a free section 事後報告, one plain paragraph per paragraph or list of its text |
//! | `components[]`, `affected_components[].code` / `name` | services (id = component id / code) |
//! | `affected_components[].new_status` | the service's state from that update on; `old_status` of its first mention is its state before |
//! | operational / degraded_performance / partial_outage / major_outage / under_maintenance | ○ operational / △ degraded / ▲ partial / × outage / ◇ maintenance |
//! | a phase's cell | the worst state the service had during the phase |
//! | each component's `new_status` changes | `incident.service_states`: one stretch per level worse than operational, from the update that set it to the one that changed it; a level already held at the first mention starts at `{}` (not known), one still held at the last update ends at `{}` (not known) or holds on while the incident is open. Per-service times come from these, never from the whole phase |
//! | start = end and every component left `operational` (a record migrated from another tool) | no levels and no states (the statuses say nothing about it), a note saying so; the length reads 「記載なし」 and histories leave it out of MTTR and outage sums, with the count |
//! | no component at all | a note on the first phase saying the page names none; the matrix says no per-service impact is given |
//! | no update names any component (`affected_components` null), or a maintenance not yet begun | every component at the level of the incident `impact` (critical → outage, major → partial, minor → degraded, maintenance → maintenance, none → no data), with a note saying so |
//! | resolved_at (resolved) / updated_at or last update (open) | issue date, in the report zone |
//! | status resolved / postmortem / completed; one update; several | kind final; first; interim N (N = number of updates) |
//! | the postmortem's first paragraph, else the resolving update's; while open, the latest update's | report summary (the letter prints it; nothing when that update has no text, never the first update's "investigating" in a final report) |
//! | `shortlink`, else `page.url` (http/https only) | contact URL |
//! | times (UTC `Z` or any offset) | instants shown in the chosen zone: `Options::zone`, else the page's `time_zone` (an IANA zone, with its daylight saving), else +09:00 for Japanese and UTC for English (an unknown `time_zone` is warned about) |
//! | the page's language (not in the export: Japanese when its names and bodies use Japanese script, else English) | the language of the labels and the letter, unless the reader chose one (`?lang=`, `--lang`) |
//!
//! # What the Statuspage format cannot express (fill in after import)
//! Cause, actions, measures against recurrence, data-loss statement, scope (customers, networks,
//! user counts), contact details beyond a URL, addressee, department, other actors (data
//! center, vendors, monitoring), announced recovery times as data, approximate times (頃),
//! times in a second zone, revisions. And in the other direction, hokoku drops: component
//! groups (flattened), the incident `impact` itself (only through the levels), formatting
//! beyond paragraphs, bulleted lists, bold and links (italics, tables, images), notification
//! and twitter flags, updates' own ids beyond event ids.
//! Updates posted after resolution stay on the timeline, outside every phase.

mod components;
pub mod html;
mod mapping;
mod source;
mod summary;

use crate::format::json::{Node, Value};
use crate::format::outcome::Outcome;
use crate::format::problem::{Problem, ProblemKind};
use crate::model::{Document, Lang, Zone};

pub use mapping::{first_line, status_label, Settings};
pub use source::{level_of_component_status, Status};

/// How to convert. `zone: None` picks one (see the module doc).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub lang: Lang,
    pub zone: Option<Zone>,
}

/// Whether a parsed file is one of the Statuspage shapes rather than a hokoku document.
pub fn looks_like_statuspage(root: &Node) -> bool {
    match &root.value {
        Value::Object(_) => {
            if ["version", "report", "reports"]
                .iter()
                .any(|k| source::has(root, k))
            {
                return false;
            }
            let page = matches!(
                source::member(root, "page").map(|p| &p.value),
                Some(Value::Object(_))
            );
            let listed = ["incident", "incidents", "scheduled_maintenances"]
                .iter()
                .any(|k| source::has(root, k));
            let summary = source::has(root, "components") && source::has(root, "status");
            (page && (listed || summary))
                || (source::has(root, "incident_updates") && source::has(root, "name"))
        }
        Value::Array(items) => {
            !items.is_empty() && items.iter().all(|i| source::has(i, "incident_updates"))
        }
        _ => false,
    }
}

/// Converts a Statuspage file in the given language, times shown in the page's zone.
pub fn convert(root: &Node, lang: Lang) -> Outcome {
    convert_with(root, Options { lang, zone: None })
}

/// What `decode` calls when `looks_like_statuspage` says yes: in the language the reader chose
/// (`?lang=`, `--lang`), else in the page's own (see [`page_lang`]).
pub fn convert_for(root: &Node, chosen: Option<Lang>) -> Outcome {
    let mut reader = source::Reader::default();
    let lang = chosen.unwrap_or_else(|| page_lang(&reader.source(root)));
    convert(root, lang)
}

/// `Some` outcome when the file is a Statuspage file, `None` when it is not one.
pub fn detect_and_convert(root: &Node, lang: Lang) -> Option<Outcome> {
    looks_like_statuspage(root).then(|| convert(root, lang))
}

/// The page's language. The export does not state it, but its text shows it: Japanese when an
/// incident's name or an update uses kana or kanji, else English.
fn page_lang(src: &source::Source) -> Lang {
    let japanese = |s: &str| {
        s.chars().any(|c| {
            matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff66}'..='\u{ff9f}')
        })
    };
    let any = src
        .incidents
        .iter()
        .any(|i| japanese(&i.name) || i.updates.iter().take(3).any(|u| japanese(&u.body)))
        || src.page.name.as_deref().is_some_and(japanese);
    if any {
        Lang::Ja
    } else {
        Lang::En
    }
}

/// The zone times are shown in when the caller did not choose one: the page's `time_zone`, else
/// the language's usual zone (+09:00 for Japanese, UTC for English). A `time_zone` no tz
/// database knows is a warning at its place, naming the zone used instead.
fn default_zone(lang: Lang, root: &Node, page_zone: Option<&str>) -> (Zone, Option<Problem>) {
    let usual = match lang {
        Lang::Ja => Zone::jst(),
        Lang::En => Zone::UTC,
    };
    let Some(name) = page_zone.filter(|n| !n.trim().is_empty()) else {
        return (usual, None);
    };
    if let Some(zone) = Zone::named(name) {
        return (zone, None);
    }
    let pos = source::member(root, "page")
        .and_then(|p| source::member(p, "time_zone"))
        .map(|n| n.pos);
    let fallback = match usual {
        Zone::Fixed(o) => {
            crate::model::timefmt::Fmt::new(Lang::En, Default::default(), o).zone_label()
        }
        Zone::Named(n) => n.to_string(),
    };
    let kind = ProblemKind::UnknownZone {
        name: name.to_string(),
        fallback,
    };
    (usual, Some(Problem::warning("page.time_zone", pos, kind)))
}

/// Converts with explicit options. The document is `Some` only when there is no error.
pub fn convert_with(root: &Node, options: Options) -> Outcome {
    let mut reader = source::Reader::default();
    let src = reader.source(root);
    let (zone, zone_problem) = match options.zone {
        Some(z) => (z, None),
        None => default_zone(options.lang, root, src.page.time_zone.as_deref()),
    };
    let settings = Settings {
        lang: options.lang,
        zone,
    };
    // Every error so far is the source's; those inside a broken incident do not refuse the
    // file (the incident is listed with them instead), any other does.
    let in_broken: u64 = src.broken.iter().map(|b| b.errors).sum();
    let stray_errors = reader.errors() > in_broken;
    let mut problems = reader.into_problems();
    problems.extend(zone_problem);

    let mut reports = Vec::with_capacity(src.incidents.len());
    for (i, inc) in src.incidents.iter().enumerate() {
        let Some(mut report) = mapping::report(inc, &src.page, &src.components, &settings) else {
            continue;
        };
        let id = match &inc.id {
            Some(id) => id.clone(),
            None => format!("r{}", i + 1),
        };
        if reports.iter().any(|r: &crate::model::Report| r.id == id) {
            // The same incident twice (pages of a listing fetched with overlap): keep the first.
            let path = if inc.path.is_empty() {
                "id".to_string()
            } else {
                format!("{}.id", inc.path)
            };
            problems.push(Problem::warning(
                path,
                Some(inc.pos),
                ProblemKind::DuplicateId(id),
            ));
            continue;
        }
        report.id = id;
        reports.push(report);
    }

    let has_error = problems.iter().any(Problem::is_error);
    if reports.is_empty() && !has_error {
        let (path, pos) = ["incidents", "scheduled_maintenances", "incident"]
            .iter()
            .find_map(|k| source::member(root, k).map(|n| (k.to_string(), n.pos)))
            .unwrap_or((String::new(), root.pos));
        problems.push(Problem::error(path, Some(pos), ProblemKind::NoIncidents));
    }
    // Newest first, as a status page lists them and as `decode` orders a history.
    crate::model::sort::sort_by_key(&mut reports, |r| {
        std::cmp::Reverse(r.incident.period.start.sort_key())
    });
    crate::model::sort::sort_by_key(&mut problems, |p| p.severity);
    let document = Document {
        lang: options.lang,
        is_history: src.is_list,
        reports,
        broken: src.broken,
    };
    let opens = if problems.iter().any(Problem::is_error) {
        !stray_errors && !document.reports.is_empty() && !document.broken.is_empty()
    } else {
        true
    };
    let document = opens.then_some(document);
    Outcome { document, problems }
}
