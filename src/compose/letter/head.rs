//! The letter's head: the 件名 with the report's place in a series, and the 頭語 line that
//! carries the 前文 (or the English salutation).

use super::*;

/// The title with the report's place in a series, unless the title already says it.
pub fn subject(title: &str, kind: ReportKind, lang: Lang) -> String {
    let title = title.trim();
    match series_marker(title, kind, lang) {
        Some(marker) => format!("{title}{marker}"),
        None => title.to_string(),
    }
}

/// The part `subject` adds to the title (`（最終報告）`, ` (Final Report)`), apart so the layout
/// can keep it on one line; `None` when the title already says it.
pub fn series_marker(title: &str, kind: ReportKind, lang: Lang) -> Option<String> {
    let title = title.trim();
    let (marker, already): (String, bool) = match (lang, kind) {
        (_, ReportKind::Unstated) => return None,
        (Lang::Ja, ReportKind::First) => (
            "第1報".into(),
            title.contains("第1報") || title.contains("第一報"),
        ),
        (Lang::Ja, ReportKind::Interim(Some(n))) => {
            let m = format!("第{}報", n.max(1));
            let already = title.contains(&m);
            (m, already)
        }
        (Lang::Ja, ReportKind::Interim(None)) => (
            "続報".into(),
            title.contains("続報") || title.contains("第") && title.contains("報"),
        ),
        (Lang::Ja, ReportKind::Final) => ("最終報告".into(), title.contains("最終")),
        (Lang::Ja, ReportKind::Recovery) => ("復旧報告".into(), title.contains("復旧")),
        (Lang::En, kind) => {
            let lower = title.to_lowercase();
            match kind {
                ReportKind::First => ("Report No. 1".into(), lower.contains("report no")),
                ReportKind::Interim(Some(n)) => (
                    format!("Report No. {}", n.max(1)),
                    lower.contains("report no"),
                ),
                ReportKind::Interim(None) => (
                    "Update".into(),
                    lower.contains("update") || lower.contains("report no"),
                ),
                ReportKind::Final => ("Final Report".into(), lower.contains("final report")),
                ReportKind::Recovery => ("Recovery Notice".into(), lower.contains("recover")),
                ReportKind::Unstated => return None,
            }
        }
    };
    match (already, lang) {
        (true, _) => None,
        (false, Lang::Ja) => Some(format!("（{marker}）")),
        (false, Lang::En) => Some(format!(" ({marker})")),
    }
}

/// The 頭語 line. In Japanese it carries the 前文 (`拝啓　貴社…`); with the greeting switched off
/// (`"greeting": null`) the first 主文 paragraph follows the 頭語 on its line instead, as a 頭語
/// never stands alone. In English `greeting` replaces the salutation (`Dear Customers,`).
pub(super) fn opening_and_body(
    report: &Report,
    lang: Lang,
    mut body: Vec<String>,
) -> (Option<String>, Vec<String>) {
    let greeting = &report.letter.greeting;
    if report.letter.form == Form::Notice {
        // A notice has no 頭語 and no salutation: only a greeting line the writer gave.
        let line = match greeting {
            Some(Some(text)) => Some(unindent(text)),
            _ => None,
        };
        return (line, body);
    }
    match lang {
        Lang::Ja => {
            let head = report.letter.opening.text();
            let preamble = match greeting {
                None => Some(DEFAULT_PREAMBLE_JA.to_string()),
                Some(Some(text)) => Some(unindent(text)),
                Some(None) => None,
            };
            let line = match preamble {
                Some(p) => format!("{head}\u{3000}{p}"),
                None if !body.is_empty() => format!("{head}\u{3000}{}", body.remove(0)),
                None => head.to_string(),
            };
            (Some(line), body)
        }
        Lang::En => {
            let salutation = match greeting {
                None => Some("Dear Customers,".to_string()),
                Some(Some(text)) => Some(text.trim().to_string()),
                Some(None) => None,
            };
            (salutation, body)
        }
    }
}
