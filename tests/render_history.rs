//! Native render tests of the history view, on the shipped history example and on a Statuspage
//! import: structure (test ids, one item per report, newest first, grouped by year and month),
//! the overview graphics with their tooltips and table, and that data stays text.

use std::rc::Rc;

use hokoku::app::components::history::{History, HistoryProps};
use hokoku::format::decode_str;
use hokoku::model::{Document, Lang};
use yew::{Callback, LocalServerRenderer};

fn example() -> Document {
    let path = format!("{}/examples/history.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("examples/history.json");
    decode_str(&text).document.expect("the example decodes")
}

async fn render(document: Document, lang: Lang) -> String {
    let props = HistoryProps {
        document: Rc::new(document),
        lang,
        onopen: Callback::noop(),
        links: None,
        page_size: Some(hokoku::app::components::history::PAGE_SIZE),
        current: None,
    };
    let html = LocalServerRenderer::<History>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    // To look at the result in a browser: HOKOKU_DUMP_DIR=/tmp/x cargo test --test render_history
    if let Ok(dir) = std::env::var("HOKOKU_DUMP_DIR") {
        let _ = std::fs::write(
            format!("{dir}/history-{}-{}.html", lang.code(), html.len()),
            &html,
        );
    }
    html
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

/// The `data-report` indices of the items, in page order.
fn item_order(html: &str) -> Vec<usize> {
    html.split("data-testid=\"history-item\"")
        .skip(1)
        .filter_map(|rest| {
            let start = rest.find("data-report=\"")? + "data-report=\"".len();
            rest[start..].split('"').next()?.parse().ok()
        })
        .collect()
}

#[tokio::test]
async fn history_example_lists_every_report_newest_first() {
    let doc = example();
    let html = render(doc.clone(), Lang::Ja).await;
    assert_eq!(count(&html, "data-testid=\"history\""), 1);
    assert_eq!(count(&html, "data-testid=\"history-item\""), 12);
    assert_eq!(count(&html, "data-testid=\"history-open\""), 12);
    // The decoder already sorted newest first; the list keeps that order.
    assert_eq!(item_order(&html), (0..12).collect::<Vec<_>>());
    assert!(html.contains("12件"));
    // Year and month headings, in the document's 和暦.
    assert!(
        html.contains("<h3 class=\"hk-history__year-heading\">令和8年</h3>"),
        "{html}"
    );
    assert!(html.contains("<h4 class=\"hk-history__month-heading\">令和8年5月</h4>"));
    assert!(html.contains("<h4 class=\"hk-history__month-heading\">令和6年6月</h4>"));
    let year_2026 = html.find("令和8年</h3>").unwrap();
    let year_2024 = html.find("令和6年</h3>").unwrap();
    assert!(year_2026 < year_2024);
}

#[tokio::test]
async fn history_item_shows_period_duration_impact_services_and_summary() {
    let doc = example();
    let index = doc
        .reports
        .iter()
        .position(|r| r.id == "2024-08-lb")
        .unwrap();
    let html = render(doc, Lang::Ja).await;
    let start = html
        .find(&format!("data-report=\"{index}\""))
        .expect("item");
    let item = &html[start..start + html[start..].find("</li>").unwrap()];
    assert!(
        item.contains("ロードバランサー停止障害のご報告とお詫び"),
        "{item}"
    );
    assert!(
        item.contains("令和6年8月21日(水)16時05分～16時57分"),
        "{item}"
    );
    assert!(item.contains("（52分）"), "{item}");
    assert!(item.contains("data-level=\"outage\""), "{item}");
    assert!(item.contains("×") && item.contains("停止"), "{item}");
    assert!(
        item.contains("対象：") && item.contains("ロードバランサー"),
        "{item}"
    );
    // Operational services are not listed as affected.
    assert!(!item.contains("DNS"), "{item}");
    assert!(
        item.contains("ロードバランサーの冗長切り替えが失敗し"),
        "{item}"
    );
    // The still-open report says so.
    let open = &html[html.find("data-report=\"0\"").unwrap()..];
    assert!(open[..open.find("</li>").unwrap()].contains("継続中"));
}

#[tokio::test]
async fn overview_has_calendar_charts_and_table() {
    let html = render(example(), Lang::Ja).await;
    assert_eq!(count(&html, "data-testid=\"history-calendar\""), 1);
    // Three years with incidents: one strip each.
    assert_eq!(count(&html, "class=\"hk-history__calendar-svg\""), 3);
    // A marked day: colour class, the symbol, and a tooltip naming the report.
    let day = html.find("data-day=\"2025-07-14\"").expect("marked day");
    let cell = &html[day..day + html[day..].find("</g>").unwrap()];
    assert!(cell.contains("data-level=\"outage\""), "{cell}");
    assert!(
        cell.contains(
            "<title>令和7年7月14日(月)：仮想サーバー停止障害のご報告とお詫び（停止）</title>"
        ),
        "{cell}"
    );
    assert!(cell.contains(">×</text>"), "{cell}");
    // Three charts, one bar per month from June 2024 to May 2026, each with a tooltip.
    assert_eq!(count(&html, "class=\"hk-history__chart "), 3);
    assert_eq!(count(&html, "class=\"hk-history__bar\""), 3 * 24);
    assert!(
        html.contains("<title>令和6年8月 停止時間：52分</title>"),
        "{html}"
    );
    assert!(html.contains("<title>令和6年8月 件数：1件</title>"));
    // The table: months with reports only, the same words as the tooltips.
    assert_eq!(count(&html, "data-testid=\"history-table\""), 1);
    let table = &html[html.find("data-testid=\"history-table\"").unwrap()..];
    assert_eq!(count(table, "<tr data-month="), 12);
    assert!(
        table.contains("<th scope=\"row\">令和6年8月</th><td>1件</td><td>52分</td><td>52分</td>"),
        "{table}"
    );
    // Maintenance is counted apart.
    assert!(
        table.contains("<th scope=\"row\">令和6年10月</th><td>0件</td>"),
        "{table}"
    );
}

#[tokio::test]
async fn filters_offer_services_levels_and_years() {
    let html = render(example(), Lang::En).await;
    assert!(html.contains("role=\"search\""));
    assert!(html.contains("data-testid=\"history-search\""));
    let years = &html[html.find("data-testid=\"history-year\"").unwrap()..];
    let years = &years[..years.find("</select>").unwrap()];
    assert_eq!(count(years, "<option"), 4, "{years}");
    let services = &html[html.find("data-testid=\"history-service\"").unwrap()..];
    let services = &services[..services.find("</select>").unwrap()];
    assert_eq!(count(services, "<option"), 8, "{services}");
    assert!(html.contains("Incident history") && html.contains("12 reports"));
    // Nothing is filtered yet: no clear button.
    assert!(!html.contains("Clear filters"));
}

#[tokio::test]
async fn imported_statuspage_list_renders_as_history_and_keeps_text_as_text() {
    let path = format!(
        "{}/tests/fixtures/statuspage/incidents.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("fixture");
    let doc = decode_str(&text).document.expect("imported");
    assert!(doc.is_history);
    let html = render(doc, Lang::Ja).await;
    assert_eq!(count(&html, "data-testid=\"history-item\""), 6);
    // The body's markup is escaped, never a tag.
    assert!(!html.contains("<script>"));
    assert!(html.contains("Object storage upload errors"));
    assert!(html.contains("data-level=\"maintenance\""));
    assert!(html.contains("2026年5月20日(水)11時00分～継続中"), "{html}");
}

#[tokio::test]
async fn with_links_each_title_is_a_link_to_its_page() {
    let document = Rc::new(example());
    let links: Vec<yew::AttrValue> = document
        .reports
        .iter()
        .map(|r| format!("reports/{}.html", r.id).into())
        .collect();
    let props = HistoryProps {
        document: document.clone(),
        lang: Lang::Ja,
        onopen: Callback::noop(),
        links: Some(Rc::new(links)),
        page_size: None,
        current: None,
    };
    let html = LocalServerRenderer::<History>::with_props(props)
        .hydratable(false)
        .render()
        .await;
    let n = document.reports.len();
    assert_eq!(count(&html, r#"class="hk-history__open""#), n);
    assert_eq!(
        count(&html, r#"<a id="hk-history-item-"#),
        n,
        "every title is a link"
    );
    for (i, r) in document.reports.iter().enumerate() {
        assert!(
            html.contains(&format!(
                r#"<a id="hk-history-item-{i}" data-testid="history-open" href="reports/{}.html""#,
                r.id
            )),
            "{}",
            r.id
        );
    }
}
