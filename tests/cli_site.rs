//! Integration tests of `hokoku build` (feature `cli`): a history becomes a site whose Atom
//! feeds and iCalendar file parse back with parser crates (`atom_syndication`, `ical`) and hold
//! every report and every maintenance window; a single report becomes one page; hostile
//! strings in every field execute nothing; errors say exactly what is wrong.

use std::collections::BTreeSet;
use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::Command;

use hokoku::compose::history;
use hokoku::format::decode_str;

fn hokoku(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hokoku"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the hokoku binary runs");
    (
        out.status.code().expect("an exit status"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hokoku-site-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn build(input: &str, name: &str, extra: &[&str]) -> PathBuf {
    let out = scratch(name);
    let mut args = vec!["build", input, "--out", s(&out)];
    args.extend_from_slice(extra);
    let (code, stdout, err) = hokoku(&args);
    assert_eq!(code, 0, "{stdout}{err}");
    out
}

fn feed(path: &Path) -> atom_syndication::Feed {
    let file = fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    atom_syndication::Feed::read_from(BufReader::new(file))
        .unwrap_or_else(|e| panic!("{} is not Atom: {e}", path.display()))
}

fn calendar(path: &Path) -> ical::parser::ical::component::IcalCalendar {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.ends_with("END:VCALENDAR\r\n"), "lines end with CRLF");
    let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let cal = parser
        .next()
        .expect("one calendar")
        .expect("a valid calendar");
    assert!(parser.next().is_none());
    cal
}

fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

#[test]
fn a_history_builds_pages_feeds_and_a_calendar_holding_every_report() {
    let text = fs::read_to_string("examples/history.json").unwrap();
    let doc = decode_str(&text).document.unwrap();
    let out = build("examples/history.json", "history", &[]);

    // Pages: the index and one per report, each linking its feed.
    let index = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains(r#"<link rel="alternate" type="application/atom+xml" href="feed.atom""#));
    for r in &doc.reports {
        let page = out.join(format!("reports/{}.html", r.id));
        let html = fs::read_to_string(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        assert!(html
            .contains(r#"<link rel="alternate" type="application/atom+xml" href="../feed.atom""#));
        assert!(
            index.contains(&format!(r#"href="reports/{}.html""#, r.id)),
            "index links {}",
            r.id
        );
        for testid in ["view-timeline", "event-list", "view-table", "letter"] {
            assert!(
                html.contains(&format!(r#"data-testid="{testid}""#)),
                "{}: {testid}",
                r.id
            );
        }
        assert!(!html.contains("boot.js"), "no app without --app");
    }
    assert!(out.join("hokoku.css").is_file());

    // The feed: one entry per report, newest first, stable ids, updated from revisions.
    let all = feed(&out.join("feed.atom"));
    assert_eq!(all.entries().len(), doc.reports.len());
    let ids: BTreeSet<&str> = all.entries().iter().map(|e| e.id()).collect();
    assert_eq!(ids.len(), doc.reports.len(), "ids are unique");
    assert!(ids.iter().all(|id| id.starts_with("urn:uuid:")));
    for (entry, report) in all.entries().iter().zip(&doc.reports) {
        assert_eq!(entry.title().as_str(), report.header.shown_title(doc.lang));
        let newest = report
            .header
            .revisions
            .iter()
            .filter_map(|r| r.date)
            .chain(report.header.issued)
            .max()
            .unwrap();
        assert_eq!(entry.updated().date_naive(), newest, "{}", report.id);
        let content = entry.content().and_then(|c| c.value()).unwrap();
        for event in &report.timeline {
            assert!(
                content.contains(&escape(&event.text.first_line().unwrap_or_default())),
                "{}: update {:?} in the content",
                report.id,
                event.text
            );
        }
    }
    // A rebuild elsewhere keeps every id.
    let again = build("examples/history.json", "history-again", &[]);
    let ids_again: BTreeSet<String> = feed(&again.join("feed.atom"))
        .entries()
        .iter()
        .map(|e| e.id().to_string())
        .collect();
    assert_eq!(ids_again, ids.iter().map(|s| s.to_string()).collect());

    // One feed per service, holding the reports that affected it.
    let entries = history::entries(&doc);
    for (id, _) in history::services(&doc) {
        let f = feed(&out.join(format!("feeds/{id}.atom")));
        let expected = entries
            .iter()
            .filter(|e| {
                e.affected
                    .iter()
                    .any(|s| doc.reports[e.index].services[*s].id == id)
            })
            .count();
        assert_eq!(f.entries().len(), expected, "service {id}");
    }

    // The calendar: every maintenance window, with its times.
    let cal = calendar(&out.join("maintenance.ics"));
    let maintenance: Vec<_> = entries.iter().filter(|e| e.maintenance).collect();
    assert!(!maintenance.is_empty(), "the example has maintenance");
    assert_eq!(cal.events.len(), maintenance.len());
    for (event, e) in cal.events.iter().zip(&maintenance) {
        let report = &doc.reports[e.index];
        assert_eq!(
            prop(&event.properties, "SUMMARY"),
            Some(report.header.shown_title(doc.lang).as_str())
        );
        let start = report
            .incident
            .period
            .start
            .earliest()
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(
            prop(&event.properties, "DTSTART"),
            Some(start.format("%Y%m%dT%H%M%SZ").to_string().as_str())
        );
        assert!(
            prop(&event.properties, "UID").is_some()
                && prop(&event.properties, "DTSTAMP").is_some()
        );
    }
}

/// Text as yew writes it in HTML, then as it reads back from the Atom content.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[test]
fn statuspage_maintenances_go_into_the_calendar_with_absolute_links() {
    let out = build(
        "tests/fixtures/statuspage/scheduled-maintenances.json",
        "statuspage",
        &["--base-url", "https://status.example.com/incidents"],
    );
    let cal = calendar(&out.join("maintenance.ics"));
    let titles: Vec<_> = cal
        .events
        .iter()
        .filter_map(|e| prop(&e.properties, "SUMMARY"))
        .collect();
    assert_eq!(
        titles,
        [
            "Network switch firmware upgrade",
            "Storage array replacement"
        ]
    );
    let done = &cal.events[1].properties;
    assert_eq!(prop(done, "DTSTART"), Some("20260510T030200Z"));
    assert_eq!(prop(done, "DTEND"), Some("20260510T051000Z"));
    assert_eq!(
        prop(done, "URL"),
        Some("https://status.example.com/incidents/reports/ns1done00001.html")
    );
    assert_eq!(
        prop(&cal.events[0].properties, "DTEND"),
        None,
        "still in progress: no end stated"
    );
    let f = feed(&out.join("feed.atom"));
    let link = &f.entries()[0].links()[0];
    assert_eq!(
        link.href(),
        "https://status.example.com/incidents/reports/ns2prog00001.html"
    );
    assert!(
        f.links()
            .iter()
            .any(|l| l.rel() == "self"
                && l.href() == "https://status.example.com/incidents/feed.atom")
    );
}

#[test]
fn one_report_builds_one_page_and_the_app_is_copied_when_given() {
    let app = scratch("fake-dist");
    for name in ["boot.js", "hokoku.js", "hokoku_bg.wasm"] {
        fs::write(app.join(name), name).unwrap();
    }
    let out = build("examples/sample.json", "single", &["--app", s(&app)]);
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"ja\">"));
    assert!(html.contains(r#"<script type="module" src="boot.js"></script>"#));
    assert!(
        html.contains(r#"<div id="hokoku-root"></div>"#),
        "the app's root is empty"
    );
    assert!(
        html.contains(r#"<meta name="hokoku-lang" content="ja">"#),
        "the app that takes over is told the page's language"
    );
    assert!(!out.join("reports").exists());
    assert_eq!(
        fs::read_to_string(out.join("hokoku_bg.wasm")).unwrap(),
        "hokoku_bg.wasm"
    );
    // The embedded document is the report itself: it decodes to the same model.
    let data = between(
        &html,
        r#"<script type="application/json" id="hokoku-data">"#,
        "</script>",
    );
    let embedded = decode_str(data).document.expect("embedded data decodes");
    let original = decode_str(&fs::read_to_string("examples/sample.json").unwrap())
        .document
        .unwrap();
    assert_eq!(embedded.reports, original.reports);
}

#[test]
fn built_with_lang_the_app_taking_over_speaks_it_too() {
    let app = scratch("fake-dist-en");
    for name in ["boot.js", "hokoku.js", "hokoku_bg.wasm"] {
        fs::write(app.join(name), name).unwrap();
    }
    let out = build(
        "examples/sample.json",
        "single-en",
        &["--app", s(&app), "--lang", "en"],
    );
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(html.starts_with("<!doctype html>\n<html lang=\"en\">"));
    assert!(html.contains(r#"<meta name="hokoku-lang" content="en">"#));
}

#[test]
fn a_static_page_lists_every_event_since_no_script_can_show_more() {
    // The app lists a long timeline a page at a time behind a "show more" button; a page
    // read without JavaScript has no script behind that button, so it must hold them all.
    let events: Vec<String> = (0..250)
        .map(|i| {
            format!(
                r#"{{"at": "2026-04-0{}T{:02}:{:02}:00+09:00", "text": "監視ログの記録 {i}番"}}"#,
                1 + i / 100,
                (i / 60) % 24,
                i % 60
            )
        })
        .collect();
    let doc = format!(
        r#"{{"version": 1,
  "report": {{"title": "長い経緯のご報告", "issued": "2026-04-05", "issuer": "株式会社ヒバリ計測"}},
  "incident": {{"start": "2026-04-01T00:00:00+09:00", "end": "2026-04-03T12:00:00+09:00"}},
  "timeline": [{}]}}"#,
        events.join(",\n")
    );
    let input = scratch("long-input").join("long.json");
    fs::write(&input, doc).unwrap();
    let out = build(s(&input), "long", &[]);
    let html = fs::read_to_string(out.join("index.html")).unwrap();
    assert_eq!(html.matches(r#"data-testid="event-item""#).count(), 250);
    assert!(html.contains("監視ログの記録 249番"));
    assert!(
        !html.contains(r#"data-testid="list-more""#),
        "no button that needs a script"
    );
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).expect("start marker") + start.len();
    let to = from + text[from..].find(end).expect("end marker");
    &text[from..to]
}

#[test]
fn build_errors_say_exactly_what_is_wrong() {
    let out = scratch("errors");
    let (code, _, err) = hokoku(&["build", "missing.json", "--out", s(&out)]);
    assert_eq!(
        (code, err.as_str()),
        (2, "hokoku: missing.json: no such file or directory\n")
    );

    let (code, _, err) = hokoku(&["build", "e2e/fixtures/syntax-error.json", "--out", s(&out)]);
    assert_eq!(code, 1);
    assert!(
        err.ends_with("hokoku: e2e/fixtures/syntax-error.json: has errors; nothing was built\n"),
        "{err}"
    );
    assert_eq!(fs::read_dir(&out).unwrap().count(), 0, "nothing written");

    let file = out.join("a-file");
    fs::write(&file, "").unwrap();
    let (code, _, err) = hokoku(&["build", "examples/sample.json", "--out", s(&file)]);
    assert_eq!(
        (code, err),
        (
            2,
            format!(
                "hokoku: --out {}: exists and is not a directory\n",
                s(&file)
            )
        )
    );

    let below = file.join("site");
    let (code, _, err) = hokoku(&["build", "examples/sample.json", "--out", s(&below)]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(&format!(
            "hokoku: --out {}: cannot create directory: ",
            s(&below)
        )),
        "{err}"
    );

    let (code, _, err) = hokoku(&[
        "build",
        "examples/sample.json",
        "--out",
        s(&out),
        "--app",
        s(&out),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("boot.js is missing"), "{err}");
}
