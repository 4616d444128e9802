//! The 主文 and 末文 when the file gives none: every sentence is chosen from what the report
//! contains.

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

pub(super) fn is_ongoing(report: &Report) -> bool {
    report.incident.period.end.is_none()
}

pub(super) fn affected_names(report: &Report) -> Vec<&str> {
    report
        .affected_services()
        .into_iter()
        .filter_map(|s| report.services.get(s))
        .map(|s| s.name.as_str())
        .collect()
}

/// The 主文 when the JSON gives none: what happened and the apology, the author's summary, what
/// this report is (第N報 / 最終報告 / 復旧のご報告), and a resolve when it is over.
pub(super) fn default_body(report: &Report, fmt: &Fmt) -> Vec<String> {
    let lang = fmt.lang;
    let period = &report.incident.period;
    let ongoing = is_ongoing(report);
    let names = affected_names(report);
    let start = period
        .start
        .is_known()
        .then(|| fmt.time_point(&period.start));
    let end = period
        .end
        .filter(|e| e.is_known())
        .map(|e| fmt.time_point(&e));
    let mut body = Vec::new();

    body.push(match lang {
        Lang::Ja => {
            let when = start.map(|s| format!("{s}より、")).unwrap_or_default();
            let target = if names.is_empty() {
                "弊社サービス".to_string()
            } else {
                format!("弊社の{}", join_names(&names, lang))
            };
            if ongoing {
                format!(
                    "このたび、{when}{target}におきまして障害が発生しており、現在も復旧に向けた対応を続けております。ご利用のお客様には多大なるご迷惑とご心配をおかけしておりますことを、深くお詫び申し上げます。"
                )
            } else {
                format!(
                    "このたび、{when}{target}におきまして障害が発生いたしました。ご利用のお客様には多大なるご迷惑とご心配をおかけいたしましたことを、深くお詫び申し上げます。"
                )
            }
        }
        Lang::En => {
            let target = if names.is_empty() {
                "our services".to_string()
            } else {
                format!("our {}", join_names(&names, lang))
            };
            match (ongoing, start) {
                (true, Some(s)) => format!(
                    "Since {s}, a failure has affected {target}, and we are still working to restore service. We sincerely apologize for the considerable inconvenience and concern this is causing our customers."
                ),
                (true, None) => format!(
                    "A failure has affected {target}, and we are still working to restore service. We sincerely apologize for the considerable inconvenience and concern this is causing our customers."
                ),
                (false, Some(s)) => format!(
                    "On {s}, a failure occurred in {target}. We sincerely apologize for the considerable inconvenience and concern this has caused our customers."
                ),
                (false, None) => format!(
                    "A failure occurred in {target}. We sincerely apologize for the considerable inconvenience and concern this has caused our customers."
                ),
            }
        }
    });

    if let Some(summary) = &report.header.summary {
        if !summary.trim().is_empty() {
            body.push(unindent(summary));
        }
    }

    body.push(match (lang, report.header.kind) {
        (Lang::Ja, ReportKind::First) | (Lang::Ja, ReportKind::Interim(0 | 1)) => {
            "第1報として、現時点で判明している状況を下記のとおりご報告いたします。原因および今後の対策につきましては、判明し次第あらためてご報告いたします。".to_string()
        }
        (Lang::Ja, ReportKind::Interim(n)) => format!(
            "第{n}報として、第{}報以降に判明した内容を含め、下記のとおりご報告いたします。引き続き調査を進め、あらためてご報告いたします。",
            n - 1
        ),
        (Lang::Ja, ReportKind::Final) => {
            "本障害の原因および再発防止策がまとまりましたので、最終報告として下記のとおりご報告いたします。".to_string()
        }
        (Lang::Ja, ReportKind::Recovery) => match &end {
            Some(e) => format!("本障害は{e}に復旧いたしましたので、下記のとおりご報告いたします。"),
            None => "本障害は復旧いたしましたので、下記のとおりご報告いたします。".to_string(),
        },
        (Lang::En, ReportKind::First) | (Lang::En, ReportKind::Interim(0 | 1)) => {
            "In this first report we describe what we know at present. We will report again on the cause and our measures as soon as they are known.".to_string()
        }
        (Lang::En, ReportKind::Interim(n)) => format!(
            "In this report No. {n} we describe what we have learned since report No. {}. We are continuing our investigation and will report again.",
            n - 1
        ),
        (Lang::En, ReportKind::Final) => {
            "Now that the cause and our measures against recurrence have been determined, we present our final report below.".to_string()
        }
        (Lang::En, ReportKind::Recovery) => match &end {
            Some(e) => format!("Service was restored on {e}. The details are given below."),
            None => "Service has been restored. The details are given below.".to_string(),
        },
    });

    if !ongoing {
        body.push(pick(
            lang,
            "弊社では、今回の事態を重く受け止め、再発防止に全力で取り組んでまいります。",
            "We take this incident very seriously and will do everything we can to prevent a recurrence.",
        ));
    }
    body
}

/// The 末文 when the JSON gives none. Never 「略儀ながら」.
pub(super) fn default_closing_paragraph(report: &Report, lang: Lang) -> String {
    match (lang, is_ongoing(report)) {
        (Lang::Ja, false) => "このたびは多大なるご迷惑をおかけいたしましたことを重ねてお詫び申し上げます。今後とも変わらぬお引き立てを賜りますよう、何卒よろしくお願い申し上げます。".to_string(),
        (Lang::Ja, true) => "ご不便をおかけしておりますことを重ねてお詫び申し上げますとともに、何卒ご理解賜りますようお願い申し上げます。".to_string(),
        (Lang::En, false) => "We apologize once again for the inconvenience and ask for your continued understanding and support.".to_string(),
        (Lang::En, true) => "We apologize again for the inconvenience and ask for your understanding.".to_string(),
    }
}
