//! Figures about who was hurt and for how long, computed from a `Report`: each phase's length
//! and worst level, the whole incident's length, the time with at least one service down
//! (overlapping phases counted once), each service's outage time (from its own states when the
//! report gives them, else from its phases), and the service × phase matrix.
//!
//! Pure data for the impact table and the letter's 記 part; the wording lives in the views
//! (through `timefmt`). Nothing here makes up a level: a phase without impact data gives `None`
//! cells, except for services the author declared unaffected, which are operational throughout.

use chrono::{DateTime, FixedOffset};

use crate::model::timefmt::{is_exact_length, Fmt};
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
    crate::model::sort::sort_by_key(&mut intervals, |i| i.from);
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

/// Whether the report gives the service's own states over time (`incident.service_states`).
pub fn has_own_states(report: &Report, service: usize) -> bool {
    report
        .incident
        .service_states
        .iter()
        .any(|st| st.service == service)
}

/// The periods the service spent at `level`: its own states when the report gives any for it
/// (a status page's component statuses), else the phases that give it that level. A phase's
/// level is the worst the service had in it, so only without own states is the whole phase
/// counted.
pub fn periods_at(report: &Report, service: usize, level: ImpactLevel) -> Vec<&Period> {
    if has_own_states(report, service) {
        report
            .incident
            .service_states
            .iter()
            .filter(|st| st.service == service && st.level == level)
            .map(|st| &st.period)
            .collect()
    } else {
        report
            .incident
            .phases
            .iter()
            .filter(|p| p.level_of(service) == Some(level))
            .map(|p| &p.period)
            .collect()
    }
}

/// Time with the given service in outage (overlaps counted once); `None` when it was never in
/// outage.
pub fn service_outage(report: &Report, service: usize) -> Option<Length> {
    union_length(periods_at(report, service, ImpactLevel::Outage))
}

/// Time with at least one service in outage (overlaps counted once); `None` when no service
/// was ever in outage.
pub fn outage_length(report: &Report) -> Option<Length> {
    union_length(
        (0..report.services.len()).flat_map(|s| periods_at(report, s, ImpactLevel::Outage)),
    )
}

/// The time with any service down as the impact table states it: like `outage_length`, but the
/// services' own outage stretches with no stated end are left out (and counted, see
/// `Figures::outages_without_length`) instead of making the whole figure approximate.
fn stated_outage_length(report: &Report) -> Option<Length> {
    union_length((0..report.services.len()).flat_map(|s| {
        let own = has_own_states(report, s);
        periods_at(report, s, ImpactLevel::Outage)
            .into_iter()
            .filter(move |p| !(own && p.end.is_some() && Length::of(p) == Length::Unknown))
    }))
}

/// For each service with its own states, in service order: the time it spent at each level
/// worse than operational, worst first (overlaps counted once).
pub fn service_times(report: &Report) -> Vec<(usize, Vec<(ImpactLevel, Length)>)> {
    (0..report.services.len())
        .filter(|s| has_own_states(report, *s))
        .map(|s| {
            let levels = ImpactLevel::ALL
                .into_iter()
                .filter(|l| *l != ImpactLevel::Operational)
                .filter_map(|l| union_length(periods_at(report, s, l)).map(|len| (l, len)))
                .collect();
            (s, levels)
        })
        .collect()
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
    /// Each service's own time per level, for the services the report gives states for.
    pub service_times: Vec<(usize, Vec<(ImpactLevel, Length)>)>,
    pub matrix: Vec<ServiceRow>,
    pub unaffected: Vec<usize>,
    /// The incident or any phase is still going on.
    pub ongoing: bool,
    /// Services' own outage stretches with no stated end: `outage` cannot count them.
    pub outages_without_length: usize,
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
            outage: stated_outage_length(report),
            service_outage,
            service_times: service_times(report),
            outages_without_length: outages_without_length(report),
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
            // Down, for a time the page never ended: not "none".
            None if self.outages_without_length > 0 => {
                return tr_owned(lang, "記載なし", "not stated")
            }
            None => tr_owned(lang, "なし", "none"),
        };
        text.push_str(&left_out_phases(self.phases_without_impact, lang));
        text.push_str(&unmeasured_outages(self.outages_without_length, lang));
        text
    }
}

/// Outage stretches of the services' own states that have no length (an end the page never
/// gave): the time with any service down is then only what the others add up to.
fn outages_without_length(report: &Report) -> usize {
    report
        .incident
        .service_states
        .iter()
        .filter(|st| st.level == ImpactLevel::Outage && st.period.end.is_some())
        .filter(|st| Length::of(&st.period) == Length::Unknown)
        .count()
}

/// 「（終了時刻の記載がない停止1件は含まず）」: said after the time with any service down when
/// some service's outage has no stated end, so the figure is not read as the whole story.
fn unmeasured_outages(n: usize, lang: Lang) -> String {
    match (n, lang) {
        (0, _) => String::new(),
        (n, Lang::Ja) => format!("（終了時刻の記載がない停止{n}件は含まず）"),
        (1, Lang::En) => " (not counting 1 outage with no stated end)".to_string(),
        (n, Lang::En) => format!(" (not counting {n} outages with no stated end)"),
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
mod tests;
