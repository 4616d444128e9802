//! Giant strings (issue 18): a title of megabytes is shortened in the letter and the history,
//! with a visible mark, and the header offers the full text on demand.

use hokoku::app::components::clipped::{Clipped, ClippedProps};
use hokoku::compose::letter::compose;
use hokoku::format::decode_str;
use hokoku::model::long::TITLE_CHARS;
use hokoku::model::Lang;
use yew::LocalServerRenderer;

fn long_title() -> String {
    "長い件名".repeat(250_000)
}

fn report_with(title: &str) -> String {
    format!(
        r#"{{"version":1,"report":{{"title":"{title}","issued":"2026-05-12","issuer":"ミナモ"}},"incident":{{"start":"2026-05-11T14:20:00+09:00"}}}}"#
    )
}

#[test]
fn the_letter_shortens_a_title_of_a_million_characters() {
    let title = long_title();
    let doc = decode_str(&report_with(&title))
        .document
        .expect("a long title is valid");
    assert_eq!(
        doc.reports[0].header.title.as_deref(),
        Some(title.as_str()),
        "kept whole in the model"
    );
    let letter = compose(&doc.reports[0], Lang::Ja);
    let subject = letter.subject.expect("a subject");
    assert!(
        subject.chars().count() < TITLE_CHARS + 40,
        "{}",
        subject.chars().count()
    );
    assert!(subject.contains('…'));
    assert!(letter.print_title.chars().count() < TITLE_CHARS + 40);
}

#[tokio::test]
async fn the_header_shows_a_short_title_and_offers_the_full_text() {
    let render = |text: String| async move {
        LocalServerRenderer::<Clipped>::with_props(ClippedProps {
            text: text.into(),
            max: TITLE_CHARS,
            lang: Lang::Ja,
        })
        .hydratable(false)
        .render()
        .await
    };
    let html = render(long_title()).await;
    assert!(html.len() < 4_000, "{}", html.len());
    assert!(html.contains("全文を表示 (1,000,000 文字)"), "{html}");
    // A title that fits is shown as it is, with no control.
    let html = render("メール配送遅延のご報告".into()).await;
    assert_eq!(html, "メール配送遅延のご報告");
}
