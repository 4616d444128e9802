//! Plausibility warnings on a decoded document: dates that are valid but stand far apart from the
//! others (a typo year such as 0206 for 2026, a year 9999, an event decades from its incident),
//! and an announced recovery time years after its announcement. Odd is not wrong: these are only
//! warnings, each with its path, position and the dates it stands apart from.
//!
//! Run by `read` on the model after decoding; paths and positions are found again in the parsed
//! tree (reports are sorted newest first in the model, so they are matched by id).

use std::collections::HashMap;

use crate::format::json::{Node, Pos, Value};
use crate::format::problem::{Problem, ProblemKind};
use crate::format::walk::member;
use crate::model::{Document, Report, TimePoint};

const DAY_MS: i64 = 24 * 3600 * 1000;
/// A date further than this from the middle of its report's dates stands apart.
pub const REPORT_SPREAD_DAYS: i64 = 366;
/// A report whose start is further than this from the middle of the history's stands apart.
pub const HISTORY_SPREAD_DAYS: i64 = 25 * 365;
/// An ETA further than this after its announcement is implausible.
pub const ETA_SPREAD_DAYS: i64 = 366;

#[derive(Clone, Copy)]
enum Seg {
    Key(&'static str),
    Index(usize),
}

/// One dated point: where it is written, its sort key and the date as written in messages.
struct Dated {
    path: Vec<Seg>,
    key: i64,
    date: String,
}

fn path_text(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

fn node_at<'n>(root: &'n Node, path: &[Seg]) -> Option<&'n Node> {
    path.iter()
        .try_fold(root, |node, seg| match (seg, &node.value) {
            (Seg::Key(k), _) => member(node, k),
            (Seg::Index(i), Value::Array(items)) => items.get(*i),
            _ => None,
        })
}

fn dated(path: Vec<Seg>, point: &TimePoint) -> Option<Dated> {
    let at = point.earliest()?;
    Some(Dated {
        path,
        key: at.timestamp_millis(),
        date: at.date_naive().to_string(),
    })
}

fn with(prefix: &[Seg], rest: &[Seg]) -> Vec<Seg> {
    prefix.iter().chain(rest).copied().collect()
}

/// Every known date of a report, with its path under `prefix`.
fn dates_of(report: &Report, prefix: &[Seg]) -> Vec<Dated> {
    let mut out = Vec::new();
    let period = &report.incident.period;
    out.extend(dated(
        with(prefix, &[Seg::Key("incident"), Seg::Key("start")]),
        &period.start,
    ));
    if let Some(end) = &period.end {
        out.extend(dated(
            with(prefix, &[Seg::Key("incident"), Seg::Key("end")]),
            end,
        ));
    }
    for (i, p) in report
        .incident
        .phases
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.implicit)
    {
        let at = [Seg::Key("incident"), Seg::Key("phases"), Seg::Index(i)];
        out.extend(dated(
            with(prefix, &[&at[..], &[Seg::Key("start")]].concat()),
            &p.period.start,
        ));
        if let Some(end) = &p.period.end {
            out.extend(dated(
                with(prefix, &[&at[..], &[Seg::Key("end")]].concat()),
                end,
            ));
        }
    }
    for (i, e) in report.timeline.iter().enumerate() {
        out.extend(dated(
            with(prefix, &[Seg::Key("timeline"), Seg::Index(i)]),
            &e.time,
        ));
    }
    out
}

fn median(keys: &mut [i64]) -> i64 {
    crate::model::sort::sort(keys);
    keys[keys.len() / 2]
}

/// Warnings for the points further than `spread_days` from their median, naming the range of
/// the others.
fn apart(points: &[Dated], spread_days: i64, root: &Node, out: &mut Vec<Problem>) {
    if points.len() < 3 {
        return;
    }
    let mut keys: Vec<i64> = points.iter().map(|d| d.key).collect();
    let middle = median(&mut keys);
    let far = |d: &Dated| (d.key - middle).abs() > spread_days * DAY_MS;
    let near: Vec<&Dated> = points.iter().filter(|d| !far(d)).collect();
    let (Some(first), Some(last)) = (
        near.iter().min_by_key(|d| d.key),
        near.iter().max_by_key(|d| d.key),
    ) else {
        return;
    };
    for d in points.iter().filter(|d| far(d)) {
        let path = path_text(&d.path);
        if out.iter().any(|p| p.path == path) {
            continue;
        }
        let pos: Option<Pos> = node_at(root, &d.path).map(|n| n.pos);
        out.push(Problem::warning(
            path,
            pos,
            ProblemKind::FarFromOthers {
                date: d.date.clone(),
                from: first.date.clone(),
                to: last.date.clone(),
            },
        ));
    }
}

fn etas(report: &Report, prefix: &[Seg], root: &Node, out: &mut Vec<Problem>) {
    for (i, e) in report.timeline.iter().enumerate() {
        let (Some(eta), Some(at)) = (
            e.eta.as_ref().and_then(|t| dated(Vec::new(), t)),
            dated(Vec::new(), &e.time),
        ) else {
            continue;
        };
        if eta.key - at.key > ETA_SPREAD_DAYS * DAY_MS {
            let path = with(
                prefix,
                &[Seg::Key("timeline"), Seg::Index(i), Seg::Key("eta")],
            );
            out.push(Problem::warning(
                path_text(&path),
                node_at(root, &path).map(|n| n.pos),
                ProblemKind::EtaFarAfterAnnouncement {
                    eta: eta.date,
                    at: at.date,
                },
            ));
        }
    }
}

/// The ids of a history's entries in source order, missing ones filled as the decoder fills
/// them (`r1`, `r2`… by position, skipping taken ones), so model reports find their source.
fn source_ids(items: &[Node]) -> Vec<String> {
    let mut ids: Vec<String> = items
        .iter()
        .map(|n| {
            member(n, "report")
                .and_then(|h| member(h, "id"))
                .and_then(|id| match &id.value {
                    Value::String(s) => Some(s.trim().to_string()),
                    _ => None,
                })
                .unwrap_or_default()
        })
        .collect();
    let mut taken: std::collections::HashSet<String> =
        ids.iter().filter(|id| !id.is_empty()).cloned().collect();
    for (i, id) in ids.iter_mut().enumerate() {
        if id.is_empty() {
            let mut n = i + 1;
            while taken.contains(&format!("r{n}")) {
                n += 1;
            }
            *id = format!("r{n}");
            taken.insert(id.clone());
        }
    }
    ids
}

/// The plausibility warnings of a decoded hokoku document, `root` being the tree it came from.
pub fn check(doc: &Document, root: &Node) -> Vec<Problem> {
    let mut out = Vec::new();
    if !doc.is_history {
        if let Some(report) = doc.reports.first() {
            apart(&dates_of(report, &[]), REPORT_SPREAD_DAYS, root, &mut out);
            etas(report, &[], root, &mut out);
        }
        return out;
    }
    let Some(Value::Array(items)) = member(root, "reports").map(|n| &n.value) else {
        return out;
    };
    let index: HashMap<String, usize> = source_ids(items)
        .into_iter()
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect();
    let mut starts = Vec::new();
    let mut placed: Vec<(usize, &Report)> = doc
        .reports
        .iter()
        .filter_map(|r| index.get(&r.id).map(|i| (*i, r)))
        .collect();
    crate::model::sort::sort_by_key(&mut placed, |(i, _)| *i);
    for (i, report) in placed {
        let prefix = [Seg::Key("reports"), Seg::Index(i)];
        apart(
            &dates_of(report, &prefix),
            REPORT_SPREAD_DAYS,
            root,
            &mut out,
        );
        etas(report, &prefix, root, &mut out);
        starts.extend(dated(
            with(&prefix, &[Seg::Key("incident"), Seg::Key("start")]),
            &report.incident.period.start,
        ));
    }
    apart(&starts, HISTORY_SPREAD_DAYS, root, &mut out);
    out
}
