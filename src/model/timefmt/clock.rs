//! Times of day in words: the 24-hour, `HH:MM` and 午前/午後 clocks with their qualifiers
//! (頃, 過ぎ, まで…; `about`, `until`…), parts of the day (早朝, 夕方…), the other party's local
//! time and the timeline axis's tick labels. Minutes are dropped only for approximate times on
//! the hour (see the module doc of [`super`]).

use chrono::{FixedOffset, Timelike};

use super::Fmt;
use crate::model::{Approx, Clock, Lang, PartOfDay, TimePoint, When};

fn part_ja(part: PartOfDay) -> &'static str {
    match part {
        PartOfDay::EarlyMorning => "早朝",
        PartOfDay::Morning => "午前中",
        PartOfDay::Noon => "昼頃",
        PartOfDay::Afternoon => "午後",
        PartOfDay::Evening => "夕方",
        PartOfDay::Night => "夜",
        PartOfDay::LateNight => "深夜",
    }
}

fn part_en(part: PartOfDay) -> &'static str {
    match part {
        PartOfDay::EarlyMorning => "early morning",
        PartOfDay::Morning => "morning",
        PartOfDay::Noon => "around noon",
        PartOfDay::Afternoon => "afternoon",
        PartOfDay::Evening => "evening",
        PartOfDay::Night => "night",
        PartOfDay::LateNight => "late night",
    }
}

impl Fmt {
    /// A clock reading with its qualifier: `17時05分頃`, `午後10時頃`, `正午`, `about 5:05 PM`.
    pub(super) fn clock(&self, hour: u32, minute: u32, approx: Approx) -> String {
        match self.lang {
            Lang::Ja => {
                let loose_on_hour = minute == 0 && approx != Approx::Exact;
                let body = match self.style.clock {
                    Clock::H24 if loose_on_hour => format!("{hour}時"),
                    Clock::H24 => format!("{hour}時{minute:02}分"),
                    // As the writer's table has it: digits, never shortened.
                    Clock::Hhmm => format!("{hour:02}:{minute:02}"),
                    Clock::H12 if hour == 12 && minute == 0 => "正午".to_string(),
                    Clock::H12 if hour == 0 && minute == 0 => "午前0時".to_string(),
                    Clock::H12 => {
                        let half = if hour < 12 { "午前" } else { "午後" };
                        if loose_on_hour {
                            format!("{half}{}時", hour % 12)
                        } else {
                            format!("{half}{}時{minute:02}分", hour % 12)
                        }
                    }
                };
                let suffix = match approx {
                    Approx::Exact => "",
                    Approx::About => "頃",
                    Approx::After => "過ぎ",
                    Approx::Until => "まで",
                    Approx::Before => "前",
                    Approx::AsOf => "現在",
                };
                format!("{body}{suffix}")
            }
            Lang::En => {
                let body = match self.style.clock {
                    Clock::H24 | Clock::Hhmm => format!("{hour:02}:{minute:02}"),
                    Clock::H12 if hour == 12 && minute == 0 => "noon".to_string(),
                    Clock::H12 if hour == 0 && minute == 0 => "midnight".to_string(),
                    Clock::H12 => {
                        let half = if hour < 12 { "AM" } else { "PM" };
                        let h = if hour.is_multiple_of(12) {
                            12
                        } else {
                            hour % 12
                        };
                        format!("{h}:{minute:02} {half}")
                    }
                };
                format!("{}{body}", qualifier_en(approx))
            }
        }
    }

    /// A part of day with the only qualifier that changes its meaning (まで).
    pub(super) fn part(&self, part: PartOfDay, approx: Approx) -> String {
        match self.lang {
            Lang::Ja if approx == Approx::Until => format!("{}まで", part_ja(part)),
            Lang::Ja => part_ja(part).to_string(),
            Lang::En if approx == Approx::Until => format!("until {}", part_en(part)),
            Lang::En => part_en(part).to_string(),
        }
    }

    /// The other party's local time beside ours: `（現地時間7月2日23時頃）`. `None` for a point
    /// that is not an instant, or when the offset is the report's own (it would say nothing).
    pub fn local_time(&self, t: &TimePoint, offset: FixedOffset) -> Option<String> {
        let When::Instant(at) = t.when else {
            return None;
        };
        if offset == self.zone.offset_at(&at) {
            return None;
        }
        let local = at.with_timezone(&offset);
        let day = self.month_day_plain(local.date_naive());
        let clock = self.clock(local.hour(), local.minute(), t.approx);
        Some(match self.lang {
            Lang::Ja => format!("（現地時間{day}{clock}）"),
            Lang::En => format!("(local time: {day}, {clock})"),
        })
    }

    /// A tick label on the timeline axis, in the document's clock style so the figure reads like
    /// the text beside it: `08:00` on a 24-hour clock (both styles: compact and unambiguous),
    /// `午前8時` / `午後2時30分` / `正午` on the 12-hour clock (English `8 AM`, `2:30 PM`).
    pub fn axis_time(&self, hour: u32, minute: u32) -> String {
        match (self.lang, self.style.clock) {
            (_, Clock::H24 | Clock::Hhmm) => format!("{hour:02}:{minute:02}"),
            (Lang::Ja, Clock::H12) => self.clock(hour, minute, Approx::About).replace('頃', ""),
            (Lang::En, Clock::H12) => {
                let half = if hour < 12 { "AM" } else { "PM" };
                let h = if hour.is_multiple_of(12) {
                    12
                } else {
                    hour % 12
                };
                if minute == 0 {
                    format!("{h} {half}")
                } else {
                    format!("{h}:{minute:02} {half}")
                }
            }
        }
    }
}

fn qualifier_en(approx: Approx) -> &'static str {
    match approx {
        Approx::Exact => "",
        Approx::About => "about ",
        Approx::After => "shortly after ",
        Approx::Until => "until ",
        Approx::Before => "shortly before ",
        Approx::AsOf => "as of ",
    }
}
