//! Plausibility warnings (issue 18): a typo year, a year 9999, an event decades from its
//! incident, an ETA years after its announcement. Warnings only, each with its path, position
//! and the dates it stands apart from; ordinary histories and reports get none.

use hokoku::format::decode_str;
use hokoku::format::problem::{Problem, ProblemKind};
use hokoku::model::Lang;

/// A history with one report per year, each on 5 May 10:00–11:00 JST, ids r1, r2… in order.
fn history(years: &[u32], with_ids: bool) -> String {
    let reports: Vec<String> = years
        .iter()
        .enumerate()
        .map(|(i, y)| {
            let id = if with_ids { format!(r#""id":"x{i}","#) } else { String::new() };
            format!(
                r#"{{"report":{{{id}"title":"第{n}号","issued":"{y:04}-05-05","issuer":"ミナモ"}},"incident":{{"start":"{y:04}-05-05T10:00:00+09:00","end":"{y:04}-05-05T11:00:00+09:00"}}}}"#,
                n = i + 1
            )
        })
        .collect();
    format!(
        "{{\"version\":1,\"reports\":[\n{}\n]}}",
        reports.join(",\n")
    )
}

fn report(timeline: &str) -> String {
    format!(
        r#"{{"version":1,"report":{{"title":"配送遅延","issued":"2026-05-12","issuer":"ミナモ"}},
"incident":{{"start":"2026-05-11T14:20:00+09:00","end":"2026-05-11T15:05:00+09:00"}},
"timeline":[{timeline}]}}"#
    )
}

fn far(problems: &[Problem]) -> Vec<&Problem> {
    problems
        .iter()
        .filter(|p| p.code() == "far-from-others")
        .collect()
}

#[test]
fn a_typo_year_in_a_history_is_a_warning_at_its_report() {
    for with_ids in [false, true] {
        let outcome = decode_str(&history(
            &[2020, 2021, 2022, 2023, 2024, 2025, 206, 2026],
            with_ids,
        ));
        assert!(outcome.document.is_some(), "only a warning");
        let far = far(&outcome.problems);
        assert_eq!(far.len(), 1, "{:?}", outcome.problems);
        let p = far[0];
        assert!(!p.is_error());
        assert_eq!(p.path, "reports[6].incident.start");
        assert_eq!(p.pos.map(|p| p.line), Some(8));
        assert_eq!(
            p.kind,
            ProblemKind::FarFromOthers {
                date: "0206-05-05".into(),
                from: "2020-05-05".into(),
                to: "2026-05-05".into(),
            }
        );
        assert!(
            p.message(Lang::Ja).contains("0206-05-05")
                && p.message(Lang::Ja).contains("2020-05-05～2026-05-05")
        );
        assert!(p.message(Lang::En).contains("Check the year for a typo"));
    }
}

#[test]
fn years_1_to_9999_flag_the_far_ones_and_not_the_cluster() {
    let outcome = decode_str(&history(&[1, 2024, 2025, 2026, 9999], false));
    let paths: Vec<&str> = far(&outcome.problems)
        .iter()
        .map(|p| p.path.as_str())
        .collect();
    assert_eq!(
        paths,
        vec!["reports[0].incident.start", "reports[4].incident.start"]
    );
}

#[test]
fn an_ordinary_decade_of_reports_has_no_warning() {
    let outcome = decode_str(&history(&[2016, 2018, 2020, 2022, 2024, 2026], false));
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    for name in [
        "history.json",
        "sample.json",
        "sample-en.json",
        "minimal.json",
    ] {
        let text =
            std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR")))
                .unwrap();
        assert!(far(&decode_str(&text).problems).is_empty(), "{name}");
    }
}

#[test]
fn an_event_decades_from_its_incident_is_a_warning_at_the_event() {
    let outcome = decode_str(&report(
        r#"{"at":"2026-05-11T14:20:00+09:00","text":"発生"},
{"at":"0206-05-11T14:40:00+09:00","text":"対応"},
{"at":"2026-05-11T15:05:00+09:00","text":"復旧"}"#,
    ));
    let far = far(&outcome.problems);
    assert_eq!(far.len(), 1, "{:?}", outcome.problems);
    assert_eq!(far[0].path, "timeline[1]");
    assert_eq!(far[0].pos.map(|p| p.line), Some(4));
    assert!(
        matches!(&far[0].kind, ProblemKind::FarFromOthers { date, .. } if date == "0206-05-11")
    );
}

#[test]
fn an_eta_years_after_its_announcement_is_a_warning() {
    let outcome = decode_str(&report(
        r#"{"at":"2026-05-11T14:30:00+09:00","kind":"eta","eta":"2036-05-11T16:00:00+09:00","text":"見込み"}"#,
    ));
    let p = outcome
        .problems
        .iter()
        .find(|p| p.code() == "eta-far-after-announcement")
        .expect("warned");
    assert!(!p.is_error() && outcome.document.is_some());
    assert_eq!(p.path, "timeline[0].eta");
    assert!(p.pos.is_some());
    assert!(
        p.message(Lang::Ja).contains("2036-05-11") && p.message(Lang::Ja).contains("2026-05-11")
    );
    assert!(p.message(Lang::En).contains("more than a year after"));
    // An ETA the same evening is fine.
    let outcome = decode_str(&report(
        r#"{"at":"2026-05-11T14:30:00+09:00","kind":"eta","eta":"2026-05-11T16:00:00+09:00","text":"見込み"}"#,
    ));
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
}
