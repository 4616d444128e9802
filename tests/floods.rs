//! Problem floods (issue 18): a file with 100,000 wrong values or 50,000 repeated keys gives a
//! bounded list that still names every kind of problem, the first ones of each kind with path
//! and position, and the exact number of the others, in Japanese and English.

use hokoku::format::problem::KEPT_PER_KIND;
use hokoku::format::problem::{Problem, ProblemKind, Severity};
use hokoku::format::{decode_str, Outcome};
use hokoku::model::Lang;

const BASE: &str = r#"{"version":1,"report":{"title":"配送遅延のご報告","issued":"2026-05-12","issuer":"株式会社ミナモ通信"},"incident":{"start":"2026-05-11T14:20:00+09:00","end":"2026-05-11T15:05:00+09:00"}"#;

/// The base report with a `timeline` of `n` numbers and `extra` members at the top.
fn numbers(n: usize, extra: &str) -> String {
    let items: Vec<String> = (0..n).map(|i| i.to_string()).collect();
    format!("{BASE},{extra}\"timeline\":[{}]}}", items.join(","))
}

fn of_code<'o>(outcome: &'o Outcome, code: &str) -> Vec<&'o Problem> {
    outcome
        .problems
        .iter()
        .filter(|p| p.code() == code)
        .collect()
}

fn more_of(outcome: &Outcome, code: &str) -> Option<u64> {
    outcome.problems.iter().find_map(|p| match p.kind {
        ProblemKind::More { code: c, count } if c == code => Some(count),
        _ => None,
    })
}

#[test]
fn a_hundred_thousand_type_errors_keep_the_first_ones_and_count_the_rest() {
    let outcome = decode_str(&numbers(100_000, ""));
    assert!(outcome.document.is_none());
    let kept = of_code(&outcome, "wrong-type");
    assert_eq!(kept.len(), KEPT_PER_KIND);
    // The first ones, in document order, each with its path and position.
    assert_eq!(kept[0].path, "timeline[0]");
    assert_eq!(kept[99].path, "timeline[99]");
    assert!(kept.iter().all(|p| p.pos.is_some()));
    assert_eq!(
        more_of(&outcome, "wrong-type"),
        Some(100_000 - KEPT_PER_KIND as u64)
    );
    // The summary follows the last kept problem of its kind.
    let at = outcome
        .problems
        .iter()
        .position(|p| p.code() == "more")
        .unwrap();
    assert_eq!(outcome.problems[at - 1].path, "timeline[99]");
    assert_eq!(outcome.problems[at].severity, Severity::Error);
    let summary = &outcome.problems[at];
    assert!(
        summary
            .message(Lang::En)
            .contains("and 99,900 more of this kind"),
        "{}",
        summary.message(Lang::En)
    );
    assert!(
        summary.message(Lang::Ja).contains("99,900 件"),
        "{}",
        summary.message(Lang::Ja)
    );
}

#[test]
fn every_kind_is_kept_however_many_of_another_there_are() {
    // 100,000 type errors around an unknown field and a repeated key: both still listed.
    let outcome = decode_str(&numbers(100_000, "\"colour\":\"red\",\"version\":1,"));
    let codes: Vec<&str> = outcome.problems.iter().map(Problem::code).collect();
    assert!(codes.contains(&"unknown-field"), "{codes:?}");
    assert!(codes.contains(&"duplicate-key"), "{codes:?}");
    assert_eq!(of_code(&outcome, "unknown-field")[0].path, "colour");
    // Errors first, then warnings.
    let first_warning = outcome.problems.iter().position(|p| !p.is_error()).unwrap();
    assert!(outcome.problems[first_warning..]
        .iter()
        .all(|p| !p.is_error()));
}

#[test]
fn a_small_flood_is_listed_whole() {
    let outcome = decode_str(&numbers(KEPT_PER_KIND, ""));
    assert_eq!(of_code(&outcome, "wrong-type").len(), KEPT_PER_KIND);
    assert_eq!(more_of(&outcome, "wrong-type"), None);
    let outcome = decode_str(&numbers(KEPT_PER_KIND + 1, ""));
    assert_eq!(more_of(&outcome, "wrong-type"), Some(1));
}

#[test]
fn fifty_thousand_repeated_keys_are_counted_exactly() {
    let dupes: Vec<String> = (0..50_000)
        .map(|i| format!("\"title\":\"件名{i}\""))
        .collect();
    let text = BASE.replacen(
        "\"report\":{",
        &format!("\"report\":{{{},", dupes.join(",")),
        1,
    ) + "}";
    let outcome = decode_str(&text);
    assert!(outcome.document.is_none());
    let kept = of_code(&outcome, "duplicate-key");
    assert_eq!(kept.len(), KEPT_PER_KIND);
    assert_eq!(kept[0].path, "report.title");
    assert_eq!(kept[0].pos.map(|p| p.line), Some(1));
    // 50,001 "title" keys: the first is the one read, 50,000 repeat it.
    assert_eq!(
        more_of(&outcome, "duplicate-key"),
        Some(50_000 - KEPT_PER_KIND as u64)
    );
    assert!(outcome
        .problems
        .iter()
        .any(|p| p.message(Lang::En).contains("49,900 more")));
}

#[test]
fn a_repeated_key_in_a_small_object_is_still_found() {
    let text = BASE.replacen("\"report\":{", "\"report\":{\"issuer\":\"a\",", 1) + "}";
    let outcome = decode_str(&text);
    let kept = of_code(&outcome, "duplicate-key");
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].path, "report.issuer");
}
