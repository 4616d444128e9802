//! The normalized JSON export decodes back to the very same document, with no problem at all.
//!
//! The documents are written here (fictional companies) to cover every part of the format:
//! every time form, defaults that must become explicit, an implicit phase, a history with shared
//! services and an inherited letter, and the corrections decoding makes (closing word, unsafe
//! link) that must not come back as warnings.

use hokoku::format::decode_str;
use hokoku::format::export::to_json;
use hokoku::model::*;
use serde_json::Value;

/// Decodes `text` (which may have warnings but no errors), exports it, decodes the export and
/// checks it is the same document with no problems; also that exporting again changes nothing.
#[track_caller]
fn round_trip(text: &str) -> (Document, Value) {
    let first = decode_str(text);
    let errors: Vec<_> = first.errors().collect();
    assert!(errors.is_empty(), "the input itself is broken: {errors:#?}");
    let doc = first.document.expect("a document");
    let json = to_json(&doc);
    let again = decode_str(&json);
    assert_eq!(again.problems, vec![], "the export has problems:\n{json}");
    assert_eq!(
        again.document.as_ref(),
        Some(&doc),
        "the export reads differently:\n{json}"
    );
    assert_eq!(to_json(&doc), json, "exporting is stable");
    let value: Value = serde_json::from_str(&json).expect("the export is JSON");
    (doc, value)
}

const RICH: &str = r#"{
  "$schema": "schema/v1.json",
  "version": 1,
  "lang": "ja",
  "report": {
    "title": "クラウドストレージ接続障害のご報告(第3報)",
    "issued": "2026-05-14",
    "kind": "interim",
    "number": 3,
    "addressee": "アオバドライブ法人プランご契約者様",
    "issuer": { "organization": "株式会社アオバクラウド", "department": "基盤運用部", "person": "部長 森川 透" },
    "document_number": "AC-2026-0007",
    "summary": "ストレージ制御装置の不具合により、ファイルの読み書きができない状態が発生しました。",
    "contact": {
      "label": "本件のお問い合わせ先",
      "organization": "株式会社アオバクラウド",
      "department": "サポート窓口",
      "postal_code": "980-0000",
      "address": "宮城県仙台市青葉区架空町1-2-3",
      "phone": "022-000-0000",
      "fax": "022-000-0001",
      "email": "support@aoba-cloud.example",
      "url": "https://aoba-cloud.example/status",
      "hours": "24時間"
    },
    "revisions": [
      { "date": "2026-05-15", "note": "復旧時刻を訂正" },
      { "date": "2026-05-16", "note": "再発防止策を追記" }
    ]
  },
  "services": [
    { "id": "sync", "name": "ファイル同期" },
    { "id": "share", "name": "共有リンク" },
    { "id": "api", "name": "API" },
    { "id": "console", "name": "管理コンソール" },
    { "id": "billing", "name": "請求" }
  ],
  "actors": [
    { "id": "us", "name": "弊社", "role": "us" },
    { "id": "dc", "name": "オレゴン第2データセンター", "role": "datacenter" },
    { "id": "mon", "name": "外形監視", "role": "monitoring" },
    { "id": "maker", "name": "装置メーカー", "role": "vendor" },
    { "id": "cust", "name": "お客様", "role": "customer" },
    { "id": "isp", "name": "回線事業者", "role": "other" }
  ],
  "incident": {
    "start": { "at": "2026-05-12T21:40:00+09:00", "approx": "about" },
    "end": { "date": "2026-05-14", "part": "morning" },
    "phases": [
      { "id": "stop", "start": { "at": "2026-05-12T21:40:00+09:00", "approx": "about" },
        "end": "2026-05-13T03:10+09:00", "summary": "全面停止",
        "impact": { "sync": "outage", "share": "outage", "api": "outage", "console": "partial" },
        "notes": "一部のお客様では再ログインが必要でした", "customers": 4200 },
      { "label": "復旧作業中", "start": "2026-05-13T03:10:00+09:00",
        "end": { "at": "2026-05-13T18:00:00+09:00", "approx": "after" },
        "impact": { "sync": "degraded", "share": "maintenance", "api": "degraded", "console": "operational" } },
      { "start": { "date": "2026-05-13", "part": "night" }, "summary": "経過観察",
        "notes": ["同期の遅延のみ", "順次解消"] }
    ],
    "scope": {
      "customers": "法人プランをご利用のお客様",
      "exclusions": ["個人プラン", "東京リージョン"],
      "networks": "203.0.113.0/24",
      "users": 12000,
      "notes": ["閲覧のみのお客様は影響なし"]
    },
    "unaffected": ["billing"],
    "cause": { "summary": "制御装置のファームウェア不具合", "chain": ["電源瞬断", "制御装置の再起動失敗", "ストレージの読み取り専用化"] },
    "actions": ["制御装置を交換", "データ整合性を確認"],
    "measures": [
      "監視項目の追加",
      { "text": "ファームウェアの更新", "due": "2026-06", "status": "in_progress" },
      { "text": "冗長構成の見直し", "due": "2026-07-31", "status": "planned" },
      { "text": "手順書の改訂", "status": "done" }
    ],
    "data_loss": "お客様データの消失はございません。",
    "sections": [
      { "heading": "補償について", "body": "別途ご案内いたします。" },
      { "heading": "今後のご報告", "body": ["第4報は5月20日までに", "ご報告いたします。"] }
    ]
  },
  "timeline": [
    { "id": "t-detect", "at": "2026-05-12T21:42:00+09:00", "actor": "mon", "kind": "detection", "text": "外形監視が応答なしを検知", "services": ["sync", "api"], "phase": "stop" },
    { "at": "2026-05-12T21:40:00+09:00", "approx": "about", "actor": "dc", "kind": "occurrence", "text": "電源瞬断", "local_offset": "-07:00" },
    { "at": "2026-05-12T22:00:00+09:00", "approx": "after", "kind": "notice", "text": "障害告知を掲載", "quote": "現在、ファイル同期がご利用いただけません。" },
    { "at": "2026-05-12T22:30:00+09:00", "kind": "eta", "text": "復旧見込みを告知", "eta": "2026-05-13T02:00:00+09:00" },
    { "at": "2026-05-13T01:30:00+09:00", "kind": "eta", "text": "見込みを延長", "eta": { "date": "2026-05-13", "part": "morning", "approx": "about" } },
    { "at": "2026-05-13T06:00:00+09:00", "kind": "eta", "text": "見込み未定と告知", "eta": null },
    { "at": "2026-05-13T02:00:00+09:00", "approx": "until", "actor": "maker", "text": "交換部品を手配", "quote": { "source": "装置メーカーの回答", "text": "部品は明朝までにお届けします" } },
    { "date": "2026-05-13", "part": "early_morning", "actor": "dc", "text": "部品到着", "local_offset": "-07:00" },
    { "date": "2026-05-13", "actor": "cust", "kind": "report", "text": "お客様から問い合わせ多数" },
    { "at": null, "actor": "isp", "text": "回線事業者が経路を確認" },
    { "actor": "us", "text": "社内連絡(時刻不明)", "approx": "about" },
    { "at": "2026-05-13T03:10:00+09:00", "kind": "recovery", "text": "読み書きを再開", "phase": "p2", "services": ["sync", "share", "api"] },
    { "at": "2026-05-13T03:10:30.500+09:00", "kind": "action", "text": "秒以下まで記録された操作" }
  ],
  "letter": {
    "opening": "謹啓",
    "closing": "敬白",
    "greeting": null,
    "body": ["平素より格別のご高配を賜り、厚く御礼申し上げます。", "このたびは多大なるご迷惑をおかけいたしました。"],
    "closing_paragraph": "今後とも変わらぬご愛顧を賜りますようお願い申し上げます。",
    "items": ["period", "impact", "cause", "measures"],
    "calendar": "japanese",
    "clock": "12h"
  }
}"#;

#[test]
fn rich_report_round_trips() {
    assert_eq!(decode_str(RICH).problems, vec![], "the input is clean");
    let (doc, json) = round_trip(RICH);
    let r = &doc.reports[0];
    assert_eq!(r.incident.phases.len(), 3);
    assert_eq!(r.timeline.len(), 13);
    assert_eq!(r.header.kind, ReportKind::Interim(Some(3)));
    assert_eq!(r.letter.greeting, Some(None));

    // Defaults are written out.
    assert_eq!(json["version"], 1);
    assert_eq!(json["lang"], "ja");
    assert_eq!(json["zone"], "+09:00");
    assert_eq!(json["report"]["id"], "r1");
    assert_eq!(json["report"]["kind"], "interim");
    assert_eq!(json["report"]["number"], 3);
    let phases = &json["incident"]["phases"];
    assert_eq!(phases[1]["id"], "p2");
    assert_eq!(phases[0]["label"], "①");
    assert_eq!(phases[1]["label"], "復旧作業中");
    assert_eq!(phases[2]["label"], "③");
    assert_eq!(phases[2]["end"], Value::Null, "an ongoing phase says so");
    let events = json["timeline"].as_array().expect("timeline");
    assert_eq!(events[1]["id"], "e2");
    assert_eq!(events[2]["actor"], "us", "the first actor, by default");
    assert_eq!(events[6]["kind"], "action");
    // Long forms only.
    assert_eq!(
        json["report"]["issuer"]["organization"],
        "株式会社アオバクラウド"
    );
    assert_eq!(
        json["incident"]["cause"]["chain"][2],
        "ストレージの読み取り専用化"
    );
    assert_eq!(json["incident"]["measures"][0]["text"], "監視項目の追加");
    assert_eq!(json["incident"]["scope"]["networks"][0], "203.0.113.0/24");
    assert_eq!(
        json["incident"]["sections"][0]["body"][0],
        "別途ご案内いたします。"
    );
    assert_eq!(
        events[2]["quote"]["text"],
        "現在、ファイル同期がご利用いただけません。"
    );
    // Impact keeps the services' order.
    let impact: Vec<_> = phases[1]["impact"]
        .as_object()
        .expect("impact")
        .keys()
        .cloned()
        .collect();
    assert_eq!(impact.len(), 4);
    // Every time form.
    assert_eq!(
        json["incident"]["start"],
        serde_json::json!({"at": "2026-05-12T21:40:00+09:00", "approx": "about"})
    );
    assert_eq!(
        json["incident"]["end"],
        serde_json::json!({"date": "2026-05-14", "part": "morning"})
    );
    assert_eq!(
        phases[0]["end"],
        serde_json::json!({"at": "2026-05-13T03:10:00+09:00"})
    );
    assert_eq!(events[0]["at"], "2026-05-12T21:42:00+09:00");
    assert_eq!(
        events[3]["eta"],
        serde_json::json!({"at": "2026-05-13T02:00:00+09:00"})
    );
    assert_eq!(events[5]["eta"], Value::Null);
    assert!(events[5].as_object().expect("event").contains_key("eta"));
    assert_eq!(events[6]["approx"], "until");
    assert_eq!(events[7]["part"], "early_morning");
    assert_eq!(events[7]["local_offset"], "-07:00");
    assert_eq!(events[8]["date"], "2026-05-13");
    assert!(events[8].get("at").is_none());
    assert_eq!(events[9]["at"], Value::Null);
    assert_eq!(events[10]["at"], Value::Null);
    assert_eq!(events[10]["approx"], "about");
    assert_eq!(events[12]["at"], "2026-05-13T03:10:30.500+09:00");
    // Letter options explicit.
    let letter = &json["letter"];
    assert_eq!(letter["opening"], "謹啓");
    assert_eq!(letter["closing"], "敬白");
    assert_eq!(letter["greeting"], Value::Null);
    assert_eq!(letter["calendar"], "japanese");
    assert_eq!(letter["clock"], "12h");
    assert!(json.get("$schema").is_none());
}

#[test]
fn small_report_with_implicit_phase_and_actor_round_trips() {
    let text = r#"{
      "version": 1,
      "report": { "title": "メール送信の遅延について", "issued": "2026-04-02", "issuer": "合同会社ハヤテ通信",
                  "summary": "メール送信が最大30分遅延しました。" },
      "incident": { "start": "2026-04-01T10:00:00+09:00", "end": { "at": "2026-04-01T10:30:00+09:00", "approx": "about" } },
      "timeline": [ { "at": "2026-04-01T10:05:00+09:00", "text": "検知" } ]
    }"#;
    let (doc, json) = round_trip(text);
    let r = &doc.reports[0];
    assert!(r.incident.phases[0].implicit);
    assert_eq!(r.actors[0].name, "弊社");
    // The implicit phase is not written: it would come back as a real one.
    assert!(json["incident"].get("phases").is_none());
    assert_eq!(
        json["actors"][0],
        serde_json::json!({"id": "us", "name": "弊社", "role": "us"})
    );
    assert_eq!(json["letter"]["items"].as_array().map(Vec::len), Some(9));
    assert!(
        json["letter"].get("greeting").is_none(),
        "the default greeting stays a default"
    );
    assert!(
        json["report"].get("addressee").is_none(),
        "the default addressee stays a default"
    );
}

#[test]
fn english_report_in_another_zone_round_trips() {
    let text = r#"{
      "version": 1,
      "lang": "en",
      "report": { "title": "API outage", "issued": "2026-01-20", "issuer": { "organization": "Northwind Relay Ltd." } },
      "services": [ { "id": "api", "name": "Public API" } ],
      "incident": {
        "phases": [ { "start": "2026-01-19T14:05Z", "end": "2026-01-19T15:45:00Z", "impact": { "api": "outage" } } ]
      },
      "timeline": [
        { "at": "2026-01-19T14:07:00+00:00", "kind": "detection", "text": "Pager fired" },
        { "at": "2026-01-19T14:20:00+00:00", "kind": "eta", "text": "First estimate", "eta": { "at": "2026-01-19T16:00:00Z", "approx": "until" } }
      ]
    }"#;
    let (doc, json) = round_trip(text);
    assert_eq!(doc.lang, Lang::En);
    let r = &doc.reports[0];
    assert_eq!(r.actors[0].name, "Our company");
    assert_eq!(r.zone.fixed().unwrap().local_minus_utc(), 0);
    assert_eq!(json["zone"], "+00:00");
    // The period came from the phases; the export states it.
    assert_eq!(json["incident"]["start"]["at"], "2026-01-19T14:05:00+00:00");
    assert_eq!(json["incident"]["end"]["at"], "2026-01-19T15:45:00+00:00");
}

#[test]
fn an_explicit_ongoing_end_stays_ongoing() {
    // Every phase is closed, but the author says the incident is not over.
    let text = r#"{
      "version": 1,
      "report": { "title": "継続中の障害", "issued": "2026-02-02", "issuer": "株式会社ミナト回線" },
      "incident": { "end": null, "phases": [
        { "start": "2026-02-01T09:00:00+09:00", "end": "2026-02-01T10:00:00+09:00" } ] }
    }"#;
    let (doc, json) = round_trip(text);
    assert_eq!(doc.reports[0].incident.period.end, None);
    assert_eq!(json["incident"]["end"], Value::Null);
}

#[test]
fn corrections_do_not_come_back_as_warnings() {
    let text = r#"{
      "version": 1,
      "report": { "title": "障害のご報告", "issued": "2026-02-02", "issuer": "株式会社ミナト回線",
                  "contact": { "phone": "03-0000-0000", "url": "javascript:alert(1)" } },
      "incident": { "start": "2026-02-01T09:00:00+09:00" },
      "letter": { "opening": "拝啓", "closing": "謹白" }
    }"#;
    assert_eq!(
        decode_str(text).problems.len(),
        2,
        "unsafe url and closing mismatch"
    );
    let (doc, json) = round_trip(text);
    assert_eq!(doc.reports[0].letter.closing, Closing::Keigu);
    assert!(json["report"]["contact"].get("url").is_none());
    assert_eq!(json["letter"]["closing"], "敬具");
}

const HISTORY: &str = r#"{
  "version": 1,
  "lang": "ja",
  "zone": "+09:00",
  "services": [ { "id": "web", "name": "Webサイト" }, { "id": "mail", "name": "メール" } ],
  "actors": [ { "id": "us", "name": "弊社" }, { "id": "dc", "name": "データセンター", "role": "datacenter" } ],
  "letter": { "opening": "謹啓", "calendar": "japanese" },
  "reports": [
    { "report": { "title": "1月のメール遅延", "issued": "2026-01-11", "issuer": "株式会社カモメネット", "kind": "final" },
      "incident": { "start": "2026-01-10T08:00:00+09:00", "end": "2026-01-10T09:00:00+09:00" } },
    { "report": { "id": "dns-2026-03", "title": "3月のDNS障害", "issued": "2026-03-02", "issuer": "株式会社カモメネット", "kind": "first" },
      "services": [ { "id": "dns", "name": "DNS" } ],
      "actors": [ { "id": "reg", "name": "レジストリ", "role": "vendor" } ],
      "incident": { "phases": [
        { "start": "2026-03-01T22:00:00+09:00", "end": "2026-03-02T01:00:00+09:00", "impact": { "dns": "outage", "web": "partial" } },
        { "start": "2026-03-02T01:00:00+09:00", "impact": { "dns": "degraded" } } ] },
      "timeline": [ { "at": "2026-03-01T22:05:00+09:00", "actor": "reg", "text": "レジストリ側で障害" },
                    { "at": "2026-03-01T22:10:00+09:00", "actor": "dc", "text": "調査開始", "phase": "p1" } ],
      "letter": { "opening": "拝啓" } },
    { "zone": "-05:00",
      "report": { "title": "米国拠点の電源工事", "issued": "2026-02-20", "issuer": "株式会社カモメネット", "kind": "recovery" },
      "incident": { "start": { "date": "2026-02-15", "part": "late_night" }, "end": { "date": "2026-02-16", "part": "early_morning" } } },
    { "report": { "title": "時期不明の報告", "issued": "2025-12-01", "issuer": "株式会社カモメネット" },
      "incident": { "start": { "at": null } } }
  ]
}"#;

#[test]
fn history_round_trips() {
    assert_eq!(decode_str(HISTORY).problems, vec![], "the input is clean");
    let (doc, json) = round_trip(HISTORY);
    assert!(doc.is_history);
    let ids: Vec<_> = doc.reports.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        ["dns-2026-03", "r3", "r1", "r4"],
        "newest first, unknown start last"
    );
    assert_eq!(doc.reports[0].services.len(), 3);
    assert_eq!(doc.reports[0].actors.len(), 3);
    assert_eq!(doc.reports[0].letter.opening, Opening::Haikei);
    assert_eq!(doc.reports[1].letter.opening, Opening::Kinkei, "inherited");
    assert_eq!(
        doc.reports[1].letter.date_style.calendar,
        Calendar::Japanese
    );
    assert_eq!(
        doc.reports[1].zone.fixed().unwrap().local_minus_utc(),
        -5 * 3600
    );
    assert_eq!(doc.reports[3].incident.period.start, TimePoint::UNKNOWN);
    // Each entry is complete on its own in the export.
    let reports = json["reports"].as_array().expect("reports");
    assert_eq!(reports.len(), 4);
    assert!(json.get("services").is_none() && json.get("letter").is_none());
    assert_eq!(reports[0]["services"].as_array().map(Vec::len), Some(3));
    assert_eq!(reports[1]["letter"]["opening"], "謹啓");
    assert_eq!(reports[1]["zone"], "-05:00");
    assert_eq!(
        reports[3]["incident"]["start"],
        serde_json::json!({"at": null})
    );
    assert_eq!(
        reports[0]["incident"]["end"],
        Value::Null,
        "ongoing second phase"
    );
}

#[test]
fn shipped_examples_round_trip() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut seen = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable example");
        // Only hokoku documents: other formats (imports) have their own tests.
        let first = decode_str(&text);
        if first.document.is_none() {
            continue;
        }
        round_trip(&text);
        seen += 1;
    }
    assert!(seen >= 1, "no example decoded in {dir}");
}
