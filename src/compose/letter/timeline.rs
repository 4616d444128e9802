//! The 経緯 item: the timeline's events in time order, grouped by day; a very long timeline is
//! summarised, so the letter stays a letter one can open and print.

use chrono::NaiveDate;

use super::*;
use crate::model::EventKind;

/// Events a letter lists in full. A letter of about ten pages; beyond it (a 100,000-event
/// report made a 400,000-node letter that took 11 s to open and never printed) the table lists
/// the milestones only (the first and last 75 when there are more) and says, per day, how many
/// other records it leaves out.
pub const LETTER_ROWS: usize = 150;

/// The kinds a summarised 経緯 keeps: everything but the routine `action` records (what
/// happened, when it was seen, what was announced, expected and restored, and reports).
fn is_milestone(kind: EventKind) -> bool {
    !matches!(kind, EventKind::Action)
}

/// 経緯: the timeline's events in time order, grouped by day. Events whose time is unknown come
/// last under a 時刻不明 heading of their own (filed under the day before, they would read as
/// happening that day), in the order they are listed.
pub(super) fn timeline_blocks(report: &Report, fmt: &Fmt) -> Vec<Block> {
    if report.timeline.is_empty() {
        return Vec::new();
    }
    let lang = fmt.lang;
    let mut keyed: Vec<(Option<i64>, usize, &Event)> = Vec::new();
    let mut last: Option<i64> = None;
    for (i, e) in report.timeline.iter().enumerate() {
        if let Some(k) = e.time.sort_key() {
            last = Some(k);
        }
        keyed.push((last, i, e));
    }
    crate::model::sort::sort_by_key(&mut keyed, |(k, i, _)| (*k, *i));

    // Which events are listed: all, or (a long timeline) its milestones; when even those are
    // too many, the first and the last half of them, so the letter shows how the incident
    // began and how it ended, and the days between say how many records they hold.
    let total = keyed.len();
    let mut listed = vec![true; total];
    if total > LETTER_ROWS {
        let milestones: Vec<usize> = (0..total)
            .filter(|&i| is_milestone(keyed[i].2.kind))
            .collect();
        listed = vec![false; total];
        let (head, tail) = if milestones.len() > LETTER_ROWS {
            (LETTER_ROWS / 2, LETTER_ROWS - LETTER_ROWS / 2)
        } else {
            (milestones.len(), 0)
        };
        for &i in milestones
            .iter()
            .take(head)
            .chain(milestones.iter().rev().take(tail))
        {
            listed[i] = true;
        }
    }
    let shown = listed.iter().filter(|&&l| l).count();
    let summary = (shown < total).then(|| match lang {
        Lang::Ja => format!(
            "記録 {} 件のうち、発生・検知・お知らせ・復旧見込み・復旧・報告など主な {} 件を記載しております。すべての記録は経緯の画面に掲載しております。",
            crate::compose::impact::group_digits(total as u64),
            crate::compose::impact::group_digits(shown as u64)
        ),
        Lang::En => format!(
            "Of {} records, the {} main ones (occurrence, detection, notices, expected recovery, recovery, reports) are listed here; every record is shown in the timeline view.",
            crate::compose::impact::group_digits(total as u64),
            crate::compose::impact::group_digits(shown as u64)
        ),
    });

    let mut days: Vec<TimelineDay> = Vec::new();
    let mut unknown: Vec<TimelineRow> = Vec::new();
    let mut current: Option<NaiveDate> = None;
    let mut unknown_omitted = 0;
    for ((_, _, e), listed) in keyed.into_iter().zip(listed) {
        // Rows are only built for listed events: a summarised 100,000-event timeline formats
        // a few hundred, not every one.
        let row = listed.then(|| row(report, fmt, e));
        let Some(day) = fmt.day_of(&e.time) else {
            match row {
                Some(row) => unknown.push(row),
                None => unknown_omitted += 1,
            }
            continue;
        };
        if current != Some(day) {
            current = Some(day);
            days.push(TimelineDay {
                label: fmt.date(day),
                rows: Vec::new(),
                omitted: 0,
            });
        }
        if let Some(d) = days.last_mut() {
            match row {
                Some(row) => d.rows.push(row),
                None => d.omitted += 1,
            }
        }
    }
    if !unknown.is_empty() || unknown_omitted > 0 {
        days.push(TimelineDay {
            label: pick(lang, "時刻不明", "Time unknown"),
            rows: unknown,
            omitted: unknown_omitted,
        });
    }
    vec![Block::Timeline(TimelineTable {
        head: [
            pick(lang, "時刻", "Time"),
            pick(lang, "主体", "Party"),
            pick(lang, "内容", "Event"),
        ],
        summary,
        days,
    })]
}

/// One row: the time column says the same as the list twin's (`時刻記載なし` for a day alone).
fn row(report: &Report, fmt: &Fmt, e: &Event) -> TimelineRow {
    TimelineRow {
        time: fmt.event_time_cell(e),
        local_time: e.local_offset.and_then(|o| fmt.local_time(&e.time, o)),
        actor: report
            .actor(e.actor)
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        text: unindent_text(&e.text),
        quote: e.quote.as_ref().map(|q| QuoteText {
            source: q.source.clone(),
            // As written: only blank lines around it go; a leading full-width space or the
            // spacing inside a quoted form is the other party's.
            text: q.text.trim_matches(['\n', '\r']).trim_end().to_string(),
        }),
    }
}
