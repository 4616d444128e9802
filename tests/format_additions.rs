//! The forms real reports use that version 1 gained later (all optional): `before` and `as_of`
//! times, events that last, the `hh:mm` clock, the notice form, the writer's own unaffected
//! sentence, grouped actions, revisions without a date, a title or date stated as unknown, and
//! an issuer and contact said once for a whole history. Each is read, shown, and written back.

use hokoku::compose::layout::events::Prepared;
use hokoku::compose::letter::{compose, Block, ListStyle};
use hokoku::format::decode_str;
use hokoku::format::export::to_json;
use hokoku::format::Outcome;
use hokoku::model::timefmt::Fmt;
use hokoku::model::*;
use serde_json::{json, Value};

/// A small single report; `f` edits it before decoding.
fn with(f: impl FnOnce(&mut Value)) -> (String, Outcome) {
    let mut v = json!({
        "version": 1,
        "lang": "ja",
        "report": { "title": "メンテナンス延長のお知らせ", "issued": "2016-10-10", "issuer": "株式会社ツバメホスティング" },
        "services": [ { "id": "web", "name": "Webホスティング" }, { "id": "mail", "name": "メール" } ],
        "incident": {
            "start": "2016-10-09T02:00:00+09:00",
            "end": { "at": "2016-10-09T19:00:00+09:00" },
            "phases": [ { "id": "p1", "start": "2016-10-09T02:00:00+09:00", "end": "2016-10-09T19:00:00+09:00",
                          "impact": { "web": "outage", "mail": "operational" } } ]
        },
        "timeline": [ { "at": "2016-10-09T02:00:00+09:00", "text": "メンテナンス開始" } ]
    });
    f(&mut v);
    let text = serde_json::to_string_pretty(&v).expect("test JSON");
    let outcome = decode_str(&text);
    (text, outcome)
}

fn report(f: impl FnOnce(&mut Value)) -> Report {
    let (text, o) = with(f);
    let errors: Vec<_> = o.errors().collect();
    assert!(errors.is_empty(), "{errors:#?}\n{text}");
    o.document.expect("a document").reports.remove(0)
}

fn codes(o: &Outcome) -> Vec<(&'static str, String)> {
    o.problems
        .iter()
        .map(|p| (p.code(), p.path.clone()))
        .collect()
}

/// Exports, reads back, compares; the export may only repeat the input's warnings.
fn round_trips(r: &Report) {
    let doc = Document {
        lang: Lang::Ja,
        is_history: false,
        broken: Vec::new(),
        reports: vec![r.clone()],
    };
    let json = to_json(&doc);
    let again = decode_str(&json);
    assert!(
        again.errors().next().is_none(),
        "{:#?}\n{json}",
        again.problems
    );
    assert_eq!(again.document.as_ref(), Some(&doc), "{json}");
}

fn fmt(r: &Report) -> Fmt {
    Fmt::new(Lang::Ja, r.letter.date_style, r.zone)
}

#[test]
fn before_and_as_of_are_read_written_and_worded() {
    let r = report(|v| {
        v["timeline"] = json!([
            { "at": "2016-10-09T20:00:00+09:00", "approx": "before", "text": "復旧を確認" },
            { "at": "2016-10-09T19:00:00+09:00", "approx": "as_of", "text": "遅延はほぼ解消" }
        ]);
    });
    assert_eq!(r.timeline[0].time.approx, Approx::Before);
    assert_eq!(r.timeline[1].time.approx, Approx::AsOf);
    assert_eq!(fmt(&r).time_of_day(&r.timeline[0].time), "20時前");
    assert_eq!(fmt(&r).time_of_day(&r.timeline[1].time), "19時現在");
    let en = Fmt::new(Lang::En, r.letter.date_style, r.zone);
    assert_eq!(en.time_of_day(&r.timeline[0].time), "shortly before 20:00");
    assert_eq!(en.time_of_day(&r.timeline[1].time), "as of 19:00");
    round_trips(&r);
}

#[test]
fn no_length_is_computed_to_an_as_of_time() {
    let r = report(|v| {
        v["incident"]["end"] = json!({ "at": "2016-10-09T19:00:00+09:00", "approx": "as_of" })
    });
    let period = r.incident.period;
    assert_eq!(period.duration_minutes(), None);
    assert_eq!(fmt(&r).period_duration(&period), None);
    let l = compose(&r, Lang::Ja);
    assert_eq!(
        l.items[0].blocks[0],
        Block::Paragraph("2016年10月9日(日)2時00分～19時現在".into()),
        "no （17時間） after an observation"
    );
}

#[test]
fn an_event_that_lasted_is_a_span_in_the_table_and_on_the_timeline() {
    let r = report(|v| {
        v["timeline"] = json!([
            { "at": "2016-10-09T02:00:00+09:00", "end": "2016-10-09T06:00:00+09:00", "text": "メンテナンス" },
            { "date": "2016-10-09", "end": { "date": "2016-10-10" }, "text": "サポート窓口を臨時延長" }
        ]);
    });
    let end = r.timeline[0].end.expect("an end");
    assert!(end.is_known());
    let l = compose(&r, Lang::Ja);
    let Some(Block::Timeline(t)) = l.items.last().and_then(|i| i.blocks.first()) else {
        panic!("経緯 is last: {:?}", l.items)
    };
    let times: Vec<&str> = t.days[0].rows.iter().map(|r| r.time.as_str()).collect();
    assert_eq!(times, vec!["～10月10日(月)", "2時00分～6時00分"]);
    assert_eq!(
        fmt(&r).event_time(&r.timeline[1]),
        "2016年10月9日(日)～10月10日(月)"
    );
    let prepared = Prepared::new(&r);
    let maintenance = prepared.spots[0].expect("placed");
    assert!(maintenance.span, "drawn as a span");
    assert_eq!(maintenance.to - maintenance.from, 4 * 3600 * 1000);
    let days = prepared.spots[1].expect("placed");
    assert_eq!(days.to - days.from, 2 * 24 * 3600 * 1000, "both days");
    round_trips(&r);
}

#[test]
fn an_event_ending_before_it_starts_is_an_error() {
    let (_, o) = with(|v| {
        v["timeline"][0]["end"] = json!("2016-10-09T01:00:00+09:00");
    });
    assert_eq!(
        codes(&o),
        vec![("end-before-start", "timeline[0].end".to_string())]
    );
}

#[test]
fn the_hh_mm_clock_writes_digits_and_the_axis_follows_the_clock() {
    let r = report(|v| v["letter"] = json!({ "clock": "hh:mm" }));
    assert_eq!(r.letter.date_style.clock, Clock::Hhmm);
    let l = compose(&r, Lang::Ja);
    assert_eq!(
        l.items[0].blocks[0],
        Block::Paragraph("2016年10月9日(日)02:00～19:00（17時間）".into())
    );
    assert_eq!(
        l.items[0].blocks[1],
        Block::Note("※時刻は日本時間（24時間表記）で記載しております。".into())
    );
    assert_eq!(fmt(&r).axis_time(8, 0), "08:00");
    let twelve = report(|v| v["letter"] = json!({ "clock": "12h" }));
    assert_eq!(fmt(&twelve).axis_time(8, 0), "午前8時");
    assert_eq!(fmt(&twelve).axis_time(14, 30), "午後2時30分");
    assert_eq!(fmt(&twelve).axis_time(12, 0), "正午");
    let en = Fmt::new(Lang::En, twelve.letter.date_style, twelve.zone);
    assert_eq!(en.axis_time(14, 0), "2 PM");
    round_trips(&r);
}

#[test]
fn a_notice_has_no_opening_closing_or_record_marks() {
    let r = report(|v| v["letter"] = json!({ "form": "notice" }));
    assert_eq!(r.letter.form, Form::Notice);
    let l = compose(&r, Lang::Ja);
    assert_eq!(l.opening, None, "no 拝啓");
    assert_eq!(l.closing, None, "no 敬具");
    assert_eq!((l.record_mark, l.end_mark), (None, None), "no 記 / 以上");
    assert_eq!(
        l.addressee, None,
        "a web page has no 宛名 unless the file gives one"
    );
    assert!(!l.items.is_empty(), "the sections stay");
    let en = compose(&r, Lang::En);
    assert_eq!(
        (en.opening, en.closing),
        (None, None),
        "no Dear / Sincerely"
    );
    let greeted = report(
        |v| v["letter"] = json!({ "form": "notice", "greeting": "平素より弊社サービスをご利用いただき、誠にありがとうございます。" }),
    );
    assert_eq!(
        compose(&greeted, Lang::Ja).opening.as_deref(),
        Some("平素より弊社サービスをご利用いただき、誠にありがとうございます。"),
        "the writer's greeting, without a 頭語"
    );
    round_trips(&r);
}

#[test]
fn the_writers_own_unaffected_sentence_replaces_the_generated_one() {
    let own = "なお、メールは通常どおりご利用いただけました。";
    let r = report(|v| v["incident"]["unaffected_note"] = json!(own));
    let l = compose(&r, Lang::Ja);
    let impact = l
        .items
        .iter()
        .find(|i| i.item == LetterItem::Impact)
        .expect("impact");
    assert!(impact.blocks.contains(&Block::Paragraph(own.into())));
    assert!(!format!("{l:?}").contains("正常に稼働しておりました"));
    round_trips(&r);
}

#[test]
fn grouped_actions_keep_their_lead_steps_and_closing() {
    let r = report(|v| {
        v["incident"]["actions"] = json!([
            "監視を強化しました。",
            { "lead": "以下の対応を実施いたしました。", "items": ["サーバーを再起動", "設定を修正"], "closing": "以上により復旧いたしました。" },
            { "lead": "あわせて以下を実施しました。", "items": "お客様への個別連絡" }
        ]);
    });
    assert_eq!(
        r.incident.actions[1],
        Action::Group {
            lead: "以下の対応を実施いたしました。".into(),
            items: vec!["サーバーを再起動".into(), "設定を修正".into()],
            closing: Some("以上により復旧いたしました。".into()),
        }
    );
    let l = compose(&r, Lang::Ja);
    let actions = l
        .items
        .iter()
        .find(|i| i.item == LetterItem::Actions)
        .expect("対処");
    let bullet = |e: &[&str]| Block::List {
        style: ListStyle::Bullet,
        entries: e.iter().map(|s| s.to_string()).collect(),
    };
    assert_eq!(
        actions.blocks,
        vec![
            bullet(&["監視を強化しました。"]),
            Block::Paragraph("以下の対応を実施いたしました。".into()),
            bullet(&["サーバーを再起動", "設定を修正"]),
            Block::Paragraph("以上により復旧いたしました。".into()),
            Block::Paragraph("あわせて以下を実施しました。".into()),
            bullet(&["お客様への個別連絡"]),
        ]
    );
    round_trips(&r);
    let (_, o) = with(|v| v["incident"]["actions"] = json!([{ "items": ["a"] }]));
    assert_eq!(
        codes(&o),
        vec![("missing", "incident.actions[0].lead".to_string())]
    );
}

#[test]
fn a_revision_may_have_no_date() {
    let r = report(|v| {
        v["report"]["revisions"] = json!([
            { "note": "冒頭の最終報告に修正告知" },
            { "date": "2016-10-12", "note": "復旧時刻を訂正" }
        ]);
    });
    assert_eq!(r.header.revisions[0].date, None);
    let l = compose(&r, Lang::Ja);
    assert_eq!(l.revised.as_deref(), Some("2016年10月12日改訂"));
    assert_eq!(
        l.revisions[0],
        (None, "冒頭の最終報告に修正告知".to_string())
    );
    round_trips(&r);
}

#[test]
fn a_title_or_date_stated_as_unknown_is_a_warning_and_nothing_is_made_up() {
    let (_, o) = with(|v| {
        v["report"]["title"] = Value::Null;
        v["report"]["issued"] = Value::Null;
    });
    assert_eq!(
        codes(&o),
        vec![
            ("not-stated", "report.title".to_string()),
            ("not-stated", "report.issued".to_string())
        ]
    );
    let r = o.document.expect("warnings only").reports.remove(0);
    let l = compose(&r, Lang::Ja);
    assert_eq!(l.subject, None, "no subject line");
    assert_eq!(l.issued, None, "no date line");
    assert_eq!(l.print_title, "r1");
    assert_eq!(r.header.shown_title(Lang::Ja), "件名の記載なし");
    round_trips(&r);
    // Leaving the key out is still a mistake: a misspelt key must not drop the title silently.
    let (_, o) = with(|v| {
        v["report"].as_object_mut().map(|m| m.remove("title"));
    });
    assert_eq!(codes(&o), vec![("missing", "report.title".to_string())]);
}

#[test]
fn a_history_states_its_issuer_and_contact_once() {
    let text = json!({
        "version": 1,
        "issuer": { "organization": "株式会社ツバメホスティング", "department": "運用部" },
        "contact": { "phone": "03-0000-0000" },
        "reports": [
            { "report": { "title": "A", "issued": "2016-10-10" },
              "incident": { "start": "2016-10-09T02:00:00+09:00", "end": "2016-10-09T03:00:00+09:00" } },
            { "report": { "title": "B", "issued": "2017-01-10", "issuer": "株式会社ツバメ別会社", "contact": { "phone": "06-0000-0000" } },
              "incident": { "start": "2017-01-09T02:00:00+09:00", "end": "2017-01-09T03:00:00+09:00" } }
        ]
    })
    .to_string();
    let o = decode_str(&text);
    assert_eq!(codes(&o), vec![]);
    let doc = o.document.expect("a history");
    let by_title = |t: &str| {
        doc.reports
            .iter()
            .find(|r| r.header.title.as_deref() == Some(t))
            .expect("report")
    };
    assert_eq!(
        by_title("A").header.issuer.organization,
        "株式会社ツバメホスティング"
    );
    assert_eq!(
        by_title("A").header.issuer.department.as_deref(),
        Some("運用部")
    );
    let phone = |r: &Report| r.header.contact.as_ref().and_then(|c| c.phone.clone());
    assert_eq!(phone(by_title("A")).as_deref(), Some("03-0000-0000"));
    assert_eq!(
        by_title("B").header.issuer.organization,
        "株式会社ツバメ別会社"
    );
    assert_eq!(phone(by_title("B")).as_deref(), Some("06-0000-0000"));
    let again = decode_str(&to_json(&doc));
    assert_eq!(again.document.as_ref(), Some(&doc));

    let without = text.replace(
        r#""issuer":{"department":"運用部","organization":"株式会社ツバメホスティング"},"#,
        "",
    );
    assert_ne!(without, text, "the edit applies");
    let o = decode_str(&without);
    assert_eq!(
        codes(&o),
        vec![("missing", "reports[0].report.issuer".to_string())]
    );
}
