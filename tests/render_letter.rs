//! Native render tests of the letter view (yew SSR): the parts of a formal letter appear in the
//! order a Japanese reader expects, with the classes that place them, and untrusted text stays
//! text.

use std::rc::Rc;

use hokoku::app::components::letter_view::{LetterView, LetterViewProps};
use hokoku::format::decode_str;
use hokoku::model::{Lang, Report};

mod common;
use common::{in_order, without_phrase_spans};

const SAMPLE: &str = include_str!("../examples/sample.json");
const SAMPLE_EN: &str = include_str!("../examples/sample-en.json");
const HISTORY: &str = include_str!("../examples/history.json");

fn report(text: &str, index: usize) -> Rc<Report> {
    let outcome = decode_str(text);
    let doc = outcome
        .document
        .unwrap_or_else(|| panic!("{:?}", outcome.problems));
    Rc::new(doc.reports[index].clone())
}

async fn render(report: Rc<Report>, lang: Lang) -> String {
    let html = yew::LocalServerRenderer::<LetterView>::with_props(LetterViewProps { report, lang })
        .hydratable(false)
        .render()
        .await;
    assert!(
        html.contains(r#"<span class="hk-nobr">"#),
        "time phrases are marked unbreakable"
    );
    without_phrase_spans(&html)
}

#[tokio::test]
async fn the_sample_letter_has_every_part_in_order() {
    let html = render(report(SAMPLE, 0), Lang::Ja).await;
    assert!(html.contains(r#"data-testid="letter""#));
    in_order(
        &html,
        &[
            r#"class="hk-letter__docno">ハ運発第2026-014号<"#,
            r#"<time datetime="2026-03-03">2026年3月3日</time>"#,
            r#"class="hk-letter__revised">2026年3月5日改訂<"#,
            r#"class="hk-letter__addressee">ハルカゼメールをご利用のお客様各位<"#,
            r#"class="hk-letter__issuer"><p>株式会社ハルカゼネット</p><p>サービス運用本部</p><p>本部長 三浦 恭介</p>"#,
            r#"class="hk-letter__subject">ハルカゼメール メール受信・Webメール停止障害のご報告とお詫び<span class="hk-letter__series">（最終報告）</span></h2>"#,
            r#"class="hk-letter__opening">拝啓　貴社ますますご盛栄のこととお慶び申し上げます。"#,
            // The summary gives the start, so the generated sentence does not repeat it.
            r#"class="hk-letter__para">このたび、弊社のメール受信"#,
            r#"class="hk-letter__para hk-letter__para--last">このたびは多大なるご迷惑"#,
            r#"class="hk-letter__closing">敬具<"#,
            r#"class="hk-letter__record">記<"#,
            "1.</span>障害発生日時",
            "2.</span>対象サービス",
            "3.</span>影響範囲・障害内容",
            r#"data-testid="impact-phases""#,
            r#"data-testid="impact-matrix""#,
            "なお、メール送信(SMTP)、ホームページ公開、DNSは正常に稼働しておりました。",
            "4.</span>原因",
            "5.</span>対処",
            "6.</span>今後の対策",
            "7.</span>データについて",
            "8.</span>障害中に届いたメールについて",
            "9.</span>復旧見込みのご案内について",
            "10.</span>経緯",
            r#"<th colspan="3" scope="colgroup">2026年2月17日(火)</th>"#,
            "9時20分頃",
            "（現地時間2月16日16時20分頃）",
            "「ポートランド第2データセンター",
            r#"<th colspan="3" scope="colgroup">2026年3月3日(火)</th>"#,
            r#"class="hk-letter__end">以上<"#,
            r#"class="hk-letter__contact-title">本件に関するお問い合わせ窓口<"#,
            r#"<a href="tel:0120000814""#,
            r#"<a href="mailto:support@harukaze-net.example""#,
            "改訂履歴",
        ],
    );
    // The phase table and matrix are the impact view's, shown still (no selection buttons).
    assert!(!html.contains("hk-impact__select"));
}

#[tokio::test]
async fn the_print_button_is_interface_not_letter() {
    let html = render(report(SAMPLE, 0), Lang::Ja).await;
    in_order(
        &html,
        &[
            r#"<div class="hk-letter__toolbar hk-chrome"><button type="button" data-testid="print" class="hk-letter__print hk-chrome">印刷 / PDF</button></div>"#,
            r#"<div class="hk-letter__paper">"#,
        ],
    );
}

#[tokio::test]
async fn the_english_letter() {
    let html = render(report(SAMPLE_EN, 0), Lang::En).await;
    assert!(html.contains(r#"lang="en""#));
    in_order(
        &html,
        &[
            r#"<time datetime="2025-09-12">September 12, 2025</time>"#,
            r#"class="hk-letter__addressee">To our customers<"#,
            r#"class="hk-letter__subject">Form submission outage on September 9, 2025 <span class="hk-letter__series">(Final Report)</span></h2>"#,
            r#"class="hk-letter__opening">Dear Customers,<"#,
            r#"class="hk-letter__closing">Sincerely,<"#,
            r#"class="hk-letter__signature"><p>Kestrel Forms Inc.</p>"#,
            "1.</span>Date and time",
            "Print / PDF",
        ]
        .iter()
        .filter(|n| !n.starts_with("Print"))
        .copied()
        .collect::<Vec<_>>(),
    );
    for absent in [
        "hk-letter__record",
        "hk-letter__end",
        "hk-letter__issuer",
        "拝啓",
        "敬具",
    ] {
        assert!(!html.contains(absent), "{absent} in the English letter");
    }
}

#[tokio::test]
async fn every_report_of_the_history_renders() {
    let outcome = decode_str(HISTORY);
    let doc = outcome.document.expect("history decodes");
    for r in doc.reports {
        let title = r
            .header
            .title
            .clone()
            .expect("every history report has a title");
        // The history's shared letter options: 謹啓 … 謹白, 和暦.
        assert_eq!(
            (r.letter.opening.text(), r.letter.closing.text()),
            ("謹啓", "謹白")
        );
        let html = render(Rc::new(r), doc.lang).await;
        in_order(
            &html,
            &[
                "hk-letter__subject",
                "謹啓　",
                "謹白",
                "記",
                "1.</span>",
                "以上",
            ],
        );
        assert!(html.contains("令和"), "{title}: 和暦");
        assert!(html.contains(&html_escape(&title)), "{title}");
    }
}

#[tokio::test]
async fn untrusted_text_stays_text() {
    let evil = SAMPLE
        .replace(
            "ハルカゼメール メール受信・Webメール停止障害のご報告とお詫び",
            "<img src=x onerror=alert(1)>障害",
        )
        .replace(
            "https://www.harukaze-net.example/support/",
            "javascript:alert(1)",
        );
    let outcome = decode_str(&evil);
    let doc = outcome.document.expect("only a warning for the URL");
    let html = render(Rc::new(doc.reports[0].clone()), Lang::Ja).await;
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;障害"));
    assert!(!html.contains("javascript:"));
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[tokio::test]
async fn a_letter_of_20000_events_lists_the_milestones_and_counts_the_rest_per_day() {
    // 20,000 routine records with a recovery every 500th: a letter of every row would not
    // open or print (issue 19); the summarised one says what it left out, in words.
    let events: Vec<String> = (0..20_000)
        .map(|i| {
            let kind = if i % 500 == 0 { "recovery" } else { "action" };
            format!(
                r#"{{"at": "2026-07-{:02}T{:02}:{:02}:00+09:00", "kind": "{kind}", "text": "処理{i}"}}"#,
                1 + i / 10_000,
                (i / 60) % 24,
                i % 60
            )
        })
        .collect();
    let text = format!(
        r#"{{"version": 1,
  "report": {{"title": "大量の記録を含むご報告", "issued": "2026-07-03", "issuer": "株式会社カワセミ工房"}},
  "incident": {{"start": "2026-07-01T00:00:00+09:00", "end": "2026-07-02T23:59:00+09:00"}},
  "timeline": [{}]}}"#,
        events.join(",")
    );
    let html = render(report(&text, 0), Lang::Ja).await;
    assert_eq!(
        html.matches(r#"class="hk-letter__event""#).count(),
        40,
        "the 40 recoveries"
    );
    assert!(html.contains("記録 20,000 件のうち"));
    assert_eq!(
        html.matches("（この日のほかの記録 9,980 件は記載を省略しております）")
            .count(),
        2
    );
    assert!(html.len() < 200_000, "{} bytes", html.len());
}
