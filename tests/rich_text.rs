//! Structured text: hokoku's light markup read and written (and written back the same, for any
//! text: a property test), and Statuspage bodies of several eras (HTML of 2012 and 2016,
//! references, malformed tags, Markdown-like text, hostile markup) read into it.

use hokoku::format::import::html::{body_text, from_html};
use hokoku::model::text::{Block, Inline};
use hokoku::model::Text;
use proptest::prelude::*;

fn p(s: &str) -> Inline {
    Inline::Plain(s.into())
}
fn em(s: &str) -> Inline {
    Inline::Emphasis(s.into())
}
fn link(label: &str, url: &str) -> Inline {
    Inline::Link {
        label: label.into(),
        url: url.into(),
    }
}
const BR: Inline = Inline::Break;

#[test]
fn markup_reads_paragraphs_lists_emphasis_and_links() {
    let t = Text::from_markup(
        "**Investigating** - API latency.\nSecond line\n\nAffected:\n- REST API\n* Webhooks\n  still slow\n\nSee [history](https://ex.example/h) or https://ex.example/i/1.",
    );
    assert_eq!(
        t.blocks,
        [
            Block::Paragraph(vec![
                em("Investigating"),
                p(" - API latency."),
                BR,
                p("Second line")
            ]),
            Block::Paragraph(vec![p("Affected:")]),
            Block::List(vec![
                vec![p("REST API")],
                vec![p("Webhooks"), BR, p("still slow")]
            ]),
            Block::Paragraph(vec![
                p("See "),
                link("history", "https://ex.example/h"),
                p(" or "),
                link("https://ex.example/i/1", "https://ex.example/i/1"),
                p("."),
            ]),
        ]
    );
    assert_eq!(
        t.plain(),
        "Investigating - API latency.\nSecond line\n\nAffected:\n\n- REST API\n- Webhooks\nstill slow\n\nSee history (https://ex.example/h) or https://ex.example/i/1."
    );
    assert_eq!(
        t.first_line().as_deref(),
        Some("Investigating - API latency.")
    );
}

#[test]
fn what_is_not_markup_stays_text() {
    // Old files: HTML, a lone star, a link to another scheme, a Windows path, 字下げ.
    for s in [
        "<p>障害</p><script>alert(1)</script>",
        "5 * 3 ** 2",
        "[x](javascript:alert(1))",
        "C:\\Users\\ops",
        "\u{3000}サーバーを再起動",
        "-5% のエラー率",
        "xhttps://a.example",
    ] {
        assert_eq!(
            Text::from_markup(s).blocks,
            [Block::Paragraph(vec![p(s)])],
            "{s}"
        );
    }
    // Escapes make markup plain.
    assert_eq!(
        Text::from_markup("\\- not an item \\*\\*x\\*\\* \\[a\\](https://b.example)").plain(),
        "- not an item **x** [a](https://b.example)"
    );
}

#[test]
fn plain_projection_has_no_markup() {
    let t = from_html("<p>A &amp; B</p><ul><li><strong>Git</strong> ops</li></ul>");
    assert_eq!(t.plain(), "A & B\n\n- Git ops");
    assert!(!t.to_markup().contains('<'));
}

const PIECE: &str = "[a-zA-Z0-9 *\\[\\]()\\\\:/.\\-_`<>!&#;\t\n\u{3000}漢\u{a0}]{0,12}|https?://[a-z]{1,5}\\.example/[a-z()._]{0,6}|- [a-z]{1,3}";
const URL: &str = "https?://[a-z]{1,5}\\.example(/[a-z()\\\\._*\\[\\]-]{0,8})?";

/// Any sequence of pieces, with the characters that markup gives meaning to.
fn piece() -> impl Strategy<Value = Inline> {
    prop_oneof![
        PIECE.prop_map(Inline::Plain),
        PIECE.prop_map(Inline::Emphasis),
        (PIECE, URL).prop_map(|(label, url)| Inline::Link { label, url }),
        Just(Inline::Break),
        Just(Inline::Break),
    ]
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        proptest::collection::vec(piece(), 0..6).prop_map(Block::Paragraph),
        proptest::collection::vec(proptest::collection::vec(piece(), 0..5), 0..4)
            .prop_map(Block::List),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// The markup written for a text reads back as the same text, and writing is stable.
    #[test]
    fn markup_round_trips(blocks in proptest::collection::vec(block(), 0..5)) {
        let text = Text::new(blocks);
        let markup = text.to_markup();
        let again = Text::from_markup(&markup);
        prop_assert_eq!(&again, &text, "markup: {:?}", markup);
        prop_assert_eq!(again.to_markup(), markup);
    }

    /// Whatever a writer types reads as some text, and that text round-trips.
    #[test]
    fn any_string_reads_and_round_trips(s in "[a-z *\\[\\]()\\\\:/.\\-\n\t]{0,40}|.{0,30}") {
        let text = Text::from_markup(&s);
        prop_assert_eq!(Text::from_markup(&text.to_markup()), text);
    }

    /// Any body, HTML or not, becomes a text without markup that round-trips.
    #[test]
    fn any_body_round_trips(s in "[<>/a-z =\"'&#;*\\-\n]{0,60}|(<(p|ul|li|br|strong|a href=\"https://x.example\"|script)>[a-z &;]{0,6}){0,8}") {
        let text = body_text(&s);
        prop_assert_eq!(Text::from_markup(&text.to_markup()), text);
    }
}

#[test]
fn html_of_2012_paragraphs_and_line_breaks() {
    let t = body_text(
        "<p>We're looking into a slow panel.<br>Logins may take a minute.</p><p>Fixed.<br/>Sorry &mdash; Ops</p>",
    );
    assert_eq!(
        t.blocks,
        [
            Block::Paragraph(vec![
                p("We're looking into a slow panel."),
                BR,
                p("Logins may take a minute.")
            ]),
            Block::Paragraph(vec![p("Fixed."), BR, p("Sorry — Ops")]),
        ]
    );
}

#[test]
fn html_of_2016_lists_with_strong_and_a_link() {
    let t = body_text(
        "<p>Failures affecting:</p><ul><li><strong>Git operations</strong> over SSH</li>\n<li><strong>Deploys </strong>to EU</li></ul><p>See <a href=\"https://s.example/i/1\" target=\"_blank\">our page</a>.</p><ol><li>Restarted</li><li>Drained</li></ol>",
    );
    assert_eq!(
        t.blocks,
        [
            Block::Paragraph(vec![p("Failures affecting:")]),
            Block::List(vec![
                vec![em("Git operations"), p(" over SSH")],
                vec![em("Deploys"), p(" to EU")],
            ]),
            Block::Paragraph(vec![
                p("See "),
                link("our page", "https://s.example/i/1"),
                p(".")
            ]),
            // A numbered list: its numbers, as lines (no bullet before a number).
            Block::Paragraph(vec![p("1. Restarted"), BR, p("2. Drained")]),
        ]
    );
}

#[test]
fn references_resolve_and_unknown_ones_stay() {
    let t = body_text("<p>Mail &amp; DNS. We&#39;re on it &ndash; &quot;Rack&quot; &gt; 5&nbsp;&nbsp;min &#x2019; &bogus; &#0; AT&T</p>");
    assert_eq!(
        t.plain(),
        "Mail & DNS. We're on it – \"Rack\" > 5 min ’ &bogus; \u{FFFD} AT&T"
    );
    // A Markdown-like body too; a reference to a star is a star, not emphasis.
    assert_eq!(
        body_text("A &amp; B &#42;&#42;x&#42;&#42;").plain(),
        "A & B **x**"
    );
    // A reference never brings in a hidden character.
    assert_eq!(body_text("<p>a&#x202E;b</p>").plain(), "ab");
    assert_eq!(body_text("a&#x202E;b").plain(), "ab");
}

#[test]
fn malformed_html_is_read_without_losing_text() {
    let t = body_text("<p>Some uploads fail with <b>HTTP 500<p>Investigating.<ul><li>EU<li>US</ul>Next update soon");
    assert_eq!(
        t.blocks,
        [
            Block::Paragraph(vec![p("Some uploads fail with "), em("HTTP 500")]),
            Block::Paragraph(vec![em("Investigating.")]),
            Block::List(vec![vec![em("EU")], vec![em("US")]]),
            Block::Paragraph(vec![em("Next update soon")]),
        ]
    );
    // An unclosed link keeps its label; an unclosed tag at the end goes.
    let t = body_text("Fixed. <a href=\"https://b.example/pm\">Read more <p");
    assert_eq!(
        t.blocks,
        [Block::Paragraph(vec![
            p("Fixed. "),
            link("Read more", "https://b.example/pm")
        ])]
    );
    assert_eq!(body_text("a < b and c<d").plain(), "a < b and c<d");
}

#[test]
fn hostile_html_leaves_only_text() {
    let t = body_text(
        "<p onclick=\"alert(1)\" style=\"color:red\">Down.</p><script>alert('x')</script><ul><li><a href=\"javascript:alert(2)\">Status</a></li><li><a href=\"JaVaScRiPt:alert(3)\" onmouseover=\"alert(4)\">Mirror</a></li></ul><style>body{}</style><img src=x onerror=alert(5)><iframe src=\"https://evil.example\">x</iframe><a href=\" data:text/html,1\">d</a><SCRIPT>never",
    );
    assert_eq!(
        t.blocks,
        [
            Block::Paragraph(vec![p("Down.")]),
            Block::List(vec![vec![p("Status")], vec![p("Mirror")]]),
            Block::Paragraph(vec![p("d")]),
        ]
    );
    let markup = t.to_markup();
    for bad in ["alert", "javascript", "onclick", "style", "<", "evil"] {
        assert!(!markup.to_lowercase().contains(bad), "{bad} in {markup}");
    }
    // In a Markdown-like body a script is shown as the text it is, and a javascript: link is
    // no link.
    let t = body_text("Fixed. [Click](javascript:alert(6)) <script>alert(7)</script> **done**");
    assert_eq!(
        t.blocks,
        [Block::Paragraph(vec![
            p("Fixed. [Click](javascript:alert(6)) <script>alert(7)</script> "),
            em("done")
        ])]
    );
}
