//! The 記 items of the letter, from the shipped examples and small documents.

use super::tests::*;
use super::*;
use crate::format::decode_str;

#[test]
fn items_follow_the_options_and_empty_ones_are_left_out() {
    // The small report has a period, services and an impact, nothing else.
    assert_eq!(
        headings(&ja("", "")),
        vec![
            "1. 障害発生日時",
            "2. 対象サービス",
            "3. 影響範囲・障害内容"
        ]
    );
    let reordered = ja(
        "",
        r#", "letter": { "items": ["impact", "cause", "period"] }"#,
    );
    assert_eq!(
        headings(&reordered),
        vec!["1. 影響範囲・障害内容", "2. 障害発生日時"]
    );
    let hidden = ja("", r#", "letter": { "items": ["period"] }"#);
    assert_eq!(headings(&hidden), vec!["1. 障害発生日時"]);
}

#[test]
fn the_sample_has_every_item_in_the_conventional_order() {
    let d = example(SAMPLE);
    let l = compose(&d.reports[0], Lang::Ja);
    assert_eq!(
        headings(&l),
        vec![
            "1. 障害発生日時",
            "2. 対象サービス",
            "3. 影響範囲・障害内容",
            "4. 原因",
            "5. 対処",
            "6. 今後の対策",
            "7. データについて",
            "8. 障害中に届いたメールについて",
            "9. 復旧見込みのご案内について",
            "10. 経緯",
        ]
    );
    assert_eq!(l.document_number.as_deref(), Some("ハ運発第2026-014号"));
    assert_eq!(l.revised.as_deref(), Some("2026年3月5日改訂"));
    assert_eq!(
        l.issuer,
        vec![
            "株式会社ハルカゼネット",
            "サービス運用本部",
            "本部長 三浦 恭介"
        ]
    );
}

#[test]
fn period_item_lists_each_phase_and_notes_the_clock_once() {
    let d = example(SAMPLE);
    let l = compose(&d.reports[0], Lang::Ja);
    assert_eq!(
        l.items[0].blocks,
        vec![
            Block::Fields(vec![
                Field {
                    label: "①".into(),
                    values: vec!["2026年2月17日(火)9時40分頃～21時30分（約11時間50分）".into()]
                },
                Field {
                    label: "②".into(),
                    values: vec![
                        "2026年2月17日(火)21時30分～2月18日(水)16時頃（約18時間30分）".into()
                    ]
                },
                Field {
                    label: "③ 再発".into(),
                    values: vec!["2026年2月24日(火)10時12分～11時50分（1時間38分）".into()]
                },
            ]),
            Block::Note("※時刻は日本時間（24時間表記）で記載しております。".into()),
        ]
    );
    let all: String = format!("{l:?}");
    assert_eq!(all.matches("24時間表記").count(), 1);
}

#[test]
fn twelve_hour_and_japanese_calendar_throughout() {
    let l = ja(
        "",
        r#", "letter": { "calendar": "japanese", "clock": "12h" }"#,
    );
    assert_eq!(l.issued.as_deref(), Some("令和8年5月12日"));
    assert_eq!(
        l.items[0].blocks[0],
        Block::Paragraph("令和8年5月11日(月)午後2時20分頃～午後3時05分（約45分）".into())
    );
    assert_eq!(
        l.items[0].blocks[1],
        Block::Note("※時刻は日本時間で記載しております。".into())
    );
    let text = format!("{l:?}");
    assert!(
        !text.contains("2026年"),
        "西暦 and 和暦 are never mixed: {text}"
    );
}

#[test]
fn impact_of_a_single_phase_and_the_unaffected_services() {
    let l = ja("", "");
    assert_eq!(
        l.items[2].blocks,
        vec![
            Block::List {
                style: ListStyle::Plain,
                entries: vec!["△ メール配送：遅延・性能低下".into()]
            },
            Block::Paragraph("なお、Webは正常に稼働しておりました。".into()),
        ]
    );
}

#[test]
fn the_sample_impact_has_the_phase_table_and_the_matrix() {
    let d = example(SAMPLE);
    let l = compose(&d.reports[0], Lang::Ja);
    assert_eq!(
        l.items[2].blocks,
        vec![Block::PhaseTable, Block::ImpactMatrix]
    );
}

#[test]
fn phases_without_levels_get_the_table_but_no_matrix() {
    let text = SAMPLE
        .replace("\"impact\": {", "\"x_impact\": {")
        .replace("\"unaffected\": [\"smtp\", \"web\", \"dns\"],", "");
    let d = decode_str(&text).document.expect("decodes with warnings");
    let l = compose(&d.reports[0], Lang::Ja);
    assert_eq!(l.items[2].blocks, vec![Block::PhaseTable]);
}

#[test]
fn cause_actions_measures_and_data() {
    let d = example(SAMPLE);
    let l = compose(&d.reports[0], Lang::Ja);
    let cause = &l.items[3].blocks;
    assert!(
        matches!(&cause[0], Block::Paragraph(p) if p.starts_with("米国データセンターの冷却設備"))
    );
    assert!(
        matches!(&cause[1], Block::List { style: ListStyle::Numbered, entries } if entries.len() == 4)
    );
    assert!(
        matches!(&l.items[4].blocks[0], Block::List { style: ListStyle::Bullet, entries } if entries.len() == 4)
    );
    let Block::Table(measures) = &l.items[5].blocks[0] else {
        panic!("measures table")
    };
    assert_eq!(measures.head, vec!["対策", "時期", "状況"]);
    let row = |i: usize| -> Vec<String> { measures.rows[i][1..].to_vec() };
    assert_eq!(row(0), vec!["2026年2月27日", "完了"]);
    assert_eq!(row(1), vec!["2026年4月30日", "実施中"]);
    assert_eq!(row(3), vec!["2026年9月末まで", "予定"]);
    assert!(
        matches!(&l.items[6].blocks[..], [Block::Paragraph(p)] if p.starts_with("本障害によるメールデータの消失はございません。"))
    );
}

#[test]
fn the_timeline_is_grouped_by_day_with_unknown_times_last() {
    let d = example(SAMPLE);
    let l = compose(&d.reports[0], Lang::Ja);
    let Some(Block::Timeline(t)) = l.items.last().and_then(|i| i.blocks.first()) else {
        panic!("経緯 is last")
    };
    assert_eq!(
        t.head,
        ["時刻".to_string(), "主体".to_string(), "内容".to_string()]
    );
    let labels: Vec<&str> = t.days.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "2026年2月17日(火)",
            "2026年2月18日(水)",
            "2026年2月19日(木)",
            "2026年2月20日(金)",
            "2026年2月24日(火)",
            "2026年2月27日(金)",
            "2026年3月3日(火)",
            "時刻不明",
        ]
    );
    let unknown = &t.days[t.days.len() - 1].rows;
    assert!(unknown.iter().all(|r| r.time == "時刻不明"), "{unknown:?}");
    let rows: usize = t.days.iter().map(|d| d.rows.len()).sum();
    assert_eq!(rows, d.reports[0].timeline.len(), "every event once");
    let first = &t.days[0].rows[0];
    assert_eq!(first.time, "9時20分頃");
    assert_eq!(
        first.local_time.as_deref(),
        Some("（現地時間2月16日16時20分頃）")
    );
    assert_eq!(
        first.actor,
        "米国データセンター(ノースリッジ・コロケーション社)"
    );
    assert_eq!(t.days[1].rows[0].time, "早朝");
    let feb20 = &t.days[3].rows;
    assert_eq!(
        feb20.iter().map(|r| r.time.as_str()).collect::<Vec<_>>(),
        // A day alone says so, in the same words as the timeline's list.
        vec!["時刻記載なし"]
    );
    let quoted = t.days[0]
        .rows
        .iter()
        .find_map(|r| r.quote.as_ref())
        .expect("a quote");
    assert_eq!(
        quoted.source.as_deref(),
        Some("ノースリッジ・コロケーション社 障害通知(弊社訳)")
    );
}

#[test]
fn contact_block_with_safe_links() {
    let d = example(SAMPLE);
    let c = compose(&d.reports[0], Lang::Ja).contact.expect("contact");
    assert_eq!(c.label, "本件に関するお問い合わせ窓口");
    let shown: Vec<String> = c
        .lines
        .iter()
        .map(|l| match &l.label {
            Some(label) => format!("{label}: {}", l.text),
            None => l.text.clone(),
        })
        .collect();
    assert_eq!(
        shown,
        vec![
            "株式会社ハルカゼネット カスタマーサポートセンター",
            "〒104-0043 東京都中央区湊川三丁目8番2号 ハルカゼビル7階",
            "TEL: 0120-000-814",
            "FAX: 03-0000-8150",
            "E-mail: support@harukaze-net.example",
            "URL: https://www.harukaze-net.example/support/",
            "受付時間: 平日 9:00〜18:00(土日祝日・年末年始を除く)",
        ]
    );
    let hrefs: Vec<Option<&str>> = c.lines.iter().map(|l| l.href.as_deref()).collect();
    assert_eq!(
        hrefs,
        vec![
            None,
            None,
            Some("tel:0120000814"),
            None,
            Some("mailto:support@harukaze-net.example"),
            Some("https://www.harukaze-net.example/support/"),
            None,
        ]
    );
}

#[test]
fn minimal_report() {
    let d = example(MINIMAL);
    let l = compose(&d.reports[0], Lang::Ja);
    assert_eq!(l.issuer, vec!["株式会社ミナモ通信"]);
    assert_eq!(headings(&l), vec!["1. 障害発生日時"]);
    assert_eq!(
        l.items[0].blocks[0],
        Block::Paragraph("2026年5月11日(月)14時20分頃～15時05分（約45分）".into())
    );
}

/// A long timeline: `n` events over three days, every tenth a milestone (detection, notice or
/// recovery), the rest routine actions, and two events of unknown time.
fn long_timeline(n: usize) -> crate::model::Document {
    let events: Vec<String> = (0..n)
        .map(|i| {
            let kind = match i % 30 {
                0 => "detection",
                10 => "notice",
                20 => "recovery",
                _ => "action",
            };
            let minute = i % (24 * 60);
            format!(
                r#"{{"at": "2026-06-{:02}T{:02}:{:02}:00+09:00", "kind": "{kind}", "text": "記録{i}"}}"#,
                1 + (i * 3 / n),
                minute / 60,
                minute % 60
            )
        })
        .chain([
            r#"{"at": null, "kind": "action", "text": "時刻の分からない作業"}"#.to_string(),
            r#"{"at": null, "kind": "notice", "text": "時刻の分からないお知らせ"}"#.to_string(),
        ])
        .collect();
    let text = format!(
        r#"{{"version": 1,
  "report": {{"title": "長い経緯のご報告", "issued": "2026-06-05", "issuer": "株式会社ツグミ測器"}},
  "incident": {{"start": "2026-06-01T00:00:00+09:00", "end": "2026-06-03T23:00:00+09:00"}},
  "timeline": [{}]}}"#,
        events.join(",\n")
    );
    let out = decode_str(&text);
    out.document
        .unwrap_or_else(|| panic!("decodes: {:?}", out.problems))
}

#[test]
fn a_long_timeline_is_summarised_by_day_and_says_so() {
    let d = long_timeline(3000);
    let l = compose(&d.reports[0], Lang::Ja);
    let Some(Block::Timeline(t)) = l.items.last().and_then(|i| i.blocks.first()) else {
        panic!("経緯 is last")
    };
    let listed: usize = t.days.iter().map(|d| d.rows.len()).sum();
    let omitted: usize = t.days.iter().map(|d| d.omitted).sum();
    assert_eq!(listed + omitted, 3002, "every event is listed or counted");
    assert_eq!(listed, timeline::LETTER_ROWS, "milestones, up to the limit");
    assert!(
        t.days.iter().flat_map(|d| &d.rows).all(|r| {
            let text = r.text.plain();
            let i: usize = text["記録".len()..].parse().unwrap();
            i % 10 == 0
        }),
        "only milestones are listed"
    );
    assert_eq!(
        t.days[0].rows[0].text.plain(),
        "記録0",
        "in time order from the first"
    );
    // The first and the last half of the 301 milestones in time order: how it began and how
    // it ended. The last is 23:50 on the third day (記録2870; the generated minutes wrap).
    let last_day = &t.days[2].rows;
    assert_eq!(
        last_day.last().map(|r| r.text.plain()).as_deref(),
        Some("記録2870")
    );
    assert_eq!(t.days[0].rows.len(), 75);
    assert_eq!(last_day.len(), 75);
    assert_eq!(
        t.summary.as_deref(),
        Some("記録 3,002 件のうち、発生・検知・お知らせ・復旧見込み・復旧・報告など主な 150 件を記載しております。すべての記録は経緯の画面に掲載しております。")
    );
    // Days are kept even when none of their events is listed, with their count.
    let labels: Vec<&str> = t.days.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "2026年6月1日(月)",
            "2026年6月2日(火)",
            "2026年6月3日(水)",
            "時刻不明"
        ]
    );
    assert!(
        t.days[1].rows.is_empty() && t.days[1].omitted == 1000,
        "a day with none listed"
    );
    // Events of unknown time sort after the one listed before them (記録2999, 01:59 on the
    // third day), so the notice is neither among the first nor the last 75: both are counted.
    assert!(t.days[3].rows.is_empty());
    assert_eq!(t.days[3].omitted, 2, "unknown times are counted too");
}

#[test]
fn a_timeline_within_the_limit_is_listed_whole_without_a_summary() {
    let d = long_timeline(timeline::LETTER_ROWS - 2);
    let l = compose(&d.reports[0], Lang::En);
    let Some(Block::Timeline(t)) = l.items.last().and_then(|i| i.blocks.first()) else {
        panic!("the timeline is last")
    };
    assert_eq!(t.summary, None);
    assert!(t.days.iter().all(|d| d.omitted == 0));
    let listed: usize = t.days.iter().map(|d| d.rows.len()).sum();
    assert_eq!(listed, timeline::LETTER_ROWS);
}
