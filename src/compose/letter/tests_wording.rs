//! Every generated sentence of the 主文 and 末文, over every combination of what a report can
//! contain: kind × ongoing or ended × cause × measures × services known × data-loss statement ×
//! form, in both languages. The expected sentences are written out here, as docs/wording.md
//! lists them; the test assembles the paragraphs the way that page says and compares.

use super::*;

const START: &str = "2026年5月11日(月)14時20分頃";
const END: &str = "2026年5月11日(月)15時05分";
const START_EN: &str = "Mon, May 11, 2026, about 14:20";
const END_EN: &str = "Mon, May 11, 2026, 15:05";

const KINDS: [ReportKind; 6] = [
    ReportKind::Unstated,
    ReportKind::First,
    ReportKind::Interim(Some(3)),
    ReportKind::Interim(None),
    ReportKind::Final,
    ReportKind::Recovery,
];

struct Case {
    kind: ReportKind,
    ongoing: bool,
    cause: bool,
    measures: bool,
    services: bool,
    data_loss: bool,
    form: Form,
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    let tf = [true, false];
    for kind in KINDS {
        for ongoing in tf {
            for cause in tf {
                for measures in tf {
                    for services in tf {
                        for data_loss in tf {
                            for form in [Form::Letter, Form::Notice] {
                                out.push(Case {
                                    kind,
                                    ongoing,
                                    cause,
                                    measures,
                                    services,
                                    data_loss,
                                    form,
                                });
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

fn facts(c: &Case, lang: Lang) -> Facts {
    let (start, end) = match lang {
        Lang::Ja => (START, END),
        Lang::En => (START_EN, END_EN),
    };
    Facts {
        kind: c.kind,
        ongoing: c.ongoing,
        cause: c.cause,
        measures: c.measures,
        services: if c.services {
            vec!["メール配送".into(), "Web".into()]
        } else {
            vec![]
        },
        data_loss: c.data_loss,
        form: c.form,
        start: Some(start.into()),
        end: (!c.ongoing).then(|| end.into()),
        summary: None,
    }
}

fn expected_ja(c: &Case) -> Vec<String> {
    let target = if c.services {
        "弊社のメール配送およびWeb"
    } else {
        "弊社サービス"
    };
    let first = if c.ongoing {
        format!("このたび、{START}より、{target}におきまして障害が発生しております。ご利用のお客様には多大なるご迷惑とご心配をおかけしておりますことを、深くお詫び申し上げます。")
    } else {
        format!("このたび、{START}より、{target}におきまして障害が発生いたしました。ご利用のお客様には多大なるご迷惑とご心配をおかけいたしましたことを、深くお詫び申し上げます。")
    };
    let below = match c.form {
        Form::Letter => "下記のとおり",
        Form::Notice => "以下のとおり",
    };
    let follow = match (c.cause, c.measures) {
        (false, false) => {
            "原因および今後の対策につきましては、判明し次第あらためてご報告いたします。"
        }
        (true, false) => "今後の対策につきましては、まとまり次第あらためてご報告いたします。",
        (false, true) => "原因につきましては、判明し次第あらためてご報告いたします。",
        (true, true) => "詳細につきましては、あらためてご報告いたします。",
    };
    let kind = match c.kind {
        ReportKind::Unstated => format!("本障害につきまして、{below}ご報告いたします。"),
        ReportKind::First => format!("第1報として、現時点で判明している状況を{below}ご報告いたします。{follow}"),
        ReportKind::Interim(Some(_)) => format!("第3報として、第2報以降に判明した内容を含め、{below}ご報告いたします。{follow}"),
        ReportKind::Interim(None) => format!("続報として、前回のご報告以降に判明した内容を含め、{below}ご報告いたします。{follow}"),
        ReportKind::Final => match (c.cause, c.measures) {
            (true, true) => format!("本障害の原因および再発防止策がまとまりましたので、最終報告として{below}ご報告いたします。"),
            (true, false) => format!("本障害の原因が判明いたしましたので、最終報告として{below}ご報告いたします。"),
            (false, true) => format!("本障害の再発防止策がまとまりましたので、最終報告として{below}ご報告いたします。"),
            (false, false) => format!("本障害につきまして、最終報告として{below}ご報告いたします。"),
        },
        ReportKind::Recovery if c.ongoing => format!("本障害は復旧いたしましたので、{below}ご報告いたします。"),
        ReportKind::Recovery => format!("本障害は{END}に復旧いたしましたので、{below}ご報告いたします。"),
    };
    let mut body = vec![first, kind];
    if !c.ongoing && c.measures {
        body.push(
            "弊社では、今回の事態を重く受け止め、再発防止に全力で取り組んでまいります。".into(),
        );
    }
    body
}

fn expected_en(c: &Case) -> Vec<String> {
    let target = if c.services {
        "our メール配送 and Web"
    } else {
        "our services"
    };
    let first = if c.ongoing {
        format!("Since {START_EN}, a failure has been affecting {target}. We sincerely apologize for the considerable inconvenience and concern this is causing our customers.")
    } else {
        format!("On {START_EN}, a failure occurred in {target}. We sincerely apologize for the considerable inconvenience and concern this has caused our customers.")
    };
    let follow = match (c.cause, c.measures) {
        (false, false) => {
            "We will report again on the cause and our measures as soon as they are known."
        }
        (true, false) => {
            "We will report again on our measures against recurrence once they are decided."
        }
        (false, true) => "We will report again on the cause as soon as it is known.",
        (true, true) => "We will report again with further details.",
    };
    let kind = match c.kind {
        ReportKind::Unstated => "We report on this incident below.".into(),
        ReportKind::First => format!("In this first report we describe what we know at present. {follow}"),
        ReportKind::Interim(Some(_)) => format!("In this report No. 3 we describe what we have learned since report No. 2. {follow}"),
        ReportKind::Interim(None) => format!("In this update we describe what we have learned since our previous report. {follow}"),
        ReportKind::Final => match (c.cause, c.measures) {
            (true, true) => "Now that the cause and our measures against recurrence have been determined, we present our final report below.".into(),
            (true, false) => "Now that the cause has been determined, we present our final report below.".into(),
            (false, true) => "Now that our measures against recurrence have been decided, we present our final report below.".into(),
            (false, false) => "We present our final report on this incident below.".into(),
        },
        ReportKind::Recovery if c.ongoing => "Service has been restored. The details are given below.".into(),
        ReportKind::Recovery => format!("Service was restored on {END_EN}. The details are given below."),
    };
    let mut body = vec![first, kind];
    if !c.ongoing && c.measures {
        body.push("We take this incident very seriously and will do everything we can to prevent a recurrence.".into());
    }
    body
}

#[test]
fn every_combination_gives_exactly_the_documented_sentences() {
    let all = cases();
    assert_eq!(all.len(), 6 * 2 * 2 * 2 * 2 * 2 * 2);
    for c in &all {
        assert_eq!(body_of(&facts(c, Lang::Ja), Lang::Ja), expected_ja(c));
        assert_eq!(body_of(&facts(c, Lang::En), Lang::En), expected_en(c));
    }
}

#[test]
fn a_sentence_never_claims_what_the_facts_lack() {
    for c in cases() {
        let ja = body_of(&facts(&c, Lang::Ja), Lang::Ja).concat();
        let en = body_of(&facts(&c, Lang::En), Lang::En).concat();
        if !c.cause {
            assert!(
                !ja.contains("原因が判明いたしました")
                    && !ja.contains("原因および再発防止策がまとまり"),
                "{ja}"
            );
            assert!(
                !en.contains("cause has been determined")
                    && !en.contains("the cause and our measures against recurrence have been"),
                "{en}"
            );
        }
        if !c.measures {
            assert!(
                !ja.contains("再発防止策がまとまり") && !ja.contains("再発防止に全力"),
                "{ja}"
            );
            assert!(
                !en.contains("measures against recurrence have been")
                    && !en.contains("prevent a recurrence"),
                "{en}"
            );
        }
        if c.ongoing {
            assert!(
                !ja.contains("おかけいたしました"),
                "no past apology while ongoing: {ja}"
            );
            assert!(!en.contains("has caused"), "{en}");
        }
        if c.services {
            assert!(!ja.contains("弊社サービス"), "{ja}");
        }
        // The data-loss statement is the writer's, in its own 記 item: no generated sentence
        // speaks about data, whether the file has the statement or not.
        assert!(
            !ja.contains("データ") && !en.to_lowercase().contains("data"),
            "{ja}"
        );
    }
}

#[test]
fn the_closing_paragraph_for_each_state() {
    let table = [
        (Lang::Ja, false, true, "このたびは多大なるご迷惑をおかけいたしましたことを重ねてお詫び申し上げます。今後とも変わらぬお引き立てを賜りますよう、何卒よろしくお願い申し上げます。"),
        (Lang::Ja, false, false, "このたびは多大なるご迷惑をおかけいたしましたことを、深くお詫び申し上げます。今後とも変わらぬお引き立てを賜りますよう、何卒よろしくお願い申し上げます。"),
        (Lang::Ja, true, true, "ご不便をおかけしておりますことを重ねてお詫び申し上げますとともに、何卒ご理解賜りますようお願い申し上げます。"),
        (Lang::Ja, true, false, "ご不便をおかけしておりますことを深くお詫び申し上げますとともに、何卒ご理解賜りますようお願い申し上げます。"),
        (Lang::En, false, true, "We apologize once again for the inconvenience and ask for your continued understanding and support."),
        (Lang::En, false, false, "We apologize for the inconvenience and ask for your continued understanding and support."),
        (Lang::En, true, true, "We apologize again for the inconvenience and ask for your understanding."),
        (Lang::En, true, false, "We apologize for the inconvenience and ask for your understanding."),
    ];
    for (lang, ongoing, generated, expected) in table {
        assert_eq!(closing_of(ongoing, generated, lang), expected);
    }
}

#[test]
fn the_facts_come_from_the_file() {
    let base = r#"{ "version": 1, "report": { "title": "T", "issued": "2026-05-12", "issuer": "株式会社ミナモ通信" },
      "services": [ { "id": "mx", "name": "メール配送" }, { "id": "web", "name": "Web" } ],
      "incident": { "start": "2026-05-11T14:20:00+09:00", "end": "2026-05-11T15:05:00+09:00" },
      "timeline": [ { "at": "2026-05-11T14:20:00+09:00", "text": "x", "services": ["mx"] } ] }"#;
    let facts_of = |text: &str| {
        let d = crate::format::decode_str(text).document.expect("decodes");
        let r = &d.reports[0];
        Facts::of(r, &Fmt::of_report(r, Lang::Ja))
    };
    // No impact levels: the services the timeline names are the affected ones.
    let f = facts_of(base);
    assert_eq!(f.services, vec!["メール配送"]);
    assert!(!f.ongoing && !f.cause && !f.measures && !f.data_loss);
    assert_eq!(f.start.as_deref(), Some("2026年5月11日(月)14時20分"));
    // A summary tells the story: the start is not said twice.
    let f = facts_of(&base.replace(
        r#""issuer""#,
        r#""summary": "14時20分から配送が遅れました。", "issuer""#,
    ));
    assert_eq!(f.start, None);
    // Not affected listed, nothing else: the others are NOT taken for affected (a guess).
    let f = facts_of(&base.replace(r#", "services": ["mx"]"#, "").replace(
        r#""end": "2026-05-11T15:05:00+09:00""#,
        r#""end": "2026-05-11T15:05:00+09:00", "unaffected": ["web"]"#,
    ));
    assert!(f.services.is_empty());
    // Neither: unknown, 弊社サービス.
    let f = facts_of(&base.replace(r#", "services": ["mx"]"#, ""));
    assert!(f.services.is_empty());
    // An end that is only an observation is not an end.
    let f = facts_of(&base.replace(
        r#""end": "2026-05-11T15:05:00+09:00""#,
        r#""end": { "at": "2026-05-11T15:05:00+09:00", "approx": "as_of" }"#,
    ));
    assert!(f.ongoing);
    assert_eq!(f.end, None);
}
