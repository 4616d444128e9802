//! Native render tests of the impact view: the phase table, the service × phase matrix and the
//! summary, rendered with yew's server renderer and checked for structure and exact strings.

use std::rc::Rc;

use hokoku::app::components::impact_table::{
    ImpactMatrix, ImpactMatrixProps, ImpactTable, ImpactTableProps, PhaseTable, PhaseTableProps,
};
use hokoku::format::decode_str;
use hokoku::model::{Lang, Report};
use yew::{Callback, LocalServerRenderer};

mod common;
use common::strip_tags;

/// Three phases (overlapping ③ inside ②), five services (two unaffected), 和暦 and 午前/午後.
const THREE_PHASES: &str = r#"{
  "version": 1,
  "lang": "ja",
  "report": {
    "title": "メールサービス障害のご報告とお詫び",
    "issued": "2016-10-20",
    "issuer": "株式会社テスト"
  },
  "services": [
    { "id": "pop", "name": "メール受信(POP)" },
    { "id": "webmail", "name": "Webメール" },
    { "id": "mx", "name": "外部からのメール着信" },
    { "id": "smtp", "name": "メール送信" },
    { "id": "dns", "name": "DNS" }
  ],
  "incident": {
    "start": "2016-10-11T08:55:00+09:00",
    "end": "2016-10-12T22:00:00+09:00",
    "phases": [
      {
        "start": "2016-10-11T08:55:00+09:00",
        "end": { "at": "2016-10-11T22:00:00+09:00", "approx": "about" },
        "summary": "ストレージ装置の過負荷により、メールの受信ができない状態となりました。",
        "impact": { "pop": "outage", "webmail": "outage", "mx": "degraded" },
        "notes": ["※届いたメールは消失しておりません。", "到着が遅れました。"],
        "customers": 4312
      },
      {
        "start": "2016-10-11T22:00:00+09:00",
        "end": "2016-10-12T22:00:00+09:00",
        "summary": "断続的な遅延が続きました。",
        "impact": { "pop": "degraded", "webmail": "partial", "mx": "degraded" }
      },
      {
        "start": "2016-10-12T12:00:00+09:00",
        "end": "2016-10-12T13:30:00+09:00",
        "summary": "Webメールが再び停止しました。",
        "impact": { "webmail": "outage" }
      }
    ],
    "scope": {
      "customers": "メールサービスをご利用中の全てのお客様",
      "exclusions": ["法人プランのお客様"],
      "networks": ["203.0.113.*"],
      "users": 12840
    },
    "unaffected": ["smtp", "dns"]
  },
  "letter": { "calendar": "japanese", "clock": "12h" }
}"#;

fn report(text: &str) -> Rc<Report> {
    let outcome = decode_str(text);
    // Warnings too: a misspelt fixture field would silently test the defaults.
    let problems: Vec<String> = outcome
        .problems
        .iter()
        .map(|p| p.message(Lang::En))
        .collect();
    assert!(problems.is_empty(), "fixture has problems: {problems:?}");
    Rc::new(outcome.document.expect("a document").reports.remove(0))
}

async fn render_table(report: Rc<Report>, lang: Lang, selected_phase: Option<usize>) -> String {
    let props = ImpactTableProps {
        report,
        lang,
        selected_phase,
        onselectphase: Callback::noop(),
    };
    LocalServerRenderer::<ImpactTable>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

/// The text of the first element that starts at `marker` (an attribute or class snippet),
/// with tags stripped, for comparing exact strings without depending on markup details.
fn text_of(html: &str, marker: &str) -> String {
    let at = html
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in {html}"));
    let open = html[..at].rfind('<').expect("an opening tag");
    let name: String = html[open + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let close = format!("</{name}>");
    // Nested elements of the same name are not used inside the elements this is called on.
    let end = html[at..]
        .find(&close)
        .map(|e| at + e)
        .expect("a closing tag");
    strip_tags(&html[open..end])
}

/// Each phase row's rendered markup, by its data-phase attribute.
fn row(html: &str, index: usize) -> &str {
    let marker = format!("data-phase=\"{index}\" data-selected");
    let at = html
        .find(&marker)
        .unwrap_or_else(|| panic!("row {index} missing"));
    let start = html[..at].rfind("<tr").expect("row start");
    let end = html[at..].find("</tr>").map(|e| at + e).expect("row end");
    &html[start..end]
}

fn cell_text(row: &str, class: &str) -> String {
    text_of(row, &format!("class=\"{class}\""))
}

#[tokio::test]
async fn root_is_marked_and_tables_have_semantics() {
    let html = render_table(report(THREE_PHASES), Lang::Ja, None).await;
    assert!(
        html.starts_with("<section data-testid=\"impact-table\" class=\"hk-impact\">"),
        "{html}"
    );
    assert!(html.contains("<caption class=\"hk-impact__caption\">障害日時別 障害内容</caption>"));
    assert!(html.contains("<caption class=\"hk-impact__caption\">サービス別の影響</caption>"));
    assert_eq!(html.matches("<th scope=\"col\"").count(), 5 + 1 + 3);
    // 3 phase rows + 5 service rows, each with a row header.
    assert_eq!(html.matches("<th scope=\"row\"").count(), 3 + 5);
    assert_eq!(html.matches("<thead>").count(), 2);
}

#[tokio::test]
async fn phase_rows_show_period_duration_level_and_notes() {
    let html = render_table(report(THREE_PHASES), Lang::Ja, None).await;
    let first = row(&html, 0);
    assert_eq!(
        cell_text(first, "hk-impact__period"),
        "10月11日(火)午前8時55分～午後10時頃"
    );
    assert_eq!(cell_text(first, "hk-impact__duration"), "約13時間5分");
    assert_eq!(cell_text(first, "hk-impact__worst"), "×停止");
    assert!(
        first.contains("<li class=\"hk-impact__note\">※届いたメールは消失しておりません。</li>")
    );
    // The ※ mark is added where the author left it out.
    assert!(first.contains("<li class=\"hk-impact__note\">※到着が遅れました。</li>"));
    assert!(first.contains("影響を受けたお客様数：4,312"));

    let second = row(&html, 1);
    assert_eq!(
        cell_text(second, "hk-impact__period"),
        "10月11日(火)午後10時00分～10月12日(水)午後10時00分"
    );
    assert_eq!(cell_text(second, "hk-impact__duration"), "1日間");
    assert_eq!(cell_text(second, "hk-impact__worst"), "▲一部停止");

    let third = row(&html, 2);
    assert_eq!(
        cell_text(third, "hk-impact__period"),
        "10月12日(水)正午～午後1時30分"
    );
    assert_eq!(cell_text(third, "hk-impact__duration"), "1時間30分");
}

#[tokio::test]
async fn rows_are_selectable_buttons_and_the_selected_one_is_marked() {
    let html = render_table(report(THREE_PHASES), Lang::Ja, Some(1)).await;
    assert!(row(&html, 1).contains("hk-impact__row--selected"));
    assert!(row(&html, 1).contains("data-selected=\"true\""));
    assert!(row(&html, 1).contains("aria-pressed=\"true\""));
    assert!(!row(&html, 0).contains("hk-impact__row--selected"));
    assert!(row(&html, 0).contains(
        "<button type=\"button\" aria-pressed=\"false\" class=\"hk-impact__select\">①</button>"
    ));
    // The matrix highlights the same phase's column: header + 5 cells.
    assert_eq!(html.matches("hk-impact__col--selected").count(), 1 + 5);
}

#[tokio::test]
async fn matrix_shows_symbols_with_unaffected_services_as_operational() {
    let html = render_table(report(THREE_PHASES), Lang::Ja, None).await;
    let matrix = &html[html.find("data-testid=\"impact-matrix\"").expect("matrix")..];
    let service_row = |id: &str| {
        let at = matrix
            .find(&format!("data-service=\"{id}\""))
            .expect("service row");
        let end = matrix[at..].find("</tr>").expect("row end") + at;
        strip_tags(&matrix[at..end]).replace("data-service=\"", "")
    };
    // Row text: the name, then each cell's symbol and its hidden label.
    assert!(service_row("pop").ends_with("メール受信(POP)×停止△遅延・性能低下—記載なし"));
    assert!(service_row("webmail").ends_with("Webメール×停止▲一部停止×停止"));
    assert!(service_row("smtp").ends_with("メール送信○正常○正常○正常"));
    assert!(service_row("dns").ends_with("DNS○正常○正常○正常"));
    assert_eq!(matrix.matches("hk-impact__service--unaffected").count(), 2);
    // Symbols are hidden from screen readers, which read the label instead.
    assert!(matrix.contains("<span aria-hidden=\"true\" class=\"hk-impact__symbol\">×</span><span class=\"hk-impact__sr\">停止</span>"));
    assert_eq!(
        text_of(&html, "class=\"hk-impact__unaffected\""),
        "なお、メール送信、DNSは正常に稼働しておりました。"
    );
}

#[tokio::test]
async fn legend_lists_the_levels_used_and_no_data() {
    let html = render_table(report(THREE_PHASES), Lang::Ja, None).await;
    assert_eq!(
        text_of(&html, "class=\"hk-impact__legend\""),
        "×停止▲一部停止△遅延・性能低下○正常—記載なし"
    );
}

#[tokio::test]
async fn summary_gives_period_lengths_outage_and_scope() {
    let html = render_table(report(THREE_PHASES), Lang::Ja, None).await;
    let fact = |key: &str| text_of(&html, &format!("data-fact=\"{key}\""));
    assert_eq!(
        fact("period"),
        "障害発生日時平成28年10月11日(火)午前8時55分～10月12日(水)午後10時00分"
    );
    assert_eq!(fact("duration"), "障害継続時間1日と13時間5分");
    // Outage: phase ① 08:55–22:00頃 and phase ③ 12:00–13:30 (no overlap).
    assert_eq!(
        fact("outage"),
        "サービス停止時間（いずれかのサービスが停止していた時間）約14時間35分"
    );
    assert_eq!(
        fact("customers"),
        "対象のお客様メールサービスをご利用中の全てのお客様"
    );
    assert_eq!(fact("users"), "対象ユーザー数12,840");
    assert_eq!(fact("networks"), "対象ネットワーク203.0.113.*");
    assert_eq!(fact("exclusions"), "対象外法人プランのお客様");
    assert_eq!(fact("zone"), "時刻の表記時刻はUTC+09:00 (JST)");
    let per_service = &html[html
        .find("data-fact=\"service-outage\"")
        .expect("per service")..];
    let per_service =
        strip_tags(&per_service[..per_service.find("</dl>").unwrap_or(per_service.len())]);
    assert!(
        per_service.contains("メール受信(POP)：約13時間5分"),
        "{per_service}"
    );
    assert!(
        per_service.contains("Webメール：約14時間35分"),
        "{per_service}"
    );
}

#[tokio::test]
async fn english_table() {
    let html = render_table(report(THREE_PHASES), Lang::En, None).await;
    assert!(html.contains("<caption class=\"hk-impact__caption\">Impact by phase</caption>"));
    let first = row(&html, 0);
    assert_eq!(
        cell_text(first, "hk-impact__period"),
        "Tue, October 11, 2016, 8:55 AM – about 10:00 PM"
    );
    assert_eq!(
        cell_text(first, "hk-impact__duration"),
        "about 13 hours 5 minutes"
    );
    assert_eq!(cell_text(first, "hk-impact__worst"), "×Outage");
    assert_eq!(
        text_of(&html, "class=\"hk-impact__unaffected\""),
        "メール送信 and DNS operated normally throughout."
    );
}

#[tokio::test]
async fn report_without_phases_has_one_implicit_phase_with_no_levels() {
    let text = r#"{
      "version": 1,
      "report": { "title": "t", "issued": "2026-05-12", "issuer": "o", "summary": "メールの配送が遅延しました。" },
      "services": [ { "id": "mail", "name": "メール" } ],
      "incident": {
        "start": { "at": "2026-05-11T14:20:00+09:00", "approx": "about" },
        "end": "2026-05-11T15:05:00+09:00"
      }
    }"#;
    let html = render_table(report(text), Lang::Ja, None).await;
    assert_eq!(html.matches("data-selected=").count(), 1);
    let only = row(&html, 0);
    assert_eq!(
        cell_text(only, "hk-impact__period"),
        "5月11日(月)14時20分頃～15時05分"
    );
    assert_eq!(cell_text(only, "hk-impact__duration"), "約45分");
    assert_eq!(cell_text(only, "hk-impact__worst"), "—記載なし");
    assert!(only.contains("メールの配送が遅延しました。"));
    assert!(html.contains("data-service=\"mail\""));
    assert!(!html.contains("hk-impact__unaffected"));
    assert_eq!(
        text_of(&html, "data-fact=\"outage\""),
        // No level at all: the outage time is not stated, never 「なし」.
        "サービス停止時間（いずれかのサービスが停止していた時間）記載なし"
    );
    assert_eq!(
        text_of(&html, "data-fact=\"zone\""),
        "時刻の表記時刻は24時間表記、UTC+09:00 (JST)"
    );
}

#[tokio::test]
async fn phase_without_impact_data_shows_dashes_not_a_made_up_level() {
    let text = r#"{
      "version": 1,
      "report": { "title": "t", "issued": "2026-05-12", "issuer": "o" },
      "services": [ { "id": "a", "name": "A" }, { "id": "b", "name": "B" } ],
      "incident": {
        "phases": [
          { "start": "2026-05-11T09:00:00+09:00", "end": "2026-05-11T10:00:00+09:00", "impact": { "a": "outage" } },
          { "start": "2026-05-11T10:00:00+09:00", "summary": "調査中です。" }
        ],
        "unaffected": ["b"]
      }
    }"#;
    let html = render_table(report(text), Lang::Ja, None).await;
    let second = row(&html, 1);
    assert_eq!(cell_text(second, "hk-impact__worst"), "—記載なし");
    assert_eq!(cell_text(second, "hk-impact__duration"), "継続中");
    assert!(second.contains("hk-impact__row--ongoing"));
    assert!(second.contains("<span class=\"hk-impact__ongoing\">継続中</span>"));
    assert!(cell_text(second, "hk-impact__period").ends_with("～継続中"));
    let matrix = &html[html.find("data-testid=\"impact-matrix\"").expect("matrix")..];
    let a = &matrix[matrix.find("data-service=\"a\"").expect("a")..];
    let a = strip_tags(&a[..a.find("</tr>").expect("end")]);
    assert!(a.ends_with("A×停止—記載なし"), "{a}");
    let b = &matrix[matrix.find("data-service=\"b\"").expect("b")..];
    let b = strip_tags(&b[..b.find("</tr>").expect("end")]);
    assert!(b.ends_with("B○正常○正常"), "{b}");
    assert_eq!(
        text_of(&html, "data-fact=\"outage\""),
        // The figure is from some phases only, and says how many it leaves out.
        "サービス停止時間（いずれかのサービスが停止していた時間）1時間（影響の記載がないフェーズ1件を除く）"
    );
}

#[tokio::test]
async fn pieces_render_still_without_a_callback() {
    let r = report(THREE_PHASES);
    let table = LocalServerRenderer::<PhaseTable>::with_props(PhaseTableProps {
        report: r.clone(),
        lang: Lang::Ja,
        selected_phase: None,
        onselectphase: None,
    })
    .hydratable(false)
    .render()
    .await;
    assert!(!table.contains("<button"));
    assert!(!table.contains("hk-impact__row--selectable"));
    assert!(table.contains("<th scope=\"row\" class=\"hk-impact__label\">①</th>"));
    let matrix = LocalServerRenderer::<ImpactMatrix>::with_props(ImpactMatrixProps {
        report: r,
        lang: Lang::Ja,
        selected_phase: None,
        onselectphase: None,
    })
    .hydratable(false)
    .render()
    .await;
    assert!(!matrix.contains("<button"));
    assert!(matrix.contains("data-testid=\"impact-matrix\""));
}

/// Every shipped example (each report of the history too) renders one row per phase and one
/// matrix row per service, without a 午前12時 or an empty period anywhere.
#[tokio::test]
async fn every_example_report_renders() {
    for (name, text) in [
        ("sample.json", include_str!("../examples/sample.json")),
        ("sample-en.json", include_str!("../examples/sample-en.json")),
        ("history.json", include_str!("../examples/history.json")),
        ("minimal.json", include_str!("../examples/minimal.json")),
    ] {
        let outcome = decode_str(text);
        let document = outcome
            .document
            .unwrap_or_else(|| panic!("{name} does not decode"));
        for report in document.reports {
            let phases = report.incident.phases.len();
            let services = report.services.len();
            let id = report.id.clone();
            let html = render_table(Rc::new(report), document.lang, Some(0)).await;
            assert_eq!(
                html.matches("data-selected=").count(),
                phases,
                "{name} {id}"
            );
            assert_eq!(
                html.matches("data-service=").count(),
                services,
                "{name} {id}"
            );
            assert!(!html.contains("午前12時"), "{name} {id}");
            assert!(
                !html.contains("<td class=\"hk-impact__period\"></td>"),
                "{name} {id}"
            );
            assert!(
                !html.contains("<td class=\"hk-impact__duration\"></td>"),
                "{name} {id}"
            );
        }
    }
}

#[tokio::test]
async fn built_in_sample_figures() {
    let html = render_table(
        report(include_str!("../examples/sample.json")),
        Lang::Ja,
        None,
    )
    .await;
    assert_eq!(
        text_of(&html, "data-fact=\"period\""),
        "障害発生日時2026年2月17日(火)9時40分頃～2月24日(火)11時50分"
    );
    assert_eq!(
        cell_text(row(&html, 0), "hk-impact__period"),
        "2月17日(火)9時40分頃～21時30分"
    );
    assert_eq!(
        cell_text(row(&html, 0), "hk-impact__duration"),
        "約11時間50分"
    );
    assert_eq!(
        text_of(&html, "class=\"hk-impact__unaffected\""),
        "なお、メール送信(SMTP)、ホームページ公開、DNSは正常に稼働しておりました。"
    );
}
