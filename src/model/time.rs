//! Points and periods in time as a report states them: an instant, a day (with a part of the
//! day) or unknown, each exact or qualified (頃, 過ぎ, まで…), and periods from one to another.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::Zone;

/// How sure the author is about a time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Approx {
    #[default]
    Exact,
    /// 頃
    About,
    /// 過ぎ
    After,
    /// まで (the instant bounds something from above)
    Until,
    /// 前 (「午後8時前」, "shortly before")
    Before,
    /// 現在 (「19時現在」): a state observed at that time, not a start or an end; no length is
    /// ever computed from it.
    AsOf,
}

/// A part of a day, for times written as 早朝, 午前中, 夕方, 深夜.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    EarlyMorning,
    Morning,
    Noon,
    Afternoon,
    Evening,
    Night,
    LateNight,
}

impl PartOfDay {
    pub const ALL: [PartOfDay; 7] = [
        PartOfDay::EarlyMorning,
        PartOfDay::Morning,
        PartOfDay::Noon,
        PartOfDay::Afternoon,
        PartOfDay::Evening,
        PartOfDay::Night,
        PartOfDay::LateNight,
    ];

    /// Span covered, in minutes from the start of the day (may pass 24:00 for 深夜).
    pub fn minutes(self) -> (u32, u32) {
        match self {
            PartOfDay::EarlyMorning => (4 * 60, 7 * 60),
            PartOfDay::Morning => (6 * 60, 12 * 60),
            PartOfDay::Noon => (11 * 60, 13 * 60),
            PartOfDay::Afternoon => (12 * 60, 18 * 60),
            PartOfDay::Evening => (16 * 60, 19 * 60),
            PartOfDay::Night => (18 * 60, 24 * 60),
            PartOfDay::LateNight => (22 * 60, 26 * 60),
        }
    }
}

/// When something happened, as precisely as the author knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// To the minute (seconds kept when given).
    Instant(DateTime<FixedOffset>),
    /// A day, optionally narrowed to a part of it; the zone says which day boundaries apply
    /// (a named zone's day of a daylight-saving change is 23 or 25 hours long).
    Day {
        date: NaiveDate,
        part: Option<PartOfDay>,
        zone: Zone,
    },
    /// Not known: kept in order but has no place on an axis.
    Unknown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimePoint {
    pub when: When,
    pub approx: Approx,
}

impl TimePoint {
    pub const UNKNOWN: TimePoint = TimePoint {
        when: When::Unknown,
        approx: Approx::Exact,
    };

    pub fn exact(at: DateTime<FixedOffset>) -> TimePoint {
        TimePoint {
            when: When::Instant(at),
            approx: Approx::Exact,
        }
    }

    /// The earliest instant this point can mean (start of the day or part of day).
    pub fn earliest(&self) -> Option<DateTime<FixedOffset>> {
        self.bounds().map(|(a, _)| a)
    }

    /// The latest instant this point can mean.
    pub fn latest(&self) -> Option<DateTime<FixedOffset>> {
        self.bounds().map(|(_, b)| b)
    }

    /// Midpoint-free ordering key: the earliest instant, as Unix milliseconds.
    pub fn sort_key(&self) -> Option<i64> {
        self.earliest().map(|t| t.timestamp_millis())
    }

    /// The interval of instants this point covers.
    pub fn bounds(&self) -> Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)> {
        match self.when {
            When::Instant(t) => Some((t, t)),
            When::Day { date, part, zone } => {
                // Wall-clock bounds: 早朝 is 4時～7時 on the clock, even on a change day.
                let (from, to) = part.map(PartOfDay::minutes).unwrap_or((0, 24 * 60));
                let midnight = date.and_hms_opt(0, 0, 0)?;
                let wall = |m: u32| zone.resolve(midnight + chrono::Duration::minutes(m.into()));
                Some((wall(from).instant(), wall(to).instant()))
            }
            When::Unknown => None,
        }
    }

    pub fn is_known(&self) -> bool {
        !matches!(self.when, When::Unknown)
    }
}

/// A start and an end; no end means still ongoing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub start: TimePoint,
    pub end: Option<TimePoint>,
}

impl Period {
    /// The end is the very instant of the start: records migrated from another tool often have
    /// it, meaning the end was never written down. Read as "end not stated", never as 0 minutes.
    pub fn ends_at_start(&self) -> bool {
        matches!(
            (self.start.when, self.end.map(|e| e.when)),
            (When::Instant(a), Some(When::Instant(b))) if a == b
        )
    }

    /// Length in minutes when both ends are on the axis. `None` when either end is only an
    /// observation (`as_of`): 「19時現在」 says how things stood, not when they stopped.
    pub fn duration_minutes(&self) -> Option<i64> {
        if self.start.approx == Approx::AsOf || self.end?.approx == Approx::AsOf {
            return None;
        }
        if self.ends_at_start() {
            return None;
        }
        let start = self.start.earliest()?;
        let end = self.end?.latest()?;
        Some((end - start).num_minutes())
    }
}
