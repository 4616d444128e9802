//! The bad-input corpus (tests/bad-inputs/, described by its manifest.json) and the fuzz
//! regressions (fuzz/regressions/): every file gives its expected problem at its path, never
//! panics, and no file with an error produces a document.

use std::collections::BTreeSet;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use hokoku::format::json;
use hokoku::format::problem::Severity;
use hokoku::format::{decode_bytes, decode_str, Outcome, MAX_BYTES};
use hokoku::model::Lang;
use serde_json::Value;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("bad-inputs")
}

fn regressions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join("regressions")
}

/// One manifest entry: the problem a file must give.
struct Expected {
    file: String,
    code: Option<String>,
    path: String,
    severity: String,
    detail: Option<String>,
    line: Option<u64>,
    column: Option<u64>,
}

fn manifest() -> Vec<Expected> {
    let text = fs::read_to_string(corpus_dir().join("manifest.json")).expect("manifest.json");
    let root: Value = serde_json::from_str(&text).expect("manifest.json is JSON");
    let files = root["files"].as_object().expect("manifest has files");
    files
        .iter()
        .map(|(file, e)| Expected {
            file: file.clone(),
            code: e["code"].as_str().map(String::from),
            path: e["path"]
                .as_str()
                .unwrap_or_else(|| panic!("{file}: path"))
                .to_string(),
            severity: e["severity"]
                .as_str()
                .unwrap_or_else(|| panic!("{file}: severity"))
                .to_string(),
            detail: e.get("detail").and_then(Value::as_str).map(String::from),
            line: e.get("line").and_then(Value::as_u64),
            column: e.get("column").and_then(Value::as_u64),
        })
        .collect()
}

/// Decodes without letting a panic end the test run, so every file is checked and reported.
fn decode_caught(bytes: &[u8]) -> Result<Outcome, String> {
    catch_unwind(AssertUnwindSafe(|| decode_bytes(bytes))).map_err(|e| {
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "panic".into())
    })
}

fn listed(outcome: &Outcome) -> String {
    outcome
        .problems
        .iter()
        .map(|p| {
            let path: String = p.path.chars().take(80).collect();
            format!(
                "  {:?} {} at \"{path}\" ({:?})",
                p.severity,
                p.code(),
                p.pos
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What is wrong with one file's outcome, or `None` when it matches the manifest.
fn check(e: &Expected, outcome: &Outcome) -> Option<String> {
    let has_error = outcome.problems.iter().any(|p| p.is_error());
    let broken = outcome.document.as_ref().map_or(0, |d| d.broken.len());
    if outcome.document.is_some() == has_error && broken == 0 {
        return Some(
            "a document must come back exactly when there is no error, or with its broken reports"
                .into(),
        );
    }
    if let Some(doc) = outcome.document.as_ref().filter(|_| has_error) {
        // Every error kept in the list is inside one of the reports left out.
        let stray = outcome.errors().find(|p| {
            !doc.broken
                .iter()
                .any(|b| p.path == b.path || p.path.starts_with(&format!("{}.", b.path)))
        });
        if let Some(p) = stray {
            return Some(format!("an error outside the broken reports: {}", p.path));
        }
    }
    match e.severity.as_str() {
        "none" => {
            if !outcome.problems.is_empty() {
                return Some(format!("expected no problem, got:\n{}", listed(outcome)));
            }
            return None;
        }
        "error" if outcome.document.is_some() => {
            return Some("an error file produced a document".into())
        }
        "broken" if broken == 0 => {
            return Some("expected a history opened without its broken report".into())
        }
        "warning" if has_error => {
            return Some(format!(
                "expected only warnings, got errors:\n{}",
                listed(outcome)
            ));
        }
        "error" | "warning" | "broken" => {}
        other => return Some(format!("unknown severity {other:?} in the manifest")),
    }
    let severity = if e.severity != "warning" {
        Severity::Error
    } else {
        Severity::Warning
    };
    let code = e.code.as_deref().unwrap_or_default();
    let found = outcome.problems.iter().any(|p| {
        p.code() == code
            && p.path == e.path
            && p.severity == severity
            && e.detail
                .as_ref()
                .is_none_or(|d| format!("{:?}", p.kind).contains(d.as_str()))
            && e.line
                .is_none_or(|l| p.pos.is_some_and(|pos| u64::from(pos.line) == l))
            && e.column
                .is_none_or(|c| p.pos.is_some_and(|pos| u64::from(pos.column) == c))
    });
    if found {
        None
    } else {
        let path: String = e.path.chars().take(80).collect();
        Some(format!(
            "expected {} {code} at \"{path}\" (detail {:?}, line {:?}, column {:?}), got:\n{}",
            e.severity,
            e.detail,
            e.line,
            e.column,
            listed(outcome)
        ))
    }
}

#[test]
fn every_file_gives_its_expected_problem() {
    let entries = manifest();
    assert!(
        entries.len() >= 40,
        "the corpus needs at least 40 files, has {}",
        entries.len()
    );
    let mut failures = Vec::new();
    for e in &entries {
        let bytes =
            fs::read(corpus_dir().join(&e.file)).unwrap_or_else(|err| panic!("{}: {err}", e.file));
        match decode_caught(&bytes) {
            Err(panic) => failures.push(format!("{}: PANIC {panic}", e.file)),
            Ok(outcome) => {
                if let Some(why) = check(e, &outcome) {
                    failures.push(format!("{}: {why}", e.file));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files failed:\n{}",
        failures.len(),
        entries.len(),
        failures.join("\n")
    );
}

#[test]
fn no_error_file_produces_a_document() {
    for e in manifest().iter().filter(|e| e.severity == "error") {
        let bytes = fs::read(corpus_dir().join(&e.file)).expect("corpus file");
        let outcome = decode_bytes(&bytes);
        assert!(
            outcome.document.is_none(),
            "{}: an error file produced a document",
            e.file
        );
        assert!(
            outcome.errors().next().is_some(),
            "{}: no error reported",
            e.file
        );
    }
}

#[test]
fn manifest_and_directory_list_the_same_files() {
    let in_manifest: BTreeSet<String> = manifest().into_iter().map(|e| e.file).collect();
    let on_disk: BTreeSet<String> = fs::read_dir(corpus_dir())
        .expect("tests/bad-inputs")
        .filter_map(|d| d.ok()?.file_name().into_string().ok())
        .filter(|name| name != "manifest.json")
        .collect();
    let unlisted: Vec<_> = on_disk.difference(&in_manifest).collect();
    let missing: Vec<_> = in_manifest.difference(&on_disk).collect();
    assert!(
        unlisted.is_empty(),
        "files without a manifest entry: {unlisted:?}"
    );
    assert!(
        missing.is_empty(),
        "manifest entries without a file: {missing:?}"
    );
}

#[test]
fn text_and_bytes_agree() {
    // Pasted text goes through decode_str, files through decode_bytes: same answer for UTF-8.
    for e in manifest() {
        let bytes = fs::read(corpus_dir().join(&e.file)).expect("corpus file");
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        assert_eq!(decode_str(text), decode_bytes(&bytes), "{}", e.file);
    }
}

#[test]
fn every_problem_can_be_shown_in_both_languages() {
    for e in manifest() {
        let bytes = fs::read(corpus_dir().join(&e.file)).expect("corpus file");
        for p in decode_bytes(&bytes).problems {
            for lang in [Lang::Ja, Lang::En] {
                let message = p.message(lang);
                assert!(
                    !message.trim().is_empty(),
                    "{}: empty {lang:?} message for {}",
                    e.file,
                    p.code()
                );
                // Hostile or huge input is quoted shortened, never whole.
                assert!(
                    message.chars().count() < 400,
                    "{}: {lang:?} message too long: {message}",
                    e.file
                );
                let _ = p.location(lang);
            }
        }
    }
}

#[test]
fn hostile_strings_are_kept_as_text_and_unsafe_links_dropped() {
    let bytes = fs::read(corpus_dir().join("hostile-javascript-url.json")).expect("corpus file");
    let doc = decode_bytes(&bytes).document.expect("warnings only");
    let report = &doc.reports[0];
    // The decoder neither strips nor rewrites text: the views render it as text.
    assert_eq!(
        report.header.title.as_deref(),
        Some("<script>alert(\"title\")</script>")
    );
    assert_eq!(
        report.timeline[0].text,
        "<img src=x onerror=\"alert(1)\">".into()
    );
    let contact = report.header.contact.as_ref().expect("contact");
    assert_eq!(contact.url, None, "a javascript: URL never becomes a link");
}

/// A 30 MB file, generated here rather than committed: refused by size before any parsing.
#[test]
fn thirty_megabytes_is_too_large() {
    let base = fs::read_to_string(corpus_dir().join("valid-base.json")).expect("valid-base.json");
    let filler = "x".repeat(30_000_000);
    let big = base.replacen(
        "\"version\": 1,",
        &format!("\"version\": 1, \"filler\": \"{filler}\","),
        1,
    );
    assert!(big.len() as u64 > MAX_BYTES);
    for outcome in [decode_bytes(big.as_bytes()), decode_str(&big)] {
        assert!(outcome.document.is_none());
        assert_eq!(outcome.problems.len(), 1, "only the size is reported");
        assert_eq!(outcome.problems[0].code(), "too-large");
        assert_eq!(outcome.problems[0].path, "");
        assert!(outcome.problems[0].is_error());
    }
    // Just under the limit is read normally (the filler is only an unknown field).
    let under = base.replacen(
        "\"version\": 1,",
        &format!(
            "\"version\": 1, \"filler\": \"{}\",",
            "y".repeat((MAX_BYTES as usize) - base.len() - 64)
        ),
        1,
    );
    assert!(under.len() as u64 <= MAX_BYTES);
    let outcome = decode_bytes(under.as_bytes());
    assert!(outcome.document.is_some(), "{}", listed(&outcome));
    assert_eq!(
        outcome
            .problems
            .iter()
            .map(|p| p.code())
            .collect::<Vec<_>>(),
        ["unknown-field"]
    );
}

/// A 1,000,000-character title (3 MB of UTF-8), generated here: read in full, not refused.
#[test]
fn a_million_character_title_is_read() {
    let base = fs::read_to_string(corpus_dir().join("valid-base.json")).expect("valid-base.json");
    let title = "長".repeat(1_000_000);
    let text = base.replacen("メール配送障害のご報告", &title, 1);
    let outcome = decode_str(&text);
    let doc = outcome.document.expect("a long title is not an error");
    assert_eq!(
        doc.reports[0]
            .header
            .title
            .as_deref()
            .unwrap_or_default()
            .chars()
            .count(),
        1_000_000
    );
}

/// Every input the fuzzer ever crashed on (fuzz/regressions/), through both fuzz targets' paths.
#[test]
fn fuzz_regressions() {
    let dir = regressions_dir();
    let mut names: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fuzz/regressions")
        .filter_map(|d| Some(d.ok()?.path()))
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for path in &names {
        let bytes = fs::read(path).expect("regression file");
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if catch_unwind(|| json::parse_bytes(&bytes).is_ok()).is_err() {
            failures.push(format!("{name}: json::parse_bytes panicked"));
        }
        match decode_caught(&bytes) {
            Err(panic) => failures.push(format!("{name}: decode_bytes panicked: {panic}")),
            Ok(outcome) => {
                let has_error = outcome.problems.iter().any(|p| p.is_error());
                if outcome.document.is_some() == has_error {
                    failures.push(format!("{name}: document and errors disagree"));
                }
                for p in &outcome.problems {
                    let _ = (
                        p.message(Lang::Ja),
                        p.message(Lang::En),
                        p.location(Lang::Ja),
                    );
                }
                if let Some(doc) = &outcome.document {
                    let again = decode_str(&hokoku::format::export::to_json(doc));
                    if again.document.is_none() {
                        failures.push(format!(
                            "{name}: exported JSON does not read back:\n{}",
                            listed(&again)
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Fuzz finding: with no `end`, the incident's end is taken from the phases; when the given start
/// is after every phase, that derived end was before the start, the document was accepted, and
/// its normalized export (which writes the end out) was then refused with end-before-start.
#[test]
fn a_derived_end_is_never_before_the_start() {
    let bytes = fs::read(regressions_dir().join("decode-derived-end-before-start.json"))
        .expect("regression file");
    let outcome = decode_bytes(&bytes);
    let doc = outcome.document.as_ref().expect("only warnings");
    assert_eq!(
        doc.reports[0].incident.period.end, None,
        "no end before the start"
    );
    let codes: Vec<(&str, &str)> = outcome
        .problems
        .iter()
        .map(|p| (p.code(), p.path.as_str()))
        .collect();
    // The start's year 4052 also stands two millennia from the other dates (issue 18).
    assert_eq!(
        codes,
        [
            ("phase-outside-period", "incident.phases[0]"),
            ("far-from-others", "incident.start")
        ]
    );
    let again = decode_str(&hokoku::format::export::to_json(doc));
    assert!(
        again.document.is_some(),
        "the export reads back:\n{}",
        listed(&again)
    );
}
