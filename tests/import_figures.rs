//! What the impact figures say about an imported Statuspage incident: each service's own time
//! from its component's status changes (not the worst state of the whole phase), the matrix
//! cell as the worst state inside the phase, an end never given read as "not stated", and an
//! incident without components said in words instead of an empty matrix.

use std::rc::Rc;

use hokoku::app::components::impact_table::{
    ImpactMatrix, ImpactMatrixProps, ImpactSummary, ImpactSummaryProps,
};
use hokoku::compose::impact::{service_outage, Figures, Length, Span};
use hokoku::format::decode_str;
use hokoku::format::export::to_json;
use hokoku::format::import::convert;
use hokoku::format::json;
use hokoku::model::timefmt::Fmt;
use hokoku::model::{Document, ImpactLevel, Lang, Report, When};
use yew::LocalServerRenderer;

mod common;
use common::{statuspage, strip_tags};

/// The converted document, asserting there was no problem at all.
fn clean(name: &str, lang: Lang) -> Document {
    let outcome = convert(
        &json::parse_str(&statuspage(name)).expect("JSON").root,
        lang,
    );
    assert_eq!(outcome.problems, vec![], "problems");
    outcome.document.expect("a document")
}

fn assert_round_trips(doc: &Document) {
    let json = to_json(doc);
    let again = decode_str(&json);
    assert_eq!(again.problems, vec![], "decoding the export:\n{json}");
    assert_eq!(again.document.as_ref(), Some(doc));
    assert_eq!(again.document.as_ref().map(to_json), Some(json));
}

fn fmt(r: &Report, lang: Lang) -> Fmt {
    Fmt::new(lang, r.letter.date_style, r.zone)
}

/// (service name, its outage time in words) for every service ever in outage.
fn outage_by_service(r: &Report, lang: Lang) -> Vec<(String, String)> {
    let f = fmt(r, lang);
    Figures::of(r)
        .service_outage
        .iter()
        .map(|(s, l)| (r.services[*s].name.clone(), l.text(&f)))
        .collect()
}

fn named(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn index(r: &Report, id: &str) -> usize {
    r.services.iter().position(|s| s.id == id).expect("service")
}

#[test]
fn each_service_gets_its_own_outage_time_not_the_worst_of_its_phase() {
    let doc = clean("eight-components.json", Lang::En);
    let r = &doc.reports[0];
    assert_eq!(r.services.len(), 8);
    assert!(r.timeline.len() >= 30);
    assert_eq!(r.incident.phases.len(), 3);
    assert_eq!(
        outage_by_service(r, Lang::En),
        named(&[
            ("REST API", "1 hour 18 minutes"),
            ("Web console", "25 minutes"),
            ("Git push and pull", "44 minutes"),
            // Two stretches: 10:10–11:05 and 14:20–14:52.
            ("Build runners", "1 hour 27 minutes"),
            // Down from 14:00 and never said to be back: not stated, never 0, never the phase.
            ("Email notifications", "not stated"),
            ("Webhooks", "51 minutes"),
        ])
    );
    assert_eq!(
        service_outage(r, index(r, "cmp-mail")),
        Some(Length::Unknown)
    );
    // What the phases alone would say (the figures before each component's own times were
    // kept): every service down for its whole phase.
    let mut phases_only = r.clone();
    phases_only.incident.service_states.clear();
    assert_eq!(
        outage_by_service(&phases_only, Lang::En),
        named(&[
            ("REST API", "5 hours 28 minutes"),
            ("Web console", "5 hours 28 minutes"),
            ("Git push and pull", "5 hours 28 minutes"),
            ("Build runners", "8 hours 3 minutes"),
            ("Email notifications", "4 hours 13 minutes"),
            ("Webhooks", "1 hour 38 minutes"),
        ])
    );
    // Any service down: the union of the components' own outages, no longer the whole incident.
    let f = Figures::of(r);
    assert_eq!(
        Figures::of(&phases_only).outage,
        Some(Length::Known(Span {
            minutes: 9 * 60 + 41,
            approx: false
        }))
    );
    // Exact, with the email outage that never ended said apart, not folded into an "about".
    assert_eq!(
        f.outage,
        Some(Length::Known(Span {
            minutes: 236,
            approx: false
        }))
    );
    assert_eq!(
        f.outage_text(&fmt(r, Lang::En)),
        "3 hours 56 minutes (not counting 1 outage with no stated end)"
    );
    assert_eq!(
        f.outage_text(&fmt(r, Lang::Ja)),
        "3時間56分（終了時刻の記載がない停止1件は含まず）"
    );
    assert_round_trips(&doc);
}

#[test]
fn the_matrix_cell_is_the_worst_state_inside_the_phase() {
    let doc = clean("eight-components.json", Lang::Ja);
    let r = &doc.reports[0];
    use ImpactLevel::*;
    let cells = |id: &str| {
        let s = index(r, id);
        r.incident
            .phases
            .iter()
            .map(|p| p.level_of(s))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        cells("cmp-web"),
        [Some(Outage), Some(Operational), Some(Operational)]
    );
    assert_eq!(
        cells("cmp-git"),
        [Some(Outage), Some(Operational), Some(Operational)]
    );
    assert_eq!(
        cells("cmp-run"),
        [Some(Outage), Some(Outage), Some(Operational)]
    );
    assert_eq!(
        cells("cmp-art"),
        [Some(Partial), Some(Operational), Some(Operational)]
    );
    assert_eq!(
        cells("cmp-dns"),
        [Some(Operational), Some(Degraded), Some(Operational)]
    );
    assert_eq!(
        cells("cmp-mail"),
        [Some(Operational), Some(Outage), Some(Outage)]
    );
    // Each level's own time, for the impact summary.
    let f = fmt(r, Lang::Ja);
    let times = Figures::of(r).service_times;
    let of = |id: &str| {
        let s = index(r, id);
        times
            .iter()
            .find(|(t, _)| *t == s)
            .map(|(_, levels)| {
                levels
                    .iter()
                    .map(|(l, len)| format!("{} {}", l.code(), len.text(&f)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    assert_eq!(of("cmp-web"), ["outage 25分", "degraded 38分"]);
    assert_eq!(of("cmp-run"), ["outage 1時間27分", "degraded 4時間28分"]);
    assert_eq!(of("cmp-art"), ["partial 48分"]);
    assert_eq!(of("cmp-mail"), ["outage 記載なし"]);
    // The end never given is written as an unknown time point, so it reads back the same.
    let mail = index(r, "cmp-mail");
    let state = r
        .incident
        .service_states
        .iter()
        .find(|s| s.service == mail)
        .expect("mail's state");
    assert_eq!(state.period.end.map(|e| e.when), Some(When::Unknown));
    assert_round_trips(&doc);
}

async fn render_summary(report: Report, lang: Lang) -> String {
    LocalServerRenderer::<ImpactSummary>::with_props(ImpactSummaryProps {
        report: Rc::new(report),
        lang,
    })
    .hydratable(false)
    .render()
    .await
}

#[tokio::test]
async fn the_impact_summary_shows_each_services_own_times() {
    let doc = clean("eight-components.json", Lang::En);
    let html = render_summary(doc.reports[0].clone(), Lang::En).await;
    let at = html.find("data-fact=\"service-times\"").expect("own times");
    let text = strip_tags(&html[at..]);
    for line in [
        "Build runners: Outage 1 hour 27 minutes, Degraded 4 hours 28 minutes",
        "Email notifications: Outage not stated",
        "Artifact storage: Partial outage 48 minutes",
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
    let outage = strip_tags(&html[html.find("data-fact=\"service-outage\"").expect("outage")..]);
    assert!(outage.contains("REST API: 1 hour 18 minutes"), "{outage}");
}

#[tokio::test]
async fn an_incident_without_components_says_so_instead_of_an_empty_matrix() {
    let doc = clean("no-components.json", Lang::Ja);
    let r = &doc.reports[0];
    assert!(r.services.is_empty());
    assert!(r.incident.phases[0]
        .notes
        .iter()
        .any(|n| n.contains("コンポーネント（サービス）の記載がありません")));
    let html = LocalServerRenderer::<ImpactMatrix>::with_props(ImpactMatrixProps {
        report: Rc::new(r.clone()),
        lang: Lang::Ja,
        selected_phase: None,
        onselectphase: None,
    })
    .hydratable(false)
    .render()
    .await;
    assert!(!html.contains("<table"), "{html}");
    assert!(
        html.contains("サービス（コンポーネント）ごとの影響は記載されていません。"),
        "{html}"
    );
    assert_round_trips(&doc);
    assert_round_trips(&clean("no-components.json", Lang::En));
}
