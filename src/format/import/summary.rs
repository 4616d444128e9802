//! The summary of an imported incident (`report.summary`, which the letter prints after its
//! first sentence and the history lists): only words the page itself gave, in the tense of
//! where the incident stands. An incident that is over is summed up by its postmortem, else by
//! the update that resolved it (both look back, in the past tense); one still open by its latest
//! update (the present, as it should be). Never the first update's "We are investigating…" in
//! a final report; nothing when the update that would say it has no text.

use super::html::body_text;
use super::source::{Status, Update};
use crate::model::text::{Block, Inline};
use crate::model::Text;

/// The first block of a body's text (up to its first blank line; HTML or Markdown-like, read
/// by `html::body_text`), its lines joined as the page wrote them, in words only; Markdown
/// heading lines (`## Summary`) and a paragraph that is only bold (`<h2>`, `<p><b>…</b></p>`)
/// are headings, not the summary.
fn first_paragraph(body: &str) -> Option<String> {
    body_text(body).blocks.into_iter().find_map(|block| {
        if let Block::Paragraph(inlines) = &block {
            if inlines
                .iter()
                .all(|i| matches!(i, Inline::Emphasis(_) | Inline::Break))
            {
                return None;
            }
        }
        let plain = Text {
            blocks: vec![block],
        }
        .plain();
        let lines: Vec<&str> = plain
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect();
        (!lines.is_empty()).then(|| lines.join("\n"))
    })
}

/// `updates` oldest first; `finished` when the incident (or maintenance) is over.
pub(super) fn summary(updates: &[&Update], finished: bool) -> Option<String> {
    let with = |statuses: &[Status]| {
        updates
            .iter()
            .filter(|u| u.status.is_some_and(|s| statuses.contains(&s)))
            .collect::<Vec<_>>()
    };
    if !finished {
        return updates.last().and_then(|u| first_paragraph(&u.body));
    }
    // The latest postmortem (a page may revise it), else the first update that resolved it.
    let postmortem = with(&[Status::Postmortem]).last().copied().copied();
    let resolving = with(&[Status::Resolved, Status::Completed])
        .first()
        .copied()
        .copied();
    postmortem
        .or(resolving)
        .and_then(|u| first_paragraph(&u.body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(status: Status, body: &str, minute: u32) -> Update {
        Update {
            id: None,
            time: chrono::DateTime::parse_from_rfc3339(&format!("2026-01-01T00:{minute:02}:00Z"))
                .expect("time"),
            status: Some(status),
            body: body.to_string(),
            affected: None,
        }
    }

    #[test]
    fn past_from_the_postmortem_or_the_resolving_update_present_while_open() {
        let first = update(Status::Investigating, "We are investigating.", 1);
        let resolved = update(
            Status::Resolved,
            "It was fixed.\nAll good.\n\nMore later.",
            2,
        );
        let postmortem = update(
            Status::Postmortem,
            "\n## Summary\nOn Monday a disk failed.\n\nDetails.",
            3,
        );
        assert_eq!(
            summary(&[&first, &resolved], true).as_deref(),
            Some("It was fixed.\nAll good.")
        );
        assert_eq!(
            summary(&[&first, &resolved, &postmortem], true).as_deref(),
            Some("On Monday a disk failed.")
        );
        assert_eq!(
            summary(&[&first], false).as_deref(),
            Some("We are investigating.")
        );
        // Over, but nothing said when it ended: left out, not the first update's words.
        let silent = update(Status::Resolved, "", 2);
        assert_eq!(summary(&[&first, &silent], true), None);
        assert_eq!(summary(&[&first], true), None);
    }
}
