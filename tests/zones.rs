//! IANA zones with daylight saving, end to end on the native side: a hokoku document in
//! America/New_York across the 2026-03-08 change, Statuspage pages in America/Los_Angeles and
//! Etc/UTC converted in their own zone and language, and a misspelled zone. Each checks what a
//! reader sees (formatted times, durations, the timeline's list and axis, the letter).

use std::rc::Rc;

use hokoku::app::components::letter_view::{LetterView, LetterViewProps};
use hokoku::app::components::timeline::{Timeline, TimelineProps};
use hokoku::app::state::Selection;
use hokoku::format::problem::Severity;
use hokoku::format::{decode_str, decode_str_in, export};
use hokoku::model::timefmt::Fmt;
use hokoku::model::{Document, Lang, Report, When};
use yew::{Callback, LocalServerRenderer};

mod common;
use common::fixture;

fn clean(text: &str) -> Document {
    let outcome = decode_str(text);
    assert_eq!(outcome.problems, vec![], "no problem at all");
    outcome.document.expect("document")
}

fn fmt(r: &Report, lang: Lang) -> Fmt {
    Fmt::new(lang, r.letter.date_style, r.zone)
}

/// The text of some HTML: tags dropped, entities of the few kinds yew writes undone.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out.replace("&amp;", "&").replace("&#x27;", "'");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn letter_text(r: &Report, lang: Lang) -> String {
    let props = LetterViewProps {
        report: Rc::new(r.clone()),
        lang,
    };
    let html = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(
            LocalServerRenderer::<LetterView>::with_props(props)
                .hydratable(false)
                .render(),
        );
    text_of(&html)
}

fn timeline_html(r: &Report, lang: Lang) -> String {
    let props = TimelineProps {
        report: Rc::new(r.clone()),
        lang,
        selection: Selection::default(),
        onselect: Callback::noop(),
        range: None,
        onrange: Callback::noop(),
        list_rows: hokoku::app::components::timeline::list::PAGE,
    };
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(
            LocalServerRenderer::<Timeline>::with_props(props)
                .hydratable(false)
                .render(),
        )
}

#[test]
fn a_new_york_report_reads_across_the_spring_forward() {
    let doc = clean(&fixture("zones/new-york.json"));
    let r = &doc.reports[0];
    assert_eq!(r.zone.name(), Some("America/New_York"));
    // 00:45 EST to 04:45 EDT is three hours, not the four the clock face suggests.
    assert_eq!(r.incident.period.duration_minutes(), Some(180));
    let en = fmt(r, Lang::En);
    assert_eq!(
        en.period(&r.incident.period),
        "Sun, March 8, 2026, 00:45 UTC-5 – 04:45 UTC-4"
    );
    assert_eq!(
        en.period_duration(&r.incident.period).as_deref(),
        Some("3 hours")
    );
    // Wall-clock times are read on the zone's clock; an explicit offset stays the instant.
    let at = |i: usize| match r.timeline[i].time.when {
        When::Instant(t) => t.to_rfc3339(),
        other => panic!("{other:?}"),
    };
    assert_eq!(at(0), "2026-03-08T00:45:00-05:00");
    assert_eq!(at(1), "2026-03-08T06:40:00+00:00");
    assert_eq!(at(2), "2026-03-08T03:30:00-04:00");
    assert_eq!(
        en.time_point(&r.timeline[1].time),
        "Sun, March 8, 2026, 01:40 UTC-5"
    );
    // Phases: 1 h 45 min before the change and after it, 1 h 15 min.
    let minutes: Vec<_> = r
        .incident
        .phases
        .iter()
        .map(|p| p.period.duration_minutes())
        .collect();
    assert_eq!(minutes, [Some(105), Some(75)]);
    // In Japanese the offset follows each time in brackets.
    let ja = fmt(r, Lang::Ja);
    assert_eq!(
        ja.period(&r.incident.period),
        "2026年3月8日(日)0時45分(UTC-5)～4時45分(UTC-4)"
    );
}

#[test]
fn a_named_zone_survives_export() {
    let doc = clean(&fixture("zones/new-york.json"));
    let text = export::to_json(&doc);
    assert!(
        text.contains(r#""zone":"America/New_York""#)
            || text.contains(r#""zone": "America/New_York""#)
    );
    assert_eq!(clean(&text), doc);
}

#[test]
fn the_los_angeles_page_is_shown_on_its_own_clock_and_in_english() {
    let doc = clean(&fixture("statuspage/los-angeles-dst.json"));
    assert_eq!(doc.lang, Lang::En, "the page writes English");
    let r = &doc.reports[0];
    assert_eq!(r.zone.name(), Some("America/Los_Angeles"));
    let en = fmt(r, Lang::En);
    // 08:30Z is 00:30 PST; 11:30Z is 04:30 PDT: three hours.
    assert_eq!(
        en.period(&r.incident.period),
        "Sun, March 8, 2026, 00:30 UTC-8 – 04:30 UTC-7"
    );
    assert_eq!(
        en.period_duration(&r.incident.period).as_deref(),
        Some("3 hours")
    );
    // The phase from identified (01:45 PST) to monitoring (03:40 PDT) is 55 minutes.
    let identified = &r.incident.phases[1];
    assert_eq!(identified.period.duration_minutes(), Some(55));
    assert_eq!(
        en.period(&identified.period),
        "Sun, March 8, 2026, 01:45 UTC-8 – 03:40 UTC-7"
    );

    // Within a day (a band's short label): the offset once when both ends share it.
    let span = |i: usize| {
        let p = &r.incident.phases[i].period;
        en.span_of_day(&p.start, &p.end.expect("ended"))
    };
    assert_eq!(span(1), "01:45 UTC-8 – 03:40 UTC-7");
    assert_eq!(span(2), "03:40 – 04:30 UTC-7");

    let letter = letter_text(r, Lang::En);
    for japanese in ["調査中", "原因特定", "経過観察", "記"] {
        assert!(
            !letter.contains(japanese),
            "{japanese} in an English page's letter"
        );
    }
    // Each phase on its own clock: the offset once where both ends share it, twice across
    // the change; durations on instants (55 minutes, not the 1 h 55 min of the clock face).
    for shown in [
        "00:30 – 01:45 UTC-8 (1 hour 15 minutes)",
        "01:45 UTC-8 – 03:40 UTC-7 (55 minutes)",
        "03:40 – 04:30 UTC-7 (50 minutes)",
        "00:34 UTC-8 Redwood Relay",
    ] {
        assert!(letter.contains(shown), "{shown} in {letter}");
    }
    assert!(
        letter.contains("America/Los_Angeles"),
        "the letter says which zone"
    );

    let timeline = text_of(&timeline_html(r, Lang::En));
    assert!(
        timeline.contains("America/Los_Angeles"),
        "the legend names the zone"
    );
    for shown in ["00:34 UTC-8", "01:45 UTC-8", "03:40 UTC-7", "04:30 UTC-7"] {
        assert!(timeline.contains(shown), "{shown} in the timeline");
    }
}

#[test]
fn the_timeline_axis_follows_the_clock_change() {
    let doc = clean(&fixture("statuspage/los-angeles-dst.json"));
    let html = timeline_html(&doc.reports[0], Lang::En);
    // Hour ticks in local time: 01:00 PST, then 03:00 PDT; 02:00 never happened that night.
    // (Labels in the SVG axis, on a plot of the incident's 3 hours.)
    let svg_start = html.find("<svg").expect("svg");
    let svg = &html[svg_start..];
    assert!(
        svg.contains(">01:00<") || svg.contains(">01:30<"),
        "a tick before the change"
    );
    assert!(
        svg.contains(">03:00<") || svg.contains(">03:30<"),
        "a tick after the change"
    );
    assert!(
        !svg.contains(">02:00<") && !svg.contains(">02:30<"),
        "no tick in the skipped hour"
    );
    // Tokyo's clock would read 17:30 and later: none of it shows.
    assert!(!svg.contains(">17:"), "times are not in +09:00");
}

#[test]
fn a_utc_page_shows_17_39_not_the_next_morning_in_tokyo() {
    let doc = clean(&fixture("statuspage/utc-page.json"));
    assert_eq!(doc.lang, Lang::En);
    let r = &doc.reports[0];
    assert_eq!(r.zone.name(), Some("Etc/UTC"));
    let en = fmt(r, Lang::En);
    assert_eq!(
        en.period(&r.incident.period),
        "Tue, April 14, 2026, 17:39 – 18:12 UTC"
    );
    let letter = letter_text(r, Lang::En);
    assert!(letter.contains("17:39"), "{letter}");
    assert!(
        !letter.contains("02:39") && !letter.contains("調査中"),
        "{letter}"
    );
    // A reader who asks for Japanese gets Japanese labels, still on the page's clock.
    let ja = decode_str_in(&fixture("statuspage/utc-page.json"), Some(Lang::Ja))
        .document
        .expect("document");
    let r = &ja.reports[0];
    assert_eq!(
        fmt(r, Lang::Ja).period(&r.incident.period),
        "2026年4月14日(火)17時39分～18時12分(UTC)"
    );
    assert!(r.incident.phases[0]
        .summary
        .as_deref()
        .is_some_and(|s| s.starts_with("調査中")));
}

#[test]
fn a_misspelled_zone_is_a_warning_with_its_place_and_the_zone_used_instead() {
    let outcome = decode_str(&fixture("zones/bad-zone.json"));
    assert_eq!(outcome.problems.len(), 1, "{:?}", outcome.problems);
    let p = &outcome.problems[0];
    assert_eq!(p.kind.code(), "unknown-zone");
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(p.path, "zone");
    let pos = p.pos.expect("position");
    assert_eq!((pos.line, pos.column), (4, 11));
    assert!(
        p.message(Lang::En).contains("UTC-04:00"),
        "{}",
        p.message(Lang::En)
    );
    let r = &outcome.document.expect("still opens").reports[0];
    assert_eq!(r.zone.fixed().map(|o| o.local_minus_utc()), Some(-4 * 3600));
    assert_eq!(fmt(r, Lang::En).zone_label(), "UTC-04:00");
}

#[test]
fn a_page_time_zone_no_database_knows_is_warned_about_at_its_place() {
    let text = fixture("statuspage/utc-page.json").replace("Etc/UTC", "Mars/Olympus_Mons");
    let outcome = decode_str(&text);
    let p = outcome
        .problems
        .iter()
        .find(|p| p.kind.code() == "unknown-zone")
        .expect("warned");
    assert_eq!(p.path, "page.time_zone");
    assert_eq!(p.pos.map(|p| p.line), Some(6));
    assert!(
        p.message(Lang::En).contains("UTC+00:00"),
        "{}",
        p.message(Lang::En)
    );
    assert!(outcome.document.is_some(), "the page still opens, in UTC");
}
