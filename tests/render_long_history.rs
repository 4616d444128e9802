//! Native render tests of a long history (issue 14, point 7): 1,300 reports over 14 years draw
//! one page of the list with a pager, charts and a table per year (15 periods, not 165 months),
//! a month grid instead of fourteen day strips, and a bounded number of elements whatever the
//! size; a report deep-linked or opened last brings the list back at its page; broken entries
//! are listed apart, with their problems' count.

use std::rc::Rc;

use hokoku::app::components::history::{History, HistoryProps, PAGE_SIZE};
use hokoku::format::decode_str;
use hokoku::model::{Document, Lang};
use yew::{Callback, LocalServerRenderer};

/// `n` one-hour incidents, one every `step` days from 2012-04-02 (entry `bad` broken if any).
fn spread(n: usize, step: i64, bad: Option<usize>) -> Document {
    let first = chrono::NaiveDate::from_ymd_opt(2012, 4, 2).expect("date");
    let reports: Vec<String> = (0..n)
        .map(|i| {
            let d = first + chrono::Duration::days(i as i64 * step);
            let start = if Some(i) == bad {
                "2013-02-30T10:00:00+00:00".to_string()
            } else {
                format!("{d}T10:00:00+00:00")
            };
            format!(
                r#"{{"report": {{"id": "h{i}", "title": "Incident {i}", "issued": "{d}", "issuer": "Example"}},
                   "incident": {{"start": "{start}", "end": "{d}T11:00:00+00:00",
                                 "phases": [{{"start": "{d}T10:00:00+00:00", "end": "{d}T11:00:00+00:00",
                                              "impact": {{"s": "outage"}}}}]}}}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"version": 1, "lang": "en", "services": [{{"id": "s", "name": "S"}}], "reports": [{}]}}"#,
        reports.join(",")
    );
    decode_str(&text).document.expect("the history opens")
}

async fn render(document: Document, current: Option<usize>) -> String {
    let props = HistoryProps {
        document: Rc::new(document),
        lang: Lang::En,
        onopen: Callback::noop(),
        links: None,
        page_size: Some(PAGE_SIZE),
        current,
    };
    LocalServerRenderer::<History>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[tokio::test]
async fn a_long_history_draws_one_page_and_figures_per_year() {
    let html = render(spread(1300, 4, None), None).await;
    assert_eq!(count(&html, "data-testid=\"history-item\""), PAGE_SIZE);
    assert_eq!(count(&html, "data-testid=\"history-pager\""), 2);
    assert!(
        html.contains("1–50 of 1300 (page 1 of 26)"),
        "{}",
        &html[..2000]
    );
    // On paper, where the pager is not printed, the page says which reports it holds; once.
    assert_eq!(count(&html, "data-testid=\"history-print-range\""), 1);
    assert!(html.contains("This printout lists reports 1–50 of 1300 (page 1 of 26)."));
    // The newest first: the page holds the 50 newest.
    assert!(html.contains(">Incident 1299<"));
    assert!(!html.contains(">Incident 1249<"));
    // Per year: 2012 to 2026, fifteen bars per chart and fifteen rows.
    assert_eq!(count(&html, "data-span=\"year\""), 3);
    assert_eq!(count(&html, "class=\"hk-history__bar\""), 3 * 15);
    let table = &html[html.find("data-testid=\"history-table\"").expect("table")..];
    assert_eq!(count(table, "<tr data-month="), 15);
    // A month grid, not fourteen strips of days.
    assert_eq!(count(&html, "data-testid=\"history-month-grid\""), 1);
    assert_eq!(count(&html, "hk-history__calendar-svg"), 0);
    // Bounded: elements of the whole view well under the budget of 3,000 nodes.
    let elements = count(&html, "<") - count(&html, "</");
    assert!(elements < 2000, "{elements} elements");
}

#[tokio::test]
async fn the_list_comes_back_at_the_page_of_the_report_opened_last() {
    let doc = spread(1300, 4, None);
    // Index of "Incident 10" in the (newest first) reports: the 1,290th listed, page 26.
    let at = doc.reports.iter().position(|r| r.id == "h10").expect("h10");
    let html = render(doc, Some(at)).await;
    assert!(html.contains("page 26 of 26"));
    assert!(html.contains(">Incident 10<"));
    assert_eq!(
        count(&html, "data-testid=\"history-item\""),
        1300 - 25 * PAGE_SIZE
    );
}

#[tokio::test]
async fn a_broken_entry_is_listed_apart_and_counted_nowhere() {
    let html = render(spread(30, 20, Some(7)), None).await;
    assert_eq!(count(&html, "data-testid=\"history-item\""), 29);
    assert_eq!(count(&html, "data-testid=\"history-broken\""), 1);
    assert!(html.contains("data-entry=\"reports[7]\""));
    assert!(html.contains(">Incident 7<"));
    // A short history stays monthly, without a pager.
    assert_eq!(count(&html, "data-span=\"month\""), 3);
    assert_eq!(count(&html, "data-testid=\"history-pager\""), 0);
}
