//! One bad report never sinks a history (issue 14, point 5): in hokoku's own format and in a
//! Statuspage export, an entry with errors is left out of the reports (and so of every figure)
//! and listed in `Document::broken` with its path, id and title; its problems keep their JSON
//! path, line and column; all the other entries open. An error outside the entries (shared
//! services, the file's version) still refuses the file, and so does a history with nothing
//! left to open.

use hokoku::compose::history;
use hokoku::format::decode_str;
use hokoku::format::problem::KEPT_PER_KIND;
use serde_json::{json, Value};

fn entry(id: &str, title: &str, start: &str) -> Value {
    json!({
        "report": { "id": id, "title": title, "issued": "2026-03-10", "issuer": "株式会社ミドリ通信" },
        "incident": { "start": start, "end": start,
                      "phases": [ { "start": start, "impact": { "mail": "outage" } } ] }
    })
}

fn history(reports: Vec<Value>) -> String {
    serde_json::to_string_pretty(&json!({
        "version": 1,
        "lang": "ja",
        "services": [ { "id": "mail", "name": "メール" } ],
        "reports": reports,
    }))
    .expect("test JSON")
}

#[test]
fn a_bad_entry_is_listed_and_the_others_open() {
    let text = history(vec![
        entry("jan", "一月の障害", "2026-01-09T10:00:00+09:00"),
        entry("feb", "二月の障害", "2026-02-30T10:00:00+09:00"),
        entry("mar", "三月の障害", "2026-03-09T10:00:00+09:00"),
    ]);
    let o = decode_str(&text);
    let doc = o.document.as_ref().expect("the history opens");
    let ids: Vec<&str> = doc.reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["mar", "jan"]);
    assert_eq!(doc.broken.len(), 1);
    let b = &doc.broken[0];
    assert_eq!(b.path, "reports[1]");
    assert_eq!(b.id.as_deref(), Some("feb"));
    assert_eq!(b.title.as_deref(), Some("二月の障害"));
    assert!(b.errors >= 1);
    // Its errors keep their place in the file.
    let e = o.errors().next().expect("the error is listed");
    assert!(e.path.starts_with("reports[1].incident."), "{}", e.path);
    let line = e.pos.expect("a position").line as usize;
    let written = text.lines().nth(line - 1).expect("the line exists");
    assert!(written.contains("2026-02-30"), "line {line}: {written}");
    // Left out of the figures: no February month, two incidents in all.
    let all = history::entries(doc);
    let shown: Vec<_> = all.iter().collect();
    let months = history::monthly(doc, &shown);
    assert_eq!(months.iter().map(|m| m.incidents).sum::<usize>(), 2);
    assert!(months.iter().all(|m| m.month != 2 || m.incidents == 0));
}

#[test]
fn an_error_outside_the_entries_still_refuses_the_file() {
    let mut v: Value = serde_json::from_str(&history(vec![
        entry("jan", "一月の障害", "2026-01-09T10:00:00+09:00"),
        entry("feb", "二月の障害", "2026-02-30T10:00:00+09:00"),
    ]))
    .expect("JSON");
    v["version"] = json!(2);
    let o = decode_str(&v.to_string());
    assert!(
        o.document.is_none(),
        "a wrong version refuses the whole file"
    );
    assert!(o.errors().any(|p| p.path == "version"));
}

#[test]
fn nothing_left_to_open_refuses_the_file_with_every_problem() {
    let o = decode_str(&history(vec![
        entry("a", "一", "2026-02-30T10:00:00+09:00"),
        entry("b", "二", "2026-04-31T10:00:00+09:00"),
    ]));
    assert!(o.document.is_none());
    let paths: Vec<&str> = o.errors().map(|p| p.path.as_str()).collect();
    assert!(
        paths.iter().any(|p| p.starts_with("reports[0].")),
        "{paths:?}"
    );
    assert!(
        paths.iter().any(|p| p.starts_with("reports[1].")),
        "{paths:?}"
    );
}

#[test]
fn many_bad_entries_are_all_listed_even_beyond_the_kept_problems() {
    let n = KEPT_PER_KIND * 2 + 7;
    let mut reports: Vec<Value> = (0..n)
        .map(|i| {
            entry(
                &format!("bad{i}"),
                "壊れた報告",
                "2026-02-30T10:00:00+09:00",
            )
        })
        .collect();
    reports.push(entry("good", "正しい報告", "2026-03-09T10:00:00+09:00"));
    let o = decode_str(&history(reports));
    let doc = o.document.as_ref().expect("the good report opens");
    assert_eq!(doc.reports.len(), 1);
    assert_eq!(doc.broken.len(), n);
    assert_eq!(
        doc.broken[n - 1].id.as_deref(),
        Some(format!("bad{}", n - 1).as_str())
    );
}

fn incident(id: &str, name: &str, created: &str) -> Value {
    json!({
        "id": id, "name": name, "status": "resolved", "impact": "minor",
        "created_at": created, "resolved_at": "2020-05-01T12:00:00Z",
        "incident_updates": [
            { "id": format!("{id}-u1"), "status": "resolved", "body": "Fixed.",
              "created_at": "2020-05-01T12:00:00Z" }
        ]
    })
}

#[test]
fn a_bad_incident_of_a_statuspage_export_is_listed_and_the_others_open() {
    let text = serde_json::to_string_pretty(&json!({
        "page": { "id": "p", "name": "Example", "time_zone": "Etc/UTC" },
        "incidents": [
            incident("i1", "API errors", "2020-05-01T10:00:00Z"),
            incident("i2", "Broken times", "yesterday"),
            incident("i3", "Slow pages", "2020-05-01T11:00:00Z"),
        ]
    }))
    .expect("JSON");
    let o = decode_str(&text);
    let doc = o.document.as_ref().expect("the export opens");
    let mut ids: Vec<&str> = doc.reports.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["i1", "i3"]);
    assert_eq!(doc.broken.len(), 1);
    assert_eq!(doc.broken[0].path, "incidents[1]");
    assert_eq!(doc.broken[0].title.as_deref(), Some("Broken times"));
    let e = o.errors().next().expect("its error");
    assert_eq!(e.path, "incidents[1].created_at");
    assert!(e.pos.is_some());
}
