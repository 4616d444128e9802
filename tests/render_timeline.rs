//! Native render tests of the timeline: structure of the chart (lanes, bands, markers, a break,
//! ETA lines, the unknown-time tray), the list twin grouped by day, the detail panel, and the
//! size of the chart's DOM with 10,000 events.

use std::rc::Rc;

use hokoku::app::components::timeline::{Timeline, TimelineProps};
use hokoku::app::state::Selection;
use hokoku::format::decode_str;
use hokoku::model::{Lang, Report};
use yew::{Callback, LocalServerRenderer};

/// Phase ① and ② on 10/11–12, a relapse ③ two weeks later; three actors; 頃, 過ぎ, a part of
/// day, a date-only event, an unknown time, ETA slips and a local time.
const RELAPSE: &str = r#"{
  "version": 1,
  "lang": "ja",
  "report": {
    "title": "メールサービス障害のご報告とお詫び",
    "issued": "2016-10-28",
    "issuer": "株式会社テスト"
  },
  "services": [ { "id": "pop", "name": "メール受信(POP)" } ],
  "actors": [
    { "id": "us", "name": "弊社", "role": "us" },
    { "id": "dc", "name": "データセンター", "role": "datacenter" },
    { "id": "mon", "name": "監視システム", "role": "monitoring" }
  ],
  "incident": {
    "start": "2016-10-11T08:55:00+09:00",
    "end": "2016-10-25T11:55:00+09:00",
    "phases": [
      { "id": "p1", "start": "2016-10-11T08:55:00+09:00", "end": { "at": "2016-10-11T22:00:00+09:00", "approx": "about" },
        "impact": { "pop": "outage" } },
      { "id": "p2", "start": "2016-10-11T22:00:00+09:00", "end": "2016-10-12T22:00:00+09:00",
        "impact": { "pop": "degraded" } },
      { "id": "p3", "start": "2016-10-25T09:26:00+09:00", "end": "2016-10-25T11:55:00+09:00",
        "impact": { "pop": "outage" } }
    ]
  },
  "timeline": [
    { "id": "start", "at": "2016-10-11T08:55:00+09:00", "approx": "about", "actor": "mon", "kind": "detection", "text": "応答遅延を検知" },
    { "at": "2016-10-11T09:10:00+09:00", "actor": "us", "kind": "occurrence", "text": "メールの受信ができない状態を確認" },
    { "at": "2016-10-11T09:30:00+09:00", "actor": "us", "kind": "eta", "eta": { "at": "2016-10-11T12:00:00+09:00", "approx": "about" }, "text": "復旧見込みを12時頃と案内" },
    { "at": "2016-10-11T11:40:00+09:00", "actor": "us", "kind": "eta", "eta": { "at": "2016-10-11T16:00:00+09:00", "approx": "about" }, "text": "復旧見込みを16時頃に変更" },
    { "at": "2016-10-11T15:00:00+09:00", "approx": "about", "local_offset": "-08:00", "actor": "dc", "kind": "notice", "text": "データセンターより障害通知", "quote": { "source": "データセンター", "text": "ストレージ装置のコントローラーを交換します。" } },
    { "at": "2016-10-11T15:30:00+09:00", "actor": "us", "kind": "eta", "eta": { "at": "2016-10-11T20:00:00+09:00", "approx": "about" }, "text": "復旧見込みを20時頃に変更" },
    { "at": "2016-10-11T21:00:00+09:00", "approx": "after", "actor": "dc", "kind": "action", "text": "コントローラーの交換が完了" },
    { "at": "2016-10-11T22:00:00+09:00", "actor": "us", "kind": "recovery", "text": "受信を再開(遅延あり)" },
    { "date": "2016-10-12", "part": "early_morning", "actor": "dc", "kind": "action", "text": "データ再構築が6割まで進行" },
    { "at": "2016-10-12T22:00:00+09:00", "actor": "us", "kind": "recovery", "text": "遅延が解消" },
    { "date": "2016-10-13", "actor": "us", "kind": "report", "text": "第1報を公開" },
    { "at": null, "actor": "dc", "kind": "notice", "text": "点検報告書を受領" },
    { "at": "2016-10-25T09:26:00+09:00", "actor": "mon", "kind": "detection", "text": "同様の症状を再び検知" },
    { "at": "2016-10-25T11:55:00+09:00", "actor": "us", "kind": "recovery", "text": "再発分の復旧を確認" }
  ]
}"#;

fn report(json: &str) -> Rc<Report> {
    let outcome = decode_str(json);
    let doc = outcome
        .document
        .unwrap_or_else(|| panic!("{:?}", outcome.problems));
    Rc::new(doc.reports.into_iter().next().unwrap())
}

async fn render(
    report: Rc<Report>,
    lang: Lang,
    selection: Selection,
    range: Option<(i64, i64)>,
) -> String {
    let props = TimelineProps {
        report,
        lang,
        selection,
        onselect: Callback::noop(),
        range,
        onrange: Callback::noop(),
        list_rows: hokoku::app::components::timeline::list::PAGE,
    };
    LocalServerRenderer::<Timeline>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

/// The `<svg …>…</svg>` of the chart.
fn svg(html: &str) -> &str {
    let class = html.find("class=\"hk-timeline__svg\"").expect("chart svg");
    let start = html[..class].rfind("<svg").expect("svg start");
    let end = html[start..].find("</svg>").expect("svg end") + start;
    &html[start..end]
}

/// Elements inside the chart: every opening tag.
fn nodes(fragment: &str) -> usize {
    fragment.matches('<').count() - fragment.matches("</").count()
}

#[tokio::test]
async fn chart_has_lanes_bands_markers_and_a_break() {
    let html = render(report(RELAPSE), Lang::Ja, Selection::None, None).await;
    assert!(html.contains(r#"data-testid="timeline""#));
    let chart = svg(&html);
    // One lane per actor, ours first.
    assert_eq!(count(chart, "data-lane="), 3);
    assert!(chart.find(">弊社<").unwrap() < chart.find(">データセンター<").unwrap());
    // Three phase bands, labelled ①②③.
    assert_eq!(count(chart, "data-phase="), 3);
    for label in ["①", "②", "③"] {
        assert!(chart.contains(label), "band {label}");
    }
    // The quiet eleven days before the relapse are cut, with their length; the quiet day
    // inside phase ② is not (a phase is never cut, so its length reads true).
    assert_eq!(count(chart, "hk-timeline__break\""), 1, "{chart}");
    assert!(chart.contains(">約11日間<"), "break label");
    assert!(!chart.contains(">約15時間<"), "no break inside phase ②");
    // Start and recovery marks.
    assert!(chart.contains("hk-timeline__mark--start"));
    assert!(chart.contains("hk-timeline__mark--recovery"));
    // Three ETA lines (the slips 12時頃 → 16時頃 → 20時頃).
    assert_eq!(count(chart, "data-eta="), 3);
    assert!(chart.contains(">12時頃<") || chart.contains("12時頃"));
    // Every placed event is a marker or inside a cluster; the unknown one is in the tray.
    let markers = count(chart, "data-event=");
    let clustered: usize = chart
        .split("data-count=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next()?.parse::<usize>().ok())
        .sum();
    assert_eq!(markers + clustered, 13, "{chart}");
    assert!(html.contains(r#"data-testid="unknown-tray""#));
    assert!(html.contains("時刻不明"));
    // Uncertainty is drawn: 頃 whisker, 過ぎ open marker, the part of day as a span.
    assert!(chart.contains("hk-timeline__marker--about"));
    assert!(chart.contains("hk-timeline__marker--after"));
    assert!(chart.contains("hk-timeline__span"));
    // Axis in the report's zone, zone shown; the relapse island names its day.
    assert!(chart.contains("10/11(火)"));
    assert!(chart.contains(">10/25(火)<"));
    assert!(html.contains("UTC+09:00 (JST)"));
}

#[tokio::test]
async fn list_twin_is_grouped_by_day_with_every_event() {
    let html = render(report(RELAPSE), Lang::Ja, Selection::None, None).await;
    assert_eq!(count(&html, r#"data-testid="event-item""#), 14);
    for day in [
        "■2016年10月11日(火)",
        "■2016年10月12日(水)",
        "■2016年10月13日(木)",
        "■2016年10月25日(火)",
    ] {
        assert!(html.contains(day), "{day}");
    }
    // Times as the letter writes them, the local time beside ours, the quote.
    assert!(html.contains("8時55分頃"));
    assert!(html.contains("21時過ぎ"));
    assert!(html.contains("現地時間"));
    assert!(html.contains("<blockquote"));
    // The unknown-time event has its own group after the last day, not under 10/13.
    let list = &html[html.find(r#"data-testid="event-list""#).unwrap()..];
    let unknown = list.find("点検報告書を受領</span>").unwrap();
    let heading = list.find("■時刻不明").expect("a 時刻不明 group");
    assert!(list.find("同様の症状を再び検知</span>").unwrap() < heading);
    assert!(heading < unknown);
    // A date-only event reads as the letter's 経緯 writes it, not (終日).
    assert!(!list.contains("(終日)"));
    assert!(list.contains("時刻記載なし"));
}

#[tokio::test]
async fn selection_shows_the_detail_panel() {
    let html = render(report(RELAPSE), Lang::Ja, Selection::Event(4), None).await;
    assert!(html.contains(r#"data-testid="event-detail""#));
    let detail = &html[html.find(r#"data-testid="event-detail""#).unwrap()..];
    assert!(detail.contains("データセンターより障害通知"));
    assert!(detail.contains("ストレージ装置のコントローラーを交換します。"));
    assert!(detail.contains("現地時間"));
    let html = render(report(RELAPSE), Lang::Ja, Selection::None, None).await;
    assert!(!html.contains(r#"data-testid="event-detail""#));
    // A selected phase is pressed.
    let html = render(report(RELAPSE), Lang::Ja, Selection::Phase(2), None).await;
    assert!(
        html.contains(r#"data-phase="2" role="button" tabindex="0" aria-pressed="true""#),
        "{}",
        svg(&html)
    );
}

#[tokio::test]
async fn english_labels() {
    let html = render(report(RELAPSE), Lang::En, Selection::None, None).await;
    assert!(html.contains("Tue 10/11"));
    assert!(html.contains("Fit all"));
    assert!(html.contains("Time unknown"));
    assert!(html.contains("about 11 days"), "break label");
}

#[tokio::test]
async fn zoomed_range_shows_fewer_markers_and_counts_the_rest() {
    let r = report(RELAPSE);
    // 10/11 09:00–12:00 JST.
    let from = 1_476_144_000_000; // 2016-10-11T00:00:00Z = 09:00 JST
    let html = render(
        r,
        Lang::Ja,
        Selection::None,
        Some((from, from + 3 * 3_600_000)),
    )
    .await;
    let chart = svg(&html);
    assert!(count(chart, "data-event=") <= 4, "{chart}");
    assert!(html.contains(r#"data-testid="outside-count""#));
    assert!(!html.contains(r#"data-testid="zoom-fit" disabled"#));
}

/// A report of `n` events over three days in three lanes.
fn big(n: usize) -> Rc<Report> {
    let mut events = String::new();
    for i in 0..n {
        let secs = (i as i64 * 7919) % (3 * 86_400);
        let t = chrono::DateTime::from_timestamp(1_476_144_000 + secs, 0).unwrap();
        let actor = ["us", "dc", "mon"][i % 3];
        let kind = ["action", "notice", "detection", "occurrence"][i % 4];
        if i > 0 {
            events.push(',');
        }
        events.push_str(&format!(
            r#"{{"at":"{}","actor":"{actor}","kind":"{kind}","text":"出来事 {i}: 対応を実施しました"}}"#,
            t.to_rfc3339()
        ));
    }
    let json = RELAPSE.replace(
        &RELAPSE[RELAPSE.find("\"timeline\"").unwrap()..RELAPSE.rfind(']').unwrap() + 1],
        &format!("\"timeline\": [{events}]"),
    );
    report(&json)
}

#[tokio::test]
async fn ten_thousand_events_keep_the_chart_small() {
    let r = big(10_000);
    for range in [
        None,
        Some((1_476_144_000_000, 1_476_144_000_000 + 6 * 3_600_000)),
    ] {
        let html = render(r.clone(), Lang::Ja, Selection::None, range).await;
        let chart = svg(&html);
        let n = nodes(chart);
        assert!(n <= 1500, "{n} chart nodes");
        // The list is paged.
        assert_eq!(count(&html, r#"data-testid="event-item""#), 100);
        assert!(html.contains(r#"data-testid="list-more""#));
    }
}
