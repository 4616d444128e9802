//! The 経緯 item: the timeline's events in time order, grouped by day.

use chrono::NaiveDate;

use super::*;

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
    keyed.sort_by_key(|(k, i, _)| (*k, *i));

    let mut days: Vec<TimelineDay> = Vec::new();
    let mut unknown: Vec<TimelineRow> = Vec::new();
    let mut current: Option<NaiveDate> = None;
    for (_, _, e) in keyed {
        let day = fmt.day_of(&e.time);
        let row = row(report, fmt, e);
        let Some(day) = day else {
            unknown.push(row);
            continue;
        };
        if current != Some(day) {
            current = Some(day);
            days.push(TimelineDay {
                label: fmt.date(day),
                rows: Vec::new(),
            });
        }
        if let Some(d) = days.last_mut() {
            d.rows.push(row);
        }
    }
    if !unknown.is_empty() {
        days.push(TimelineDay {
            label: pick(lang, "時刻不明", "Time unknown"),
            rows: unknown,
        });
    }
    vec![Block::Timeline(TimelineTable {
        head: [
            pick(lang, "時刻", "Time"),
            pick(lang, "主体", "Party"),
            pick(lang, "内容", "Event"),
        ],
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
