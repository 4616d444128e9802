//! The letter's frame, head and wording: exact strings, from small JSON documents and the
//! shipped examples.

use super::*;
use crate::format::decode_str;
use crate::model::Document;

/// A small report; `report_extra` and `letter` are spliced into the JSON.
pub(super) fn doc(lang: &str, report_extra: &str, rest: &str) -> Document {
    let text = format!(
        r#"{{
  "version": 1,
  "lang": "{lang}",
  "report": {{
"title": "メール配送遅延のご報告とお詫び",
"issued": "2026-05-12",
"issuer": {{ "organization": "株式会社ミナモ通信", "department": "運用部" }}{report_extra}
  }},
  "services": [ {{ "id": "mx", "name": "メール配送" }}, {{ "id": "web", "name": "Web" }} ],
  "actors": [ {{ "id": "us", "name": "弊社" }} ],
  "incident": {{
"start": {{ "at": "2026-05-11T14:20:00+09:00", "approx": "about" }},
"end": "2026-05-11T15:05:00+09:00",
"phases": [ {{ "id": "p1", "start": {{ "at": "2026-05-11T14:20:00+09:00", "approx": "about" }},
  "end": "2026-05-11T15:05:00+09:00", "impact": {{ "mx": "degraded", "web": "operational" }} }} ]
  }}{rest}
}}"#
    );
    let outcome = decode_str(&text);
    match outcome.document {
        Some(d) => d,
        None => panic!("test JSON does not decode: {:?}\n{text}", outcome.problems),
    }
}

pub(super) fn letter(lang: &str, report_extra: &str, rest: &str) -> Letter {
    let d = doc(lang, report_extra, rest);
    compose(&d.reports[0], d.lang)
}

pub(super) fn ja(report_extra: &str, rest: &str) -> Letter {
    letter("ja", report_extra, rest)
}

pub(super) fn headings(l: &Letter) -> Vec<String> {
    l.items
        .iter()
        .map(|i| format!("{}. {}", i.number, i.heading))
        .collect()
}

pub(super) const SAMPLE: &str = include_str!("../../../examples/sample.json");
pub(super) const SAMPLE_EN: &str = include_str!("../../../examples/sample-en.json");
pub(super) const HISTORY: &str = include_str!("../../../examples/history.json");
pub(super) const MINIMAL: &str = include_str!("../../../examples/minimal.json");

pub(super) fn example(text: &str) -> Document {
    decode_str(text).document.expect("example decodes")
}

#[test]
fn default_letter_frame() {
    let l = ja(r#", "kind": "final""#, "");
    assert_eq!(l.issued.as_deref(), Some("2026年5月12日"));
    assert_eq!(l.addressee.as_deref(), Some("お客様各位"));
    assert_eq!(l.issuer, vec!["株式会社ミナモ通信", "運用部"]);
    assert_eq!(
        l.subject.as_deref(),
        Some("メール配送遅延のご報告とお詫び（最終報告）")
    );
    assert_eq!(l.series.as_deref(), Some("（最終報告）"));
    assert_eq!(
        l.opening.as_deref(),
        Some("拝啓　貴社ますますご盛栄のこととお慶び申し上げます。平素は格別のご高配を賜り、厚く御礼申し上げます。")
    );
    assert_eq!(l.closing.as_deref(), Some("敬具"));
    assert_eq!(l.record_mark.as_deref(), Some("記"));
    assert_eq!(l.end_mark.as_deref(), Some("以上"));
    assert_eq!(l.print_title, "2026-05-12 メール配送遅延のご報告とお詫び");
    assert_eq!(l.document_number, None);
    assert_eq!(l.revised, None);
    assert_eq!(l.contact, None);
}

#[test]
fn opening_and_closing_pairs() {
    assert_eq!(
        ja("", r#", "letter": { "opening": "拝啓" }"#)
            .closing
            .as_deref(),
        Some("敬具")
    );
    let kinkei = ja("", r#", "letter": { "opening": "謹啓" }"#);
    assert!(kinkei
        .opening
        .as_deref()
        .is_some_and(|o| o.starts_with("謹啓　")));
    assert_eq!(kinkei.closing.as_deref(), Some("謹白"));
    assert_eq!(
        ja(
            "",
            r#", "letter": { "opening": "謹啓", "closing": "敬白" }"#
        )
        .closing
        .as_deref(),
        Some("敬白")
    );
    assert_eq!(
        ja(
            "",
            r#", "letter": { "opening": "謹啓", "closing": "謹白" }"#
        )
        .closing
        .as_deref(),
        Some("謹白")
    );
}

#[test]
fn a_mismatched_pair_is_a_warning_and_the_letter_uses_the_matching_closing() {
    let text = include_str!("../../../examples/minimal.json").replacen(
        "\"incident\"",
        "\"letter\": { \"opening\": \"拝啓\", \"closing\": \"謹白\" },\n  \"incident\"",
        1,
    );
    let outcome = decode_str(&text);
    assert!(outcome
        .problems
        .iter()
        .any(|p| p.code() == "closing-mismatch"));
    let d = outcome.document.expect("a warning only");
    assert_eq!(
        compose(&d.reports[0], Lang::Ja).closing.as_deref(),
        Some("敬具")
    );
}

#[test]
fn a_report_that_states_no_kind_is_not_called_final() {
    // No `kind`: the incident may still be going on, and the file does not say this is the last
    // report. Nothing prints as if it did: no series marker, no 「最終報告として」, no promise.
    {
        let l = ja("", "");
        assert_eq!(l.subject.as_deref(), Some("メール配送遅延のご報告とお詫び"));
        assert_eq!(
            l.body[1],
            "本障害につきまして、下記のとおりご報告いたします。"
        );
        assert!(l
            .body
            .iter()
            .all(|p| !p.contains("最終") && !p.contains("あらためて")));
    }
    let en = letter("en", "", "");
    assert_eq!(
        en.subject.as_deref(),
        Some("メール配送遅延のご報告とお詫び")
    );
    assert!(en
        .body
        .iter()
        .any(|p| p == "We report on this incident below."));
    assert!(en.body.iter().all(|p| !p.contains("final")));
}

#[test]
fn default_body_of_a_final_report() {
    let l = ja(r#", "kind": "final""#, "");
    assert_eq!(
        l.body,
        vec![
            "このたび、2026年5月11日(月)14時20分頃より、弊社のメール配送におきまして障害が発生いたしました。ご利用のお客様には多大なるご迷惑とご心配をおかけいたしましたことを、深くお詫び申し上げます。",
            // No cause and no measures in this report: nothing says they were settled, and no
            // resolve to prevent a recurrence is promised on its behalf.
            "本障害につきまして、最終報告として下記のとおりご報告いたします。",
        ]
    );
    assert_eq!(
        l.closing_paragraph.as_deref(),
        Some("このたびは多大なるご迷惑をおかけいたしましたことを重ねてお詫び申し上げます。今後とも変わらぬお引き立てを賜りますよう、何卒よろしくお願い申し上げます。")
    );
}

#[test]
fn default_wording_for_each_kind() {
    let first = ja(r#", "kind": "first""#, "");
    assert_eq!(
        first.subject.as_deref(),
        Some("メール配送遅延のご報告とお詫び（第1報）")
    );
    assert_eq!(
        first.body[1],
        "第1報として、現時点で判明している状況を下記のとおりご報告いたします。原因および今後の対策につきましては、判明し次第あらためてご報告いたします。"
    );

    let second = ja(r#", "kind": "interim", "number": 2"#, "");
    assert_eq!(
        second.subject.as_deref(),
        Some("メール配送遅延のご報告とお詫び（第2報）")
    );
    assert_eq!(
        second.body[1],
        "第2報として、第1報以降に判明した内容を含め、下記のとおりご報告いたします。原因および今後の対策につきましては、判明し次第あらためてご報告いたします。"
    );

    let recovery = ja(r#", "kind": "recovery""#, "");
    assert_eq!(
        recovery.subject.as_deref(),
        Some("メール配送遅延のご報告とお詫び（復旧報告）")
    );
    assert_eq!(
        recovery.body[1],
        "本障害は2026年5月11日(月)15時05分に復旧いたしましたので、下記のとおりご報告いたします。"
    );

    let fin = ja(r#", "kind": "final""#, "");
    assert_eq!(
        fin.subject.as_deref(),
        Some("メール配送遅延のご報告とお詫び（最終報告）")
    );
}

#[test]
fn the_subject_does_not_repeat_what_the_title_says() {
    assert_eq!(
        subject(
            "障害のご報告（第2報）",
            ReportKind::Interim(Some(2)),
            Lang::Ja
        ),
        "障害のご報告（第2報）"
    );
    assert_eq!(
        subject("障害の最終報告", ReportKind::Final, Lang::Ja),
        "障害の最終報告"
    );
    assert_eq!(
        subject("障害復旧のお知らせ", ReportKind::Recovery, Lang::Ja),
        "障害復旧のお知らせ"
    );
    assert_eq!(
        subject(" 障害のご報告 ", ReportKind::First, Lang::Ja),
        "障害のご報告（第1報）"
    );
    assert_eq!(
        subject("Outage", ReportKind::Interim(Some(3)), Lang::En),
        "Outage (Report No. 3)"
    );
    assert_eq!(
        subject("Outage: final report", ReportKind::Final, Lang::En),
        "Outage: final report"
    );
}

#[test]
fn an_ongoing_incident_is_not_written_as_over() {
    let text = include_str!("../../../examples/minimal.json")
        .replace("\"end\": \"2026-05-11T15:05:00+09:00\"", "\"end\": null")
        .replace(
            "\"issued\": \"2026-05-12\"",
            "\"issued\": \"2026-05-12\", \"kind\": \"first\"",
        );
    let outcome = decode_str(&text);
    let d = outcome
        .document
        .unwrap_or_else(|| panic!("{:?}", outcome.problems));
    assert_eq!(
        d.reports[0].incident.period.end, None,
        "the edit made it ongoing"
    );
    let l = compose(&d.reports[0], Lang::Ja);
    assert_eq!(
        l.body[0],
        "このたび、2026年5月11日(月)14時20分頃より、弊社サービスにおきまして障害が発生しております。ご利用のお客様には多大なるご迷惑とご心配をおかけしておりますことを、深くお詫び申し上げます。"
    );
    assert!(!l.body.iter().any(|p| p.contains("再発防止に全力")));
    assert_eq!(
        l.closing_paragraph.as_deref(),
        Some("ご不便をおかけしておりますことを重ねてお詫び申し上げますとともに、何卒ご理解賜りますようお願い申し上げます。")
    );
    assert_eq!(
        l.items[0].blocks[0],
        Block::Paragraph("2026年5月11日(月)14時20分頃～継続中".into())
    );
}

#[test]
fn json_overrides_are_used_verbatim() {
    let l = ja(
        "",
        r#", "letter": {
            "greeting": "時下ますますご清栄のこととお慶び申し上げます。",
            "body": ["　先日は大変ご迷惑をおかけしました。", "詳細は下記のとおりです。"],
            "closing_paragraph": "今後ともよろしくお願い申し上げます。"
        }"#,
    );
    assert_eq!(
        l.opening.as_deref(),
        Some("拝啓　時下ますますご清栄のこととお慶び申し上げます。")
    );
    assert_eq!(
        l.body,
        vec![
            "先日は大変ご迷惑をおかけしました。",
            "詳細は下記のとおりです。"
        ]
    );
    assert_eq!(
        l.closing_paragraph.as_deref(),
        Some("今後ともよろしくお願い申し上げます。")
    );
}

#[test]
fn without_a_greeting_the_body_follows_the_opening_word() {
    let l = ja(
        "",
        r#", "letter": { "greeting": null, "body": ["このたびは申し訳ございません。", "下記のとおりご報告いたします。"] }"#,
    );
    assert_eq!(
        l.opening.as_deref(),
        Some("拝啓　このたびは申し訳ございません。")
    );
    assert_eq!(l.body, vec!["下記のとおりご報告いたします。"]);
}

#[test]
fn english_letter() {
    let d = example(SAMPLE_EN);
    let l = compose(&d.reports[0], Lang::En);
    assert_eq!(l.issued.as_deref(), Some("September 12, 2025"));
    assert_eq!(l.addressee.as_deref(), Some("To our customers"));
    assert_eq!(
        l.subject.as_deref(),
        Some("Form submission outage on September 9, 2025 (Final Report)")
    );
    assert_eq!(l.opening.as_deref(), Some("Dear Customers,"));
    assert_eq!(l.closing.as_deref(), Some("Sincerely,"));
    assert_eq!(l.record_mark, None);
    assert_eq!(l.end_mark, None);
    assert_eq!(
        l.body[0],
        // The sample's summary tells when: the start is not said a second time.
        "A failure occurred in our Form submission, Email notifications and Form editor. We sincerely apologize for the considerable inconvenience and concern this has caused our customers."
    );
    assert_eq!(
        l.body[2],
        "Now that the cause and our measures against recurrence have been determined, we present our final report below."
    );
    assert_eq!(
        l.closing_paragraph.as_deref(),
        Some("We are sorry for the trouble this caused you and the people who fill in your forms."),
        "the sample's own closing paragraph"
    );
    let default = letter("en", "", "");
    assert_eq!(
        default.closing_paragraph.as_deref(),
        Some("We apologize once again for the inconvenience and ask for your continued understanding and support.")
    );
    assert_eq!(default.body[0], "On Mon, May 11, 2026, about 14:20, a failure occurred in our メール配送. We sincerely apologize for the considerable inconvenience and concern this has caused our customers.");
    assert_eq!(headings(&l)[0], "1. Date and time");
    assert!(headings(&l).iter().any(|h| h.ends_with(". Timeline")));
    assert_eq!(
        l.contact.as_ref().map(|c| c.label.as_str()),
        Some("Questions about this report")
    );
    let text = format!("{l:?}");
    for japanese in ["拝啓", "敬具", "記", "以上", "年", "お客様"] {
        assert!(
            !text.contains(japanese),
            "no {japanese} in an English letter"
        );
    }
}

#[test]
fn an_english_greeting_replaces_the_salutation() {
    let l = letter(
        "en",
        "",
        r#", "letter": { "greeting": "Dear valued customers," }"#,
    );
    assert_eq!(l.opening.as_deref(), Some("Dear valued customers,"));
}

#[test]
fn every_example_composes_a_letter_without_略儀ながら() {
    for text in [SAMPLE, SAMPLE_EN, HISTORY, MINIMAL] {
        let d = example(text);
        for r in &d.reports {
            let l = compose(r, d.lang);
            let all = format!("{l:?}");
            assert!(!all.contains("略儀"), "{:?}", r.header.title);
            assert!(!l.items.is_empty(), "{:?}", r.header.title);
            assert!(!l.body.is_empty(), "{:?}", r.header.title);
        }
    }
}
