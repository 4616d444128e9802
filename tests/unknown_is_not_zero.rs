//! What a report does not state is printed as 「記載なし」 / "not stated": never 「なし」, 「0分」 or
//! a guessed number, left out of sums and means, and every figure built from part of the data
//! says how many reports it leaves out.

use hokoku::compose::history::{entries, monthly, MonthStats};
use hokoku::compose::impact::{Figures, Length};
use hokoku::compose::letter::{compose, subject, Block};
use hokoku::format::decode_str;
use hokoku::model::timefmt::Fmt;
use hokoku::model::*;
use serde_json::json;

fn history(reports: serde_json::Value) -> Document {
    let text = json!({
        "version": 1,
        "issuer": "株式会社カワセミ通信",
        "services": [ { "id": "mail", "name": "メール" }, { "id": "web", "name": "Web" } ],
        "reports": reports
    })
    .to_string();
    let o = decode_str(&text);
    assert!(o.errors().next().is_none(), "{:#?}", o.problems);
    o.document.expect("a history")
}

fn entry(
    title: &str,
    start: &str,
    end: &str,
    impact: Option<serde_json::Value>,
) -> serde_json::Value {
    let mut incident = json!({ "start": start, "end": end });
    if let Some(impact) = impact {
        incident["phases"] = json!([{ "start": start, "end": end, "impact": impact }]);
    }
    json!({ "report": { "title": title, "issued": &start[..10] }, "incident": incident })
}

fn ja(doc: &Document) -> Fmt {
    let r = &doc.reports[0];
    Fmt::new(Lang::Ja, r.letter.date_style, r.zone)
}

fn month(doc: &Document) -> MonthStats {
    let all = entries(doc);
    let refs: Vec<_> = all.iter().collect();
    let months = monthly(doc, &refs);
    assert_eq!(months.len(), 1, "{months:?}");
    months[0]
}

#[test]
fn a_month_whose_reports_state_no_outage_is_not_stated_not_zero() {
    // Nine hours, but no impact level: the outage time is not stated.
    let doc = history(json!([entry(
        "A",
        "2026-04-01T09:00:00+09:00",
        "2026-04-01T18:00:00+09:00",
        None
    )]));
    let m = month(&doc);
    assert_eq!(m.outage_not_stated, 1);
    assert_eq!(m.outage_text(&ja(&doc)), "記載なし");
    let en = Fmt::new(Lang::En, DateStyle::default(), doc.reports[0].zone);
    assert_eq!(m.outage_text(&en), "not stated");
    // The time to recovery is known (the incident's own period).
    assert_eq!(m.mttr_text(&ja(&doc)), "9時間");
}

#[test]
fn a_sum_from_some_reports_says_how_many_it_leaves_out() {
    let doc = history(json!([
        entry(
            "A",
            "2026-04-01T09:00:00+09:00",
            "2026-04-01T10:00:00+09:00",
            Some(json!({ "mail": "outage" }))
        ),
        entry(
            "B",
            "2026-04-05T09:00:00+09:00",
            "2026-04-05T18:00:00+09:00",
            None
        ),
    ]));
    let m = month(&doc);
    assert_eq!(m.outage_minutes, 60);
    assert_eq!(m.outage_text(&ja(&doc)), "1時間（記載なし1件を除く）");
}

#[test]
fn levels_without_an_outage_are_truly_none() {
    let doc = history(json!([entry(
        "A",
        "2026-04-01T09:00:00+09:00",
        "2026-04-01T10:00:00+09:00",
        Some(json!({ "mail": "degraded" }))
    )]));
    assert_eq!(month(&doc).outage_text(&ja(&doc)), "0分");
    let f = Figures::of(&doc.reports[0]);
    assert_eq!(f.outage_text(&ja(&doc)), "なし");
}

#[test]
fn a_migrated_record_whose_end_equals_its_start_is_not_a_zero_minute_outage() {
    let doc = history(json!([
        entry(
            "A",
            "2026-04-01T09:00:00+09:00",
            "2026-04-01T09:00:00+09:00",
            Some(json!({ "mail": "outage" }))
        ),
        entry(
            "B",
            "2026-04-05T09:00:00+09:00",
            "2026-04-05T11:00:00+09:00",
            Some(json!({ "mail": "outage" }))
        ),
    ]));
    let a = doc
        .reports
        .iter()
        .find(|r| r.header.title.as_deref() == Some("A"))
        .expect("A");
    assert_eq!(a.incident.period.duration_minutes(), None);
    let figures = Figures::of(a);
    assert_eq!(figures.incident, Length::Unknown);
    assert_eq!(figures.incident.text(&ja(&doc)), "記載なし");
    let m = month(&doc);
    assert_eq!(m.mttr_minutes, Some(120), "only B counts");
    assert_eq!(m.mttr_text(&ja(&doc)), "2時間（記載なし1件を除く）");
    assert_eq!(m.outage_text(&ja(&doc)), "2時間（記載なし1件を除く）");
    let l = compose(a, Lang::Ja);
    assert_eq!(
        l.items[0].blocks[0],
        Block::Paragraph("2026年4月1日(水)9時00分～（終了時刻の記載なし）".into()),
        "no （0分）"
    );
}

#[test]
fn an_interim_report_without_a_number_is_zokuhou_never_a_guessed_number() {
    let doc = history(json!([{
        "report": { "title": "メール遅延について", "issued": "2026-04-02", "kind": "interim" },
        "incident": { "start": "2026-04-01T09:00:00+09:00", "end": null }
    }]));
    let r = &doc.reports[0];
    assert_eq!(r.header.kind, ReportKind::Interim(None));
    let l = compose(r, Lang::Ja);
    assert_eq!(l.subject.as_deref(), Some("メール遅延について（続報）"));
    assert!(!format!("{l:?}").contains("第2報"));
    assert_eq!(
        subject("Mail delay", ReportKind::Interim(None), Lang::En),
        "Mail delay (Update)"
    );
    // Written back without a number, so it stays unnumbered.
    let json = hokoku::format::export::to_json(&doc);
    assert!(!json.contains("\"number\""), "{json}");
}
