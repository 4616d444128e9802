//! The 主文 and 末文 when the file gives none. Every sentence is chosen from what the report
//! contains (its [`Facts`]) and says nothing more: no 「原因…がまとまりました」 without a cause, no
//! 「弊社サービス」 where the services are known, no past tense while the incident is still open,
//! no start time when the writer's own summary gives it. docs/wording.md lists every sentence
//! with its condition; `tests_wording` checks each against it.

use super::*;

/// Joins names as a sentence lists them: `A、BおよびC`, `A, B and C`.
pub(super) fn join_names(names: &[&str], lang: Lang) -> String {
    let (sep, last) = match lang {
        Lang::Ja => ("、", "および"),
        Lang::En => (", ", " and "),
    };
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., tail] => format!("{}{last}{tail}", init.join(sep)),
    }
}

/// Not known to be over: no end, a phase without an end, or an end that is only an
/// observation (「19時現在」).
pub(super) fn is_ongoing(report: &Report) -> bool {
    let open = |p: &crate::model::Period| p.end.is_none_or(|e| e.approx == Approx::AsOf);
    open(&report.incident.period) || report.incident.phases.iter().any(|p| open(&p.period))
}

/// The services the report says were hit: those with a level worse than operational; else those
/// the timeline's events name. Empty when the file does not say. Services merely not listed as
/// unaffected are not taken for affected: that would be a guess, and the letter would name it.
pub(super) fn affected_names(report: &Report) -> Vec<&str> {
    let mut hit = report.affected_services();
    if hit.is_empty() && !report.incident.phases.iter().any(|p| !p.impact.is_empty()) {
        hit = (0..report.services.len())
            .filter(|s| report.timeline.iter().any(|e| e.services.contains(s)))
            .collect();
    }
    hit.into_iter()
        .filter_map(|s| report.services.get(s))
        .map(|s| s.name.as_str())
        .collect()
}

/// What the generated wording may rely on, read from the report and nothing else.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    pub kind: ReportKind,
    pub ongoing: bool,
    pub cause: bool,
    pub measures: bool,
    /// Names of the affected services; empty when the report does not say.
    pub services: Vec<String>,
    pub data_loss: bool,
    pub form: Form,
    /// The start as words, only when the writer's summary does not already tell the story (the
    /// time would otherwise be said twice, in two styles).
    pub start: Option<String>,
    /// The end as words, when ended at a known time.
    pub end: Option<String>,
    /// The writer's summary, which follows the first sentence.
    pub summary: Option<String>,
}

impl Facts {
    pub fn of(report: &Report, fmt: &Fmt) -> Facts {
        let period = &report.incident.period;
        let summary = report
            .header
            .summary
            .as_ref()
            .filter(|s| !s.trim().is_empty())
            .map(|s| unindent(s));
        let ongoing = is_ongoing(report);
        Facts {
            kind: report.header.kind,
            ongoing,
            cause: report
                .incident
                .cause
                .as_ref()
                .is_some_and(|c| c.summary.is_some() || !c.chain.is_empty()),
            measures: !report.incident.measures.is_empty(),
            services: affected_names(report)
                .into_iter()
                .map(str::to_string)
                .collect(),
            data_loss: report.incident.data_loss.is_some(),
            form: report.letter.form,
            start: (summary.is_none() && period.start.is_known())
                .then(|| fmt.time_point(&period.start)),
            end: period
                .end
                .filter(|e| e.is_known() && !ongoing)
                .map(|e| fmt.time_point(&e)),
            summary,
        }
    }
}

/// The 主文 when the JSON gives none: what happened and the apology, the author's summary, what
/// this report is, and a resolve when it is over and measures are given.
pub(super) fn default_body(report: &Report, fmt: &Fmt) -> Vec<String> {
    body_of(&Facts::of(report, fmt), fmt.lang)
}

/// The 主文 from the facts alone (the table of docs/wording.md).
pub fn body_of(f: &Facts, lang: Lang) -> Vec<String> {
    let mut body = vec![first_sentence(f, lang)];
    body.extend(f.summary.clone());
    body.push(kind_sentence(f, lang));
    if !f.ongoing && f.measures {
        body.push(pick(
            lang,
            "弊社では、今回の事態を重く受け止め、再発防止に全力で取り組んでまいります。",
            "We take this incident very seriously and will do everything we can to prevent a recurrence.",
        ));
    }
    body
}

/// What happened and the apology, in the tense the facts allow.
fn first_sentence(f: &Facts, lang: Lang) -> String {
    let names: Vec<&str> = f.services.iter().map(String::as_str).collect();
    match lang {
        Lang::Ja => {
            let when = f
                .start
                .as_ref()
                .map(|s| format!("{s}より、"))
                .unwrap_or_default();
            let target = if names.is_empty() {
                "弊社サービス".to_string()
            } else {
                format!("弊社の{}", join_names(&names, lang))
            };
            if f.ongoing {
                format!("このたび、{when}{target}におきまして障害が発生しております。ご利用のお客様には多大なるご迷惑とご心配をおかけしておりますことを、深くお詫び申し上げます。")
            } else {
                format!("このたび、{when}{target}におきまして障害が発生いたしました。ご利用のお客様には多大なるご迷惑とご心配をおかけいたしましたことを、深くお詫び申し上げます。")
            }
        }
        Lang::En => {
            let target = if names.is_empty() {
                "our services".to_string()
            } else {
                format!("our {}", join_names(&names, lang))
            };
            let apology = if f.ongoing {
                "We sincerely apologize for the considerable inconvenience and concern this is causing our customers."
            } else {
                "We sincerely apologize for the considerable inconvenience and concern this has caused our customers."
            };
            let what = match (f.ongoing, &f.start) {
                (true, Some(s)) => format!("Since {s}, a failure has been affecting {target}."),
                (true, None) => format!("A failure is affecting {target}."),
                (false, Some(s)) => format!("On {s}, a failure occurred in {target}."),
                (false, None) => format!("A failure occurred in {target}."),
            };
            format!("{what} {apology}")
        }
    }
}

/// What this report is, and what is still to come when the file says it is not the last.
fn kind_sentence(f: &Facts, lang: Lang) -> String {
    let below = match (lang, f.form) {
        (Lang::Ja, Form::Letter) => "下記のとおり",
        (Lang::Ja, Form::Notice) => "以下のとおり",
        (Lang::En, _) => "",
    };
    match (lang, f.kind) {
        // Which report this is, the file does not say: neither 「最終報告として」 nor a promise
        // of a next report.
        (Lang::Ja, ReportKind::Unstated) => format!("本障害につきまして、{below}ご報告いたします。"),
        (Lang::En, ReportKind::Unstated) => "We report on this incident below.".into(),
        (Lang::Ja, ReportKind::First | ReportKind::Interim(Some(0 | 1))) => format!(
            "第1報として、現時点で判明している状況を{below}ご報告いたします。{}",
            follow_up(f, lang)
        ),
        (Lang::Ja, ReportKind::Interim(Some(n))) => format!(
            "第{n}報として、第{}報以降に判明した内容を含め、{below}ご報告いたします。{}",
            n - 1,
            follow_up(f, lang)
        ),
        (Lang::Ja, ReportKind::Interim(None)) => format!(
            "続報として、前回のご報告以降に判明した内容を含め、{below}ご報告いたします。{}",
            follow_up(f, lang)
        ),
        (Lang::Ja, ReportKind::Final) => match (f.cause, f.measures) {
            (true, true) => format!("本障害の原因および再発防止策がまとまりましたので、最終報告として{below}ご報告いたします。"),
            (true, false) => format!("本障害の原因が判明いたしましたので、最終報告として{below}ご報告いたします。"),
            (false, true) => format!("本障害の再発防止策がまとまりましたので、最終報告として{below}ご報告いたします。"),
            (false, false) => format!("本障害につきまして、最終報告として{below}ご報告いたします。"),
        },
        (Lang::Ja, ReportKind::Recovery) => match &f.end {
            Some(e) => format!("本障害は{e}に復旧いたしましたので、{below}ご報告いたします。"),
            None => format!("本障害は復旧いたしましたので、{below}ご報告いたします。"),
        },
        (Lang::En, ReportKind::First | ReportKind::Interim(Some(0 | 1))) => format!(
            "In this first report we describe what we know at present.{}",
            follow_up(f, lang)
        ),
        (Lang::En, ReportKind::Interim(Some(n))) => format!(
            "In this report No. {n} we describe what we have learned since report No. {}.{}",
            n - 1,
            follow_up(f, lang)
        ),
        (Lang::En, ReportKind::Interim(None)) => format!(
            "In this update we describe what we have learned since our previous report.{}",
            follow_up(f, lang)
        ),
        (Lang::En, ReportKind::Final) => match (f.cause, f.measures) {
            (true, true) => "Now that the cause and our measures against recurrence have been determined, we present our final report below.".into(),
            (true, false) => "Now that the cause has been determined, we present our final report below.".into(),
            (false, true) => "Now that our measures against recurrence have been decided, we present our final report below.".into(),
            (false, false) => "We present our final report on this incident below.".into(),
        },
        (Lang::En, ReportKind::Recovery) => match &f.end {
            Some(e) => format!("Service was restored on {e}. The details are given below."),
            None => "Service has been restored. The details are given below.".into(),
        },
    }
}

/// For a first or interim report: what the next report will bring, naming only what this one
/// does not have yet.
fn follow_up(f: &Facts, lang: Lang) -> String {
    match (lang, f.cause, f.measures) {
        (Lang::Ja, false, false) => {
            "原因および今後の対策につきましては、判明し次第あらためてご報告いたします。"
        }
        (Lang::Ja, true, false) => {
            "今後の対策につきましては、まとまり次第あらためてご報告いたします。"
        }
        (Lang::Ja, false, true) => "原因につきましては、判明し次第あらためてご報告いたします。",
        (Lang::Ja, true, true) => "詳細につきましては、あらためてご報告いたします。",
        (Lang::En, false, false) => {
            " We will report again on the cause and our measures as soon as they are known."
        }
        (Lang::En, true, false) => {
            " We will report again on our measures against recurrence once they are decided."
        }
        (Lang::En, false, true) => " We will report again on the cause as soon as it is known.",
        (Lang::En, true, true) => " We will report again with further details.",
    }
    .to_string()
}

/// The 末文 when the JSON gives none. Never 「略儀ながら」. 「重ねて」 only when the generated body
/// has already apologized.
pub(super) fn default_closing_paragraph(report: &Report, lang: Lang) -> String {
    closing_of(is_ongoing(report), report.letter.body.is_empty(), lang)
}

/// The 末文 from the facts alone: ongoing or not, and whether the body is the generated one.
pub fn closing_of(ongoing: bool, generated_body: bool, lang: Lang) -> String {
    match (lang, ongoing, generated_body) {
        (Lang::Ja, false, true) => "このたびは多大なるご迷惑をおかけいたしましたことを重ねてお詫び申し上げます。今後とも変わらぬお引き立てを賜りますよう、何卒よろしくお願い申し上げます。",
        (Lang::Ja, false, false) => "このたびは多大なるご迷惑をおかけいたしましたことを、深くお詫び申し上げます。今後とも変わらぬお引き立てを賜りますよう、何卒よろしくお願い申し上げます。",
        (Lang::Ja, true, true) => "ご不便をおかけしておりますことを重ねてお詫び申し上げますとともに、何卒ご理解賜りますようお願い申し上げます。",
        (Lang::Ja, true, false) => "ご不便をおかけしておりますことを深くお詫び申し上げますとともに、何卒ご理解賜りますようお願い申し上げます。",
        (Lang::En, false, true) => "We apologize once again for the inconvenience and ask for your continued understanding and support.",
        (Lang::En, false, false) => "We apologize for the inconvenience and ask for your continued understanding and support.",
        (Lang::En, true, true) => "We apologize again for the inconvenience and ask for your understanding.",
        (Lang::En, true, false) => "We apologize for the inconvenience and ask for your understanding.",
    }
    .to_string()
}
