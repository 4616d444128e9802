//! What a new document starts from: the smallest file, a complete report, a short history, or
//! a pasted Statuspage export converted to hokoku's format (to be completed by the writer).

use crate::format::problem::Problem;
use crate::format::{decode_str, export};

/// The starting points the edit view offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Template {
    /// The smallest valid file (docs/schema.md "The smallest file").
    Minimal,
    /// A report that uses every part of the format (the built-in sample).
    Complete,
    /// Two reports of one incident: a first report and the final one.
    History,
}

impl Template {
    pub const ALL: [Template; 3] = [Template::Minimal, Template::Complete, Template::History];

    pub fn code(self) -> &'static str {
        match self {
            Template::Minimal => "minimal",
            Template::Complete => "complete",
            Template::History => "history",
        }
    }

    pub fn text(self) -> &'static str {
        match self {
            Template::Minimal => include_str!("../../../examples/minimal.json"),
            Template::Complete => include_str!("../../../examples/sample.json"),
            Template::History => HISTORY,
        }
    }
}

/// A fictional company's short history, newest first.
const HISTORY: &str = r#"{
  "version": 1,
  "lang": "ja",
  "reports": [
    {
      "report": {
        "id": "2026-06-03-final",
        "title": "ファイル共有サービス接続障害のご報告(最終報告)",
        "issued": "2026-06-03",
        "kind": "final",
        "issuer": "株式会社ソラマド"
      },
      "incident": {
        "start": "2026-06-01T10:15:00+09:00",
        "end": { "at": "2026-06-01T13:40:00+09:00", "approx": "about" },
        "cause": "認証サーバーの証明書の更新漏れによるものです。"
      },
      "timeline": [
        { "at": "2026-06-01T10:15:00+09:00", "kind": "detection", "text": "ログインできないとのお問い合わせを受領。" },
        { "at": "2026-06-01T13:40:00+09:00", "approx": "about", "kind": "recovery", "text": "証明書を更新し、復旧を確認。" }
      ]
    },
    {
      "report": {
        "id": "2026-06-01-first",
        "title": "ファイル共有サービス接続障害のご報告(第1報)",
        "issued": "2026-06-01",
        "kind": "first",
        "issuer": "株式会社ソラマド"
      },
      "incident": {
        "start": "2026-06-01T10:15:00+09:00"
      }
    }
  ]
}
"#;

/// Converts pasted text (a Statuspage export, or any file hokoku reads) to hokoku's JSON, or
/// gives the problems that stopped it.
pub fn convert_pasted(text: &str) -> Result<String, Vec<Problem>> {
    let outcome = decode_str(text);
    match outcome.document {
        Some(doc) => Ok(export::to_json(&doc)),
        None => Err(outcome.problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_decodes_without_error() {
        for t in Template::ALL {
            let outcome = decode_str(t.text());
            assert!(
                outcome.document.is_some() && outcome.errors().next().is_none(),
                "{}: {:?}",
                t.code(),
                outcome.problems
            );
        }
        let history = decode_str(Template::History.text()).document.unwrap();
        assert!(history.is_history && history.reports.len() == 2);
    }

    #[test]
    fn a_statuspage_export_becomes_a_hokoku_document() {
        let pasted = include_str!("../../../e2e/fixtures/statuspage-incidents.json");
        let text = convert_pasted(pasted).expect("converted");
        assert!(text.contains("\"version\": 1"));
        let again = decode_str(&text);
        assert!(again.document.is_some(), "{:?}", again.problems);
    }

    #[test]
    fn a_bad_paste_gives_its_problems() {
        let problems = convert_pasted("{\"incidents\": [").unwrap_err();
        assert_eq!(problems[0].code(), "syntax");
    }
}
