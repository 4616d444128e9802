//! The messy fixtures (tests/fixtures/messy: fictional companies, written the way real notices
//! are), rendered natively: every sentence hokoku generates for the sparse report, read in the
//! letter's own order; the notice form; a quoted form that keeps its lines; figures that say
//! 記載なし.

use std::rc::Rc;

use hokoku::app::components::impact_table::{ImpactTable, ImpactTableProps};
use hokoku::app::components::letter_view::{LetterView, LetterViewProps};
use hokoku::format::decode_str;
use hokoku::model::{Lang, Report};
use yew::{Callback, LocalServerRenderer};

mod common;
use common::{in_order, without_phrase_spans};

const SPARSE: &str = include_str!("fixtures/messy/sparse.json");
const NOTICE: &str = include_str!("fixtures/messy/web-notice.json");
const INTERIM: &str = include_str!("fixtures/messy/interim-no-number.json");
const MIGRATED: &str = include_str!("fixtures/messy/migrated-history.json");

fn report(text: &str) -> Rc<Report> {
    let o = decode_str(text);
    assert!(o.errors().next().is_none(), "{:#?}", o.problems);
    Rc::new(o.document.expect("a document").reports[0].clone())
}

async fn letter(report: Rc<Report>) -> String {
    let html = LocalServerRenderer::<LetterView>::with_props(LetterViewProps {
        report,
        lang: Lang::Ja,
    })
    .hydratable(false)
    .render()
    .await;
    without_phrase_spans(&html)
}

#[tokio::test]
async fn every_generated_sentence_of_the_sparse_report() {
    let html = letter(report(SPARSE)).await;
    in_order(
        &html,
        &[
            r#"<time datetime="2026-06-03">2026年6月3日</time>"#,
            r#"class="hk-letter__addressee">お客様各位<"#,
            r#"class="hk-letter__issuer"><p>株式会社ヒバリネット</p></div>"#,
            // The file states no `kind`: no series marker, and the body does not call it final.
            r#"class="hk-letter__subject">ヒバリネット メール受信障害について</h2>"#,
            r#"class="hk-letter__opening">拝啓　貴社ますますご盛栄のこととお慶び申し上げます。平素は格別のご高配を賜り、厚く御礼申し上げます。<"#,
            // No impact levels, but the timeline names the service: 「弊社サービス」 is not used.
            r#"class="hk-letter__para">このたび、2026年6月2日(火)20時10分頃より、弊社のメール受信におきまして障害が発生いたしました。ご利用のお客様には多大なるご迷惑とご心配をおかけいたしましたことを、深くお詫び申し上げます。<"#,
            // No cause, no measures: nothing says they were settled, no resolve is promised.
            r#"class="hk-letter__para">本障害につきまして、下記のとおりご報告いたします。<"#,
            r#"class="hk-letter__para hk-letter__para--last">このたびは多大なるご迷惑をおかけいたしましたことを重ねてお詫び申し上げます。今後とも変わらぬお引き立てを賜りますよう、何卒よろしくお願い申し上げます。<"#,
            r#"class="hk-letter__closing">敬具<"#,
            r#"class="hk-letter__record">記<"#,
            "1.</span>障害発生日時",
            // Ended at a time nobody wrote down: no length, no 時刻不明 dressed as an end.
            "2026年6月2日(火)20時10分頃～（終了時刻の記載なし）<",
            "※時刻は日本時間（24時間表記）で記載しております。",
            "2.</span>対象サービス",
            "サービス名",
            "メール受信",
            "対象ネットワーク",
            "203.0.113.0/24、198.51.100.0/25",
            "3.</span>経緯",
            "20時10分頃",
            "メール受信の遅延を検知。",
            "データセンター障害通知",
            // The quoted form keeps its lines, full-width digits and spaces as written.
            "発生状況：■発生確認\n発生時間：２０２６年６月２日　２０時０５分頃\n対象：\n　ラック Ａ－１２\n　ラック Ａ－１３",
            "時刻不明",
            "受信の回復を確認（時刻の記録なし）。",
            r#"class="hk-letter__end">以上<"#,
        ],
    );
    for never in [
        "弊社サービス",
        "原因および再発防止策",
        "再発防止に全力",
        "サービス サービス",
        "（0分）",
        "第2報",
        "約",
    ] {
        assert!(!html.contains(never), "{never:?} in the sparse letter");
    }
    // Exactly the sentences above in the body: the generated paragraphs are two.
    assert_eq!(html.matches(r#"class="hk-letter__para""#).count(), 2);
}

#[tokio::test]
async fn the_sparse_impact_figures_say_not_stated() {
    let html = LocalServerRenderer::<ImpactTable>::with_props(ImpactTableProps {
        report: report(SPARSE),
        lang: Lang::Ja,
        selected_phase: None,
        onselectphase: Callback::noop(),
    })
    .hydratable(false)
    .render()
    .await;
    let html = without_phrase_spans(&html);
    let outage = &html[html.find(r#"data-fact="outage""#).expect("outage fact")..];
    let outage = &outage[..outage.find("</div>").expect("end")];
    assert!(outage.contains("記載なし"), "{outage}");
    assert!(!outage.contains(">なし<"), "{outage}");
    assert!(!html.contains("Operational") && !html.contains(">0分<"));
}

#[tokio::test]
async fn the_web_notice_prints_as_a_notice() {
    let html = letter(report(NOTICE)).await;
    for absent in [
        "拝啓",
        "敬具",
        r#"class="hk-letter__record""#,
        r#"class="hk-letter__end""#,
        r#"class="hk-letter__addressee""#,
        r#"class="hk-letter__date""#,
        r#"class="hk-letter__number""#,
    ] {
        assert!(!html.contains(absent), "{absent} in a notice");
    }
    assert!(html.contains("hk-letter--notice"));
    in_order(
        &html,
        &[
            "【復旧】Webホスティング メンテナンス延長のお知らせ</h2>",
            r#"class="hk-letter__opening">平素よりツバメホスティングをご利用いただき、誠にありがとうございます。<"#,
            "以下のとおりご報告いたします。",
            "02:00～06:00",
            "06:00～13:30前",
            "なお、メールは期間中も通常どおりご利用いただけました。",
            "延長の間、以下の対応を行いました。",
            "ストレージの整合性検査",
            "13時30分前に全サーバーの再開を確認しました。",
            "11:00現在",
            "13:30前",
            "冒頭に復旧の告知を追記しました。",
        ],
    );
}

#[tokio::test]
async fn an_interim_report_without_a_number_is_zokuhou() {
    let html = letter(report(INTERIM)).await;
    in_order(
        &html,
        &[
            r#"<span class="hk-letter__series">（続報）</span>"#,
            // The summary gives the start; the generated sentence does not repeat it, and the
            // apology is in the present while the problem goes on.
            "このたび、弊社のファイル保管におきまして障害が発生しております。ご利用のお客様には多大なるご迷惑とご心配をおかけしておりますことを、深くお詫び申し上げます。",
            "7月14日18時頃より、一部のお客様でファイルの読み込みができない状態が続いております。",
            "続報として、前回のご報告以降に判明した内容を含め、下記のとおりご報告いたします。今後の対策につきましては、まとまり次第あらためてご報告いたします。",
            "ご不便をおかけしておりますことを重ねてお詫び申し上げますとともに、何卒ご理解賜りますようお願い申し上げます。",
            "10時現在",
        ],
    );
    assert!(!html.contains("第2報") && !html.contains("おかけいたしました"));
}

#[tokio::test]
async fn the_migrated_history_states_its_issuer_once_and_invents_no_length() {
    let o = decode_str(MIGRATED);
    assert!(o.problems.is_empty(), "{:#?}", o.problems);
    let doc = o.document.expect("a history");
    for r in &doc.reports {
        assert_eq!(r.header.issuer.organization, "株式会社カワセミ通信");
        assert!(r.header.contact.is_some());
    }
    let entries = hokoku::compose::history::entries(&doc);
    let refs: Vec<_> = entries.iter().collect();
    let months = hokoku::compose::history::monthly(&doc, &refs);
    let fmt = hokoku::model::timefmt::Fmt::new(
        Lang::Ja,
        doc.reports[0].letter.date_style,
        doc.reports[0].zone,
    );
    assert_eq!(months.len(), 1);
    assert_eq!(
        months[0].outage_text(&fmt),
        "1時間30分（記載なし2件を除く）"
    );
    assert_eq!(months[0].mttr_text(&fmt), "1時間30分（記載なし2件を除く）");
    let old = doc.reports.iter().find(|r| r.id == "old-2").expect("old-2");
    let html = letter(Rc::new(old.clone())).await;
    assert!(
        html.contains("2025年3月10日(月)1時00分～（終了時刻の記載なし）"),
        "{html}"
    );
    assert!(!html.contains("0分）"));
}

#[test]
fn quoted_notices_keep_their_lines_in_every_view_and_in_print() {
    // The text reaches the markup with its line breaks (above); these rules keep them on
    // screen and on paper (the print stylesheet does not override them).
    let letter_css = include_str!("../styles/letter.css");
    let timeline_css = include_str!("../styles/timeline.css");
    let rule = |css: &str, selector: &str| -> String {
        let at = css.find(selector).unwrap_or_else(|| panic!("{selector}"));
        css[at..at + css[at..].find('}').expect("rule end")].to_string()
    };
    assert!(rule(letter_css, ".hk-letter__quote-text {").contains("white-space: pre-wrap"));
    assert!(rule(timeline_css, ".hk-timeline__quote p {").contains("white-space: pre-wrap"));
    // No other rule on a quote (print included) sets white-space back.
    for css in [letter_css, timeline_css] {
        for rule in css.split('}') {
            let (selector, body) = rule.split_once('{').unwrap_or(("", ""));
            if selector.contains("quote") && body.contains("white-space") {
                assert!(body.contains("white-space: pre-wrap"), "{selector}");
            }
        }
    }
}

#[test]
fn a_list_written_as_one_string_warns() {
    let o = decode_str(SPARSE);
    let codes: Vec<(&str, &str)> = o
        .problems
        .iter()
        .map(|p| (p.code(), p.path.as_str()))
        .collect();
    assert_eq!(
        codes,
        vec![("list-in-one-string", "incident.scope.networks")]
    );
    let text = SPARSE.replace("203.0.113.0/24、198.51.100.0/25", "203.0.113.0/24 のみ");
    assert!(decode_str(&text).problems.is_empty());
}
