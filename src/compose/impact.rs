//! Figures about who was hurt and for how long, computed from a `Report`: each phase's length
//! and worst level, the whole incident's length, the time with at least one service down
//! (overlapping phases counted once), each service's outage time, and the service × phase matrix.
//!
//! Pure data for the impact table and the letter's 記 part; the wording lives in the views
//! (through `timefmt`). Nothing here makes up a level: a phase without impact data gives `None`
//! cells, except for services the author declared unaffected, which are operational throughout.

use chrono::{DateTime, FixedOffset};

use crate::compose::timefmt::{is_exact_length, Fmt};
use crate::model::{ImpactLevel, Lang, Period, Phase, Report};

/// A known length of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub minutes: i64,
    /// True when any end it was measured from is approximate (頃, a part of day…).
    pub approx: bool,
}

/// How long something lasted, as far as the report says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    Known(Span),
    /// At least one period has no end yet.
    Ongoing,
    /// An end is not known (時刻不明) or cannot be placed on the axis.
    Unknown,
}

impl Length {
    /// The length of one period.
    pub fn of(period: &Period) -> Length {
        if period.end.is_none() {
            return Length::Ongoing;
        }
        match Interval::of(period) {
            Some(i) => Length::Known(Span {
                minutes: i.minutes(),
                approx: i.approx,
            }),
            None => Length::Unknown,
        }
    }

    /// Words for the length: `約13時間5分`, `継続中`, `不明`.
    pub fn text(&self, fmt: &Fmt) -> String {
        match self {
            Length::Known(span) => fmt.duration(span.minutes, span.approx),
            Length::Ongoing => tr_owned(fmt.lang, "継続中", "ongoing"),
            Length::Unknown => tr_owned(fmt.lang, "記載なし", "not stated"),
        }
    }

    pub fn is_ongoing(&self) -> bool {
        matches!(self, Length::Ongoing)
    }
}

fn tr_owned(lang: Lang, ja: &str, en: &str) -> String {
    match lang {
        Lang::Ja => ja.to_string(),
        Lang::En => en.to_string(),
    }
}

/// A placed stretch of time: from the earliest the start can mean to the latest the end can.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Interval {
    from: DateTime<FixedOffset>,
    to: DateTime<FixedOffset>,
    approx: bool,
}

impl Interval {
    fn of(period: &Period) -> Option<Interval> {
        // 「19時現在」 is how things stood then, not when they stopped: no length to it.
        period.duration_minutes()?;
        let from = period.start.earliest()?;
        let to = period.end?.latest()?;
        (to >= from).then(|| Interval {
            from,
            to,
            approx: !is_exact_length(period),
        })
    }

    fn minutes(&self) -> i64 {
        (self.to - self.from).num_minutes()
    }
}

/// The time covered by the union of some periods, overlaps counted once. `None` when there are
/// no periods at all; `Ongoing` when any is still open; `Unknown` when none can be placed.
/// Periods that cannot be placed make the result approximate, not wrong.
pub fn union_length<'a>(periods: impl IntoIterator<Item = &'a Period>) -> Option<Length> {
    let periods: Vec<&Period> = periods.into_iter().collect();
    if periods.is_empty() {
        return None;
    }
    if periods.iter().any(|p| p.end.is_none()) {
        return Some(Length::Ongoing);
    }
    let mut intervals: Vec<Interval> = periods.iter().filter_map(|p| Interval::of(p)).collect();
    if intervals.is_empty() {
        return Some(Length::Unknown);
    }
    let unplaced = intervals.len() < periods.len();
    intervals.sort_by_key(|i| i.from);
    let mut minutes = 0;
    let mut approx = unplaced;
    let mut current: Option<Interval> = None;
    for next in intervals {
        approx |= next.approx;
        current = match current {
            Some(mut run) if next.from <= run.to => {
                run.to = run.to.max(next.to);
                Some(run)
            }
            Some(run) => {
                minutes += run.minutes();
                Some(next)
            }
            None => Some(next),
        };
    }
    if let Some(run) = current {
        minutes += run.minutes();
    }
    Some(Length::Known(Span { minutes, approx }))
}

/// What the table says about one phase.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseFigures {
    pub length: Length,
    /// Worst level stated for the phase; `None` when it has no impact data.
    pub worst: Option<ImpactLevel>,
    pub ongoing: bool,
}

impl PhaseFigures {
    pub fn of(phase: &Phase) -> PhaseFigures {
        PhaseFigures {
            length: Length::of(&phase.period),
            worst: phase.worst(),
            ongoing: phase.period.end.is_none(),
        }
    }
}

/// One row of the service × phase matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct ServiceRow {
    /// Index into `Report::services`.
    pub service: usize,
    /// One cell per phase, in phase order; `None` = the report gives no level ("—").
    pub cells: Vec<Option<ImpactLevel>>,
    /// Declared unaffected, or operational in every phase.
    pub unaffected: bool,
}

/// The level of one service in one phase, as far as the report says.
pub fn cell(report: &Report, phase: &Phase, service: usize) -> Option<ImpactLevel> {
    phase.level_of(service).or_else(|| {
        report
            .incident
            .unaffected
            .contains(&service)
            .then_some(ImpactLevel::Operational)
    })
}

/// Services as rows (all of them, in the report's order), phases as columns.
pub fn matrix(report: &Report) -> Vec<ServiceRow> {
    (0..report.services.len())
        .map(|service| {
            let cells: Vec<Option<ImpactLevel>> = report
                .incident
                .phases
                .iter()
                .map(|p| cell(report, p, service))
                .collect();
            let declared = report.incident.unaffected.contains(&service);
            let all_operational =
                !cells.is_empty() && cells.iter().all(|c| *c == Some(ImpactLevel::Operational));
            ServiceRow {
                service,
                cells,
                unaffected: declared || all_operational,
            }
        })
        .collect()
}

/// Services that were not hit at all (declared, or operational in every phase), in order.
pub fn unaffected_services(report: &Report) -> Vec<usize> {
    matrix(report)
        .into_iter()
        .filter(|r| r.unaffected)
        .map(|r| r.service)
        .collect()
}

/// The levels that appear in the matrix, worst first, for the legend; and whether any cell
/// has no data (the legend then explains "—").
pub fn legend(rows: &[ServiceRow]) -> (Vec<ImpactLevel>, bool) {
    let levels = ImpactLevel::ALL
        .into_iter()
        .filter(|l| rows.iter().any(|r| r.cells.contains(&Some(*l))))
        .collect();
    let missing = rows.iter().any(|r| r.cells.contains(&None));
    (levels, missing)
}

/// Time with the given service in outage, over all phases (overlaps counted once); `None` when
/// it was never in outage.
pub fn service_outage(report: &Report, service: usize) -> Option<Length> {
    union_length(
        report
            .incident
            .phases
            .iter()
            .filter(|p| p.level_of(service) == Some(ImpactLevel::Outage))
            .map(|p| &p.period),
    )
}

/// Time with at least one service in outage (overlapping phases counted once); `None` when no
/// phase has an outage.
pub fn outage_length(report: &Report) -> Option<Length> {
    union_length(
        report
            .incident
            .phases
            .iter()
            .filter(|p| p.worst() == Some(ImpactLevel::Outage))
            .map(|p| &p.period),
    )
}

/// Every figure the impact table and the letter show.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub phases: Vec<PhaseFigures>,
    /// The whole incident period's length.
    pub incident: Length,
    pub outage: Option<Length>,
    /// (service index, its outage time) for each service that was ever in outage.
    pub service_outage: Vec<(usize, Length)>,
    pub matrix: Vec<ServiceRow>,
    pub unaffected: Vec<usize>,
    /// The incident or any phase is still going on.
    pub ongoing: bool,
    /// Phases the report gives no impact level for: left out of `outage` and `service_outage`.
    pub phases_without_impact: usize,
}

impl Figures {
    pub fn of(report: &Report) -> Figures {
        let phases: Vec<PhaseFigures> = report
            .incident
            .phases
            .iter()
            .map(PhaseFigures::of)
            .collect();
        let matrix = matrix(report);
        let unaffected = matrix
            .iter()
            .filter(|r| r.unaffected)
            .map(|r| r.service)
            .collect();
        let service_outage = (0..report.services.len())
            .filter_map(|s| service_outage(report, s).map(|l| (s, l)))
            .collect();
        let phases_without_impact = report
            .incident
            .phases
            .iter()
            .filter(|p| p.impact.is_empty())
            .count();
        Figures {
            phases_without_impact,
            ongoing: report.incident.period.end.is_none() || phases.iter().any(|p| p.ongoing),
            phases,
            incident: Length::of(&report.incident.period),
            outage: outage_length(report),
            service_outage,
            matrix,
            unaffected,
        }
    }
}

impl Figures {
    /// The outage time in words, honest about what the report leaves out: 「記載なし」 when no
    /// phase has impact levels (a nine-hour outage must not read 「なし」), 「なし」 only when levels
    /// are given and none is an outage, and the number of phases without levels when some lack
    /// them.
    pub fn outage_text(&self, fmt: &Fmt) -> String {
        let lang = fmt.lang;
        if self.phases_without_impact == self.phases.len() {
            return tr_owned(lang, "記載なし", "not stated");
        }
        let mut text = match self.outage {
            Some(length) => length.text(fmt),
            None => tr_owned(lang, "なし", "none"),
        };
        text.push_str(&left_out_phases(self.phases_without_impact, lang));
        text
    }
}

/// 「（影響の記載がないフェーズ2件を除く）」: said after a figure built from some phases only.
pub fn left_out_phases(n: usize, lang: Lang) -> String {
    match (n, lang) {
        (0, _) => String::new(),
        (n, Lang::Ja) => format!("（影響の記載がないフェーズ{n}件を除く）"),
        (1, Lang::En) => " (leaving out 1 phase without impact data)".to_string(),
        (n, Lang::En) => format!(" (leaving out {n} phases without impact data)"),
    }
}

/// A count with thousands separators, as both languages print it: `12,840`.
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Names joined as a list: `A、B、C` in Japanese, `A, B and C` in English.
pub fn join_names(names: &[&str], lang: Lang) -> String {
    match (lang, names) {
        (_, []) => String::new(),
        (Lang::Ja, _) => names.join("、"),
        (Lang::En, [one]) => one.to_string(),
        (Lang::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
    }
}

/// The sentence under the matrix naming the services that were not hit:
/// 「なお、メール送信、DNSは正常に稼働しておりました。」; `None` when there are none. The writer's
/// own sentence (`incident.unaffected_note`) replaces it, word for word.
pub fn unaffected_sentence(report: &Report, lang: Lang) -> Option<String> {
    if let Some(own) = &report.incident.unaffected_note {
        return Some(own.trim().to_string());
    }
    let names: Vec<&str> = unaffected_services(report)
        .into_iter()
        .filter_map(|s| report.services.get(s).map(|s| s.name.as_str()))
        .collect();
    if names.is_empty() {
        return None;
    }
    let list = join_names(&names, lang);
    // While the incident is open, what kept working is said in the present.
    let open = report.incident.period.end.is_none()
        || report
            .incident
            .phases
            .iter()
            .any(|p| p.period.end.is_none());
    Some(match (lang, open) {
        (Lang::Ja, false) => format!("なお、{list}は正常に稼働しておりました。"),
        (Lang::Ja, true) => format!("なお、{list}は正常に稼働しております。"),
        (Lang::En, false) => format!("{list} operated normally throughout."),
        (Lang::En, true) if names.len() == 1 => format!("{list} is operating normally."),
        (Lang::En, true) => format!("{list} are operating normally."),
    })
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;

    use super::*;
    use crate::format::decode_str;
    use crate::model::DateStyle;

    /// A report with services a–e and the given phases and unaffected list (JSON fragments).
    fn report(phases: &str, unaffected: &str) -> Report {
        let text = format!(
            r#"{{
              "version": 1,
              "report": {{ "title": "t", "issued": "2026-03-04", "issuer": "o" }},
              "services": [
                {{ "id": "a", "name": "A" }}, {{ "id": "b", "name": "B" }},
                {{ "id": "c", "name": "C" }}, {{ "id": "d", "name": "D" }},
                {{ "id": "e", "name": "E" }}
              ],
              "incident": {{
                "start": "2026-03-01T08:00:00+09:00",
                "end": "2026-03-03T08:00:00+09:00",
                "phases": [{phases}],
                "unaffected": [{unaffected}]
              }}
            }}"#
        );
        let outcome = decode_str(&text);
        let errors: Vec<String> = outcome.errors().map(|p| p.message(Lang::En)).collect();
        assert!(errors.is_empty(), "{errors:?}");
        outcome.document.unwrap().reports.remove(0)
    }

    fn known(minutes: i64, approx: bool) -> Length {
        Length::Known(Span { minutes, approx })
    }

    fn ja() -> Fmt {
        Fmt::new(
            Lang::Ja,
            DateStyle::default(),
            FixedOffset::east_opt(9 * 3600).unwrap(),
        )
    }

    const P1: &str = r#"{ "start": "2026-03-01T08:55:00+09:00", "end": { "at": "2026-03-01T22:00:00+09:00", "approx": "about" },
        "impact": { "a": "outage", "b": "degraded", "d": "operational" } }"#;
    const P2: &str = r#"{ "start": "2026-03-01T22:00:00+09:00", "end": "2026-03-02T10:00:00+09:00",
        "impact": { "a": "partial", "b": "outage" } }"#;
    const P3: &str = r#"{ "start": "2026-03-02T09:00:00+09:00", "end": "2026-03-02T11:30:00+09:00",
        "impact": { "b": "outage", "c": "maintenance" } }"#;

    #[test]
    fn phase_lengths_and_worst_levels() {
        let r = report(&[P1, P2, P3].join(","), "");
        let f = Figures::of(&r);
        assert_eq!(f.phases[0].length, known(13 * 60 + 5, true));
        assert_eq!(f.phases[0].worst, Some(ImpactLevel::Outage));
        assert_eq!(f.phases[1].length, known(12 * 60, false));
        assert_eq!(f.phases[1].worst, Some(ImpactLevel::Outage));
        assert_eq!(f.phases[2].length, known(150, false));
        assert!(!f.phases[0].ongoing);
        assert_eq!(f.phases[0].length.text(&ja()), "約13時間5分");
    }

    #[test]
    fn incident_length() {
        let r = report(P1, "");
        assert_eq!(Figures::of(&r).incident, known(48 * 60, false));
        assert_eq!(Figures::of(&r).incident.text(&ja()), "2日間");
    }

    #[test]
    fn outage_union_counts_overlap_once() {
        // P1 08:55–22:00 (outage), P2 22:00–10:00 (outage, touching), P3 09:00–11:30 (outage,
        // overlapping P2 by an hour): one run 08:55 → next day 11:30.
        let r = report(&[P1, P2, P3].join(","), "");
        assert_eq!(outage_length(&r), Some(known(26 * 60 + 35, true)));
    }

    #[test]
    fn outage_union_with_gap() {
        let r = report(&[P1, P3].join(","), "");
        assert_eq!(outage_length(&r), Some(known(13 * 60 + 5 + 150, true)));
    }

    #[test]
    fn outage_union_of_contained_phase() {
        let outer = r#"{ "start": "2026-03-01T09:00:00+09:00", "end": "2026-03-01T12:00:00+09:00", "impact": { "a": "outage" } }"#;
        let inner = r#"{ "start": "2026-03-01T10:00:00+09:00", "end": "2026-03-01T11:00:00+09:00", "impact": { "b": "outage" } }"#;
        let r = report(&[outer, inner].join(","), "");
        assert_eq!(outage_length(&r), Some(known(180, false)));
    }

    #[test]
    fn outage_excludes_phases_without_outage() {
        let mild = r#"{ "start": "2026-03-02T12:00:00+09:00", "end": "2026-03-02T13:00:00+09:00", "impact": { "a": "degraded" } }"#;
        let r = report(&[P3, mild].join(","), "");
        assert_eq!(outage_length(&r), Some(known(150, false)));
    }

    #[test]
    fn no_outage_at_all() {
        let mild = r#"{ "start": "2026-03-02T12:00:00+09:00", "end": "2026-03-02T13:00:00+09:00", "impact": { "a": "degraded" } }"#;
        assert_eq!(outage_length(&report(mild, "")), None);
    }

    #[test]
    fn per_service_outage_with_overlap() {
        let r = report(&[P1, P2, P3].join(","), "");
        // a: only P1.
        assert_eq!(service_outage(&r, 0), Some(known(13 * 60 + 5, true)));
        // b: P2 22:00–10:00 and P3 09:00–11:30 overlap → 22:00–11:30.
        assert_eq!(service_outage(&r, 1), Some(known(13 * 60 + 30, false)));
        // c: maintenance only.
        assert_eq!(service_outage(&r, 2), None);
        let f = Figures::of(&r);
        assert_eq!(
            f.service_outage.iter().map(|(s, _)| *s).collect::<Vec<_>>(),
            [0, 1]
        );
    }

    #[test]
    fn ongoing_phase() {
        let open = r#"{ "start": "2026-03-02T12:00:00+09:00", "impact": { "a": "outage" } }"#;
        let r = report(&[P1, open].join(","), "");
        let f = Figures::of(&r);
        assert!(f.phases[1].ongoing);
        assert_eq!(f.phases[1].length, Length::Ongoing);
        assert_eq!(f.outage, Some(Length::Ongoing));
        assert!(f.ongoing);
        assert_eq!(Length::Ongoing.text(&ja()), "継続中");
    }

    #[test]
    fn unknown_end_gives_unknown_length() {
        let unknown =
            r#"{ "start": "2026-03-02T12:00:00+09:00", "end": {}, "impact": { "a": "outage" } }"#;
        let r = report(unknown, "");
        assert_eq!(Figures::of(&r).phases[0].length, Length::Unknown);
        assert_eq!(outage_length(&r), Some(Length::Unknown));
        assert_eq!(Length::Unknown.text(&ja()), "記載なし");
    }

    #[test]
    fn unplaced_phase_makes_union_approximate() {
        let unknown =
            r#"{ "start": "2026-03-02T12:00:00+09:00", "end": {}, "impact": { "a": "outage" } }"#;
        let r = report(&[P3, unknown].join(","), "");
        assert_eq!(outage_length(&r), Some(known(150, true)));
    }

    #[test]
    fn matrix_rows_cover_every_service() {
        let r = report(&[P1, P2, P3].join(","), r#""e""#);
        let m = matrix(&r);
        assert_eq!(m.len(), 5);
        use ImpactLevel::*;
        assert_eq!(m[0].cells, [Some(Outage), Some(Partial), None]);
        assert_eq!(m[1].cells, [Some(Degraded), Some(Outage), Some(Outage)]);
        assert_eq!(m[2].cells, [None, None, Some(Maintenance)]);
        assert_eq!(m[3].cells, [Some(Operational), None, None]);
        // Declared unaffected: operational in every phase, even where a phase says nothing.
        assert_eq!(m[4].cells, [Some(Operational); 3]);
        assert!(m[4].unaffected && !m[3].unaffected);
        assert_eq!(unaffected_services(&r), [4]);
    }

    #[test]
    fn operational_everywhere_counts_as_unaffected() {
        let p = r#"{ "start": "2026-03-01T09:00:00+09:00", "end": "2026-03-01T10:00:00+09:00", "impact": { "a": "outage", "c": "operational" } }"#;
        let r = report(p, "");
        assert_eq!(unaffected_services(&r), [2]);
    }

    #[test]
    fn phase_without_impact_data_has_no_levels() {
        let bare = r#"{ "start": "2026-03-01T09:00:00+09:00", "end": "2026-03-01T10:00:00+09:00", "summary": "s" }"#;
        let r = report(&[P1, bare].join(","), r#""e""#);
        let f = Figures::of(&r);
        assert_eq!(f.phases[1].worst, None);
        assert_eq!(f.matrix[0].cells[1], None);
        assert_eq!(f.matrix[4].cells[1], Some(ImpactLevel::Operational));
    }

    #[test]
    fn report_without_phases_gets_implicit_phase() {
        let text = r#"{ "version": 1, "report": { "title": "t", "issued": "2026-03-04", "issuer": "o" },
            "services": [ { "id": "a", "name": "A" } ],
            "incident": { "start": { "at": "2026-03-01T09:00:00+09:00", "approx": "about" }, "end": "2026-03-01T11:00:00+09:00" } }"#;
        let r = decode_str(text).document.unwrap().reports.remove(0);
        let f = Figures::of(&r);
        assert_eq!(f.phases.len(), 1);
        assert_eq!(f.phases[0].length, known(120, true));
        assert_eq!(f.phases[0].worst, None);
        assert_eq!(f.matrix[0].cells, [None]);
        assert_eq!(f.outage, None);
        assert!(f.unaffected.is_empty());
    }

    #[test]
    fn legend_lists_used_levels_worst_first() {
        let r = report(&[P1, P2, P3].join(","), r#""e""#);
        let (levels, missing) = legend(&matrix(&r));
        use ImpactLevel::*;
        assert_eq!(
            levels,
            [Outage, Partial, Degraded, Maintenance, Operational]
        );
        assert!(missing);
    }

    #[test]
    fn legend_without_missing_cells() {
        let p = r#"{ "start": "2026-03-01T09:00:00+09:00", "end": "2026-03-01T10:00:00+09:00", "impact": { "a": "outage", "b": "outage", "c": "outage", "d": "outage", "e": "outage" } }"#;
        let (levels, missing) = legend(&matrix(&report(p, "")));
        assert_eq!(levels, [ImpactLevel::Outage]);
        assert!(!missing);
    }

    #[test]
    fn bare_days_are_exact_whole_days() {
        let p = r#"{ "start": "2026-03-01", "end": "2026-03-02", "impact": { "a": "outage" } }"#;
        let r = report(p, "");
        assert_eq!(Figures::of(&r).phases[0].length, known(2 * 24 * 60, false));
    }

    #[test]
    fn union_of_nothing_is_none() {
        assert_eq!(union_length(std::iter::empty()), None);
    }

    #[test]
    fn digits_grouped() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(538), "538");
        assert_eq!(group_digits(4312), "4,312");
        assert_eq!(group_digits(12840), "12,840");
        assert_eq!(group_digits(1_000_000), "1,000,000");
    }

    #[test]
    fn names_joined() {
        assert_eq!(join_names(&[], Lang::Ja), "");
        assert_eq!(join_names(&["A"], Lang::En), "A");
        assert_eq!(join_names(&["A", "B"], Lang::En), "A and B");
        assert_eq!(join_names(&["A", "B", "C"], Lang::En), "A, B and C");
        assert_eq!(
            join_names(&["メール送信", "DNS"], Lang::Ja),
            "メール送信、DNS"
        );
    }

    #[test]
    fn unaffected_sentence_names_services() {
        let p = r#"{ "start": "2026-03-01T09:00:00+09:00", "end": "2026-03-01T10:00:00+09:00", "impact": { "a": "outage", "c": "operational" } }"#;
        let r = report(p, r#""e""#);
        assert_eq!(
            unaffected_sentence(&r, Lang::Ja).as_deref(),
            Some("なお、C、Eは正常に稼働しておりました。")
        );
        assert_eq!(
            unaffected_sentence(&r, Lang::En).as_deref(),
            Some("C and E operated normally throughout.")
        );
        assert_eq!(unaffected_sentence(&report(P2, ""), Lang::Ja), None);
    }
}
