//! Statuspage bodies of several eras (tests/fixtures/statuspage/bodies.json: 2012 `<p>`/`<br>`,
//! 2016 `<ul><li><strong>`, references, malformed tags, 2021 Markdown, hostile markup) imported,
//! exported and decoded again unchanged, and rendered as paragraphs, lists and links in the
//! timeline (list and detail), the letter's 経緯 and the history list: never as literal tags.

use std::rc::Rc;

use hokoku::app::components::history::{History, HistoryProps};
use hokoku::app::components::letter_view::{LetterView, LetterViewProps};
use hokoku::app::components::timeline::{Timeline, TimelineProps};
use hokoku::app::state::Selection;
use hokoku::format::{decode_str, export::to_json};
use hokoku::model::text::{Block, Inline};
use hokoku::model::{Document, Lang, Report};
use yew::{Callback, LocalServerRenderer};

const BODIES: &str = include_str!("fixtures/statuspage/bodies.json");

fn document() -> Document {
    let outcome = decode_str(BODIES);
    assert_eq!(outcome.problems, vec![], "problems");
    outcome.document.expect("a document")
}

fn report(doc: &Document, id: &str) -> Rc<Report> {
    Rc::new(doc.reports.iter().find(|r| r.id == id).expect(id).clone())
}

/// Markup a reader would see as literal tags or references (escaped by the renderer).
const LITERAL: [&str; 10] = [
    "&lt;p",
    "&lt;/p",
    "&lt;ul",
    "&lt;li",
    "&lt;br",
    "&lt;strong",
    "&lt;a ",
    "&amp;amp;",
    "&amp;#39;",
    "**",
];

fn assert_no_literal_markup(html: &str, what: &str) {
    for bad in LITERAL {
        assert!(!html.contains(bad), "{bad} shown as text in the {what}");
    }
}

#[test]
fn imported_bodies_round_trip_through_export_without_a_warning() {
    let doc = document();
    let json = to_json(&doc);
    let again = decode_str(&json);
    assert_eq!(again.problems, vec![], "decoding the export:\n{json}");
    assert_eq!(again.document.as_ref(), Some(&doc));
    assert_eq!(again.document.as_ref().map(to_json), Some(json.clone()));
    // The export says it in hokoku's markup, not HTML.
    assert!(json.contains(r#"- **Git operations** over SSH"#), "{json}");
    assert!(!json.contains("\\u003cp\\u003e") && !json.contains("\\u003cul"));
}

#[test]
fn each_era_reads_as_structure() {
    let doc = document();
    let r = report(&doc, "nr2016ul0001");
    assert_eq!(
        r.timeline[0].text.blocks[1],
        Block::List(vec![
            vec![
                Inline::Emphasis("Git operations".into()),
                Inline::Plain(" over SSH".into())
            ],
            vec![
                Inline::Emphasis("Deploys".into()),
                Inline::Plain(" to the EU region".into())
            ],
            vec![Inline::Plain("Build logs".into())],
        ])
    );
    // Summaries are words: the resolving update's first paragraph, without its tags.
    assert_eq!(
        r.header.summary.as_deref(),
        Some("All systems are operational.")
    );
    let r = report(&doc, "nr2017en0001");
    assert_eq!(
        r.timeline[0].text.plain(),
        "Mail & DNS queries are delayed. We're on it – customers using \"Rack Mail\" may see delays > 5 minutes."
    );
    let r = report(&doc, "nr2021md0001");
    assert!(matches!(&r.timeline[0].text.blocks[2], Block::List(items) if items.len() == 2));
    let r = report(&doc, "nr2019hx0001");
    let all = to_json(&Document {
        reports: vec![(*r).clone()],
        ..doc.clone()
    });
    assert!(!all.contains("onclick") && !all.contains("onerror") && !all.contains("style=\\"));
}

#[tokio::test]
async fn timeline_list_and_detail_show_lists_not_tags() {
    let doc = document();
    let r = report(&doc, "nr2016ul0001");
    let props = |selection| TimelineProps {
        report: r.clone(),
        lang: Lang::En,
        selection,
        onselect: Callback::noop(),
        range: None,
        onrange: Callback::noop(),
        list_rows: usize::MAX,
    };
    let html = LocalServerRenderer::<Timeline>::with_props(props(Selection::Event(0)))
        .hydratable(false)
        .render()
        .await;
    assert_no_literal_markup(&html, "timeline");
    // The detail: a real list with bold items and a link to the page.
    let detail = &html[html.find(r#"data-testid="event-detail""#).expect("detail")..];
    assert!(
        detail.contains(
            r#"<ul class="hk-text__list"><li><strong>Git operations</strong> over SSH</li>"#
        ),
        "{detail}"
    );
    assert!(detail.contains(r#"href="https://status.nebula-rack.example/incidents/nr2016ul0001" rel="noopener noreferrer" class="hk-text__link">our status page</a>"#), "{detail}");
    // The list twin: the same structure inside its button, without a link inside the button.
    let entry = &html[html
        .find(r#"class="hk-timeline__entry-text""#)
        .expect("entry")..];
    let entry = &entry[..entry.find("</button>").unwrap()];
    assert!(entry.contains(r#"<span role="listitem" class="hk-text__item"><strong>Git operations</strong> over SSH</span>"#), "{entry}");
    assert!(!entry.contains("<a "));
}

#[tokio::test]
async fn hostile_bodies_render_as_text_only() {
    let doc = document();
    let r = report(&doc, "nr2019hx0001");
    let html = LocalServerRenderer::<Timeline>::with_props(TimelineProps {
        report: r.clone(),
        lang: Lang::En,
        selection: Selection::Event(1),
        onselect: Callback::noop(),
        range: None,
        onrange: Callback::noop(),
        list_rows: usize::MAX,
    })
    .hydratable(false)
    .render()
    .await;
    assert!(!html.contains("<script") && !html.contains("javascript:alert(2)"));
    assert!(!html.to_lowercase().contains("href=\"javascript"));
    assert!(!html.contains(" onclick=") && !html.contains(" onerror="));
    // The Markdown-like body shows its script as escaped text.
    assert!(html.contains("&lt;script&gt;alert(7)&lt;/script&gt;"));
}

#[tokio::test]
async fn letter_timeline_sets_lists_and_prints_link_urls() {
    let doc = document();
    let r = report(&doc, "nr2016ul0001");
    let html = LocalServerRenderer::<LetterView>::with_props(LetterViewProps {
        report: r,
        lang: Lang::En,
    })
    .hydratable(false)
    .render()
    .await;
    assert_no_literal_markup(&html, "letter");
    let table = &html[html.find("hk-letter__timeline").expect("経緯")..];
    assert!(
        table.contains(
            r#"<ul class="hk-text__list"><li><strong>Git operations</strong> over SSH</li>"#
        ),
        "{table}"
    );
    // The space before a link is kept (the letter takes only indentation off a paragraph).
    assert!(table.contains("Details at <a "), "{table}");
    // On paper a link is its label and its URL.
    assert!(table.contains(r#"<span class="hk-text__url"> (https://status.nebula-rack.example/incidents/nr2016ul0001)</span>"#));
}

#[tokio::test]
async fn history_list_shows_words_not_tags() {
    let html = LocalServerRenderer::<History>::with_props(HistoryProps {
        document: Rc::new(document()),
        lang: Lang::En,
        onopen: Callback::noop(),
        links: None,
        page_size: None,
        current: None,
    })
    .hydratable(false)
    .render()
    .await;
    assert_no_literal_markup(&html, "history");
    assert!(html.contains("All systems are operational."), "{html}");
    assert!(html.contains("The panel is fast again."), "{html}");
}
