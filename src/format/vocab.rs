//! The format's vocabulary: the codes a file may use for each enumerated field, their
//! conversions to and from the model, and the small parsers for dates, offsets and due dates.
//!
//! One home, because the decoder reads these words, the writer (`export`) writes them, the
//! Statuspage import produces them and the JSON Schema lists them; the schema test checks that
//! the lists here match the schema.

use chrono::{FixedOffset, NaiveDate};

use crate::model::{
    ActorRole, Approx, Clock, Closing, Due, Form, MeasureStatus, Opening, PartOfDay,
};

pub const REPORT_KINDS: &[&str] = &["first", "interim", "final", "recovery"];
pub const APPROX_CODES: &[&str] = &["exact", "about", "after", "until", "before", "as_of"];
pub const PART_CODES: &[&str] = &[
    "early_morning",
    "morning",
    "noon",
    "afternoon",
    "evening",
    "night",
    "late_night",
];
pub const ROLE_CODES: &[&str] = &[
    "us",
    "datacenter",
    "vendor",
    "monitoring",
    "customer",
    "other",
];
pub const LEVEL_CODES: &[&str] = &[
    "outage",
    "partial",
    "degraded",
    "maintenance",
    "operational",
];
pub const KIND_CODES: &[&str] = &[
    "occurrence",
    "detection",
    "action",
    "notice",
    "eta",
    "recovery",
    "report",
];
pub const STATUS_CODES: &[&str] = &["planned", "in_progress", "done"];
pub const OPENINGS: &[&str] = &["拝啓", "謹啓"];
pub const CLOSINGS: &[&str] = &["敬具", "謹白", "敬白"];
pub const ITEM_CODES: &[&str] = &[
    "period", "services", "impact", "cause", "actions", "measures", "data", "sections", "timeline",
];
pub const CALENDARS: &[&str] = &["gregorian", "japanese"];
pub const CLOCKS: &[&str] = &["24h", "12h", "hh:mm"];
pub const FORMS: &[&str] = &["letter", "notice"];

pub fn clock_from_code(s: &str) -> Option<Clock> {
    match s {
        "24h" => Some(Clock::H24),
        "12h" => Some(Clock::H12),
        "hh:mm" => Some(Clock::Hhmm),
        _ => None,
    }
}

pub fn form_from_code(s: &str) -> Option<Form> {
    match s {
        "letter" => Some(Form::Letter),
        "notice" => Some(Form::Notice),
        _ => None,
    }
}

pub fn part_from_code(code: &str) -> Option<PartOfDay> {
    PART_CODES
        .iter()
        .position(|c| *c == code)
        .map(|i| PartOfDay::ALL[i])
}

pub fn part_code(part: PartOfDay) -> &'static str {
    PART_CODES[PartOfDay::ALL.iter().position(|p| *p == part).unwrap_or(0)]
}

/// Parses "+09:00", "-05:30", "Z".
pub fn parse_offset(s: &str) -> Option<FixedOffset> {
    if s == "Z" || s == "z" {
        return FixedOffset::east_opt(0);
    }
    let b = s.as_bytes();
    if b.len() != 6 || b[3] != b':' {
        return None;
    }
    let sign = match b[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let h: i32 = s.get(1..3)?.parse().ok()?;
    let m: i32 = s.get(4..6)?.parse().ok()?;
    if h > 23 || m > 59 || !s[1..3].bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// Parses a date written strictly as YYYY-MM-DD.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// ①…⑳, then (21), (22)… .
pub fn circled(n: usize) -> String {
    match n {
        1..=20 => char::from_u32(0x2460 + n as u32 - 1)
            .map(String::from)
            .unwrap_or_default(),
        _ => format!("({n})"),
    }
}

pub fn parse_due(s: &str) -> Option<Due> {
    if let Some(d) = parse_date(s) {
        return Some(Due::Day(d));
    }
    if s.len() == 7 && s.as_bytes()[4] == b'-' {
        let year: i32 = s[..4].parse().ok()?;
        let month: u32 = s[5..].parse().ok()?;
        if (1..=12).contains(&month) && s[..4].bytes().all(|b| b.is_ascii_digit()) {
            return Some(Due::Month { year, month });
        }
    }
    None
}

pub fn approx_from_code(s: &str) -> Option<Approx> {
    match s {
        "exact" => Some(Approx::Exact),
        "about" => Some(Approx::About),
        "after" => Some(Approx::After),
        "until" => Some(Approx::Until),
        "before" => Some(Approx::Before),
        "as_of" => Some(Approx::AsOf),
        _ => None,
    }
}

pub fn approx_code(a: Approx) -> &'static str {
    match a {
        Approx::Exact => "exact",
        Approx::About => "about",
        Approx::After => "after",
        Approx::Until => "until",
        Approx::Before => "before",
        Approx::AsOf => "as_of",
    }
}

pub fn role_from_code(s: &str) -> Option<ActorRole> {
    match s {
        "us" => Some(ActorRole::Us),
        "datacenter" => Some(ActorRole::DataCenter),
        "vendor" => Some(ActorRole::Vendor),
        "monitoring" => Some(ActorRole::Monitoring),
        "customer" => Some(ActorRole::Customer),
        "other" => Some(ActorRole::Other),
        _ => None,
    }
}

pub fn role_code(r: ActorRole) -> &'static str {
    match r {
        ActorRole::Us => "us",
        ActorRole::DataCenter => "datacenter",
        ActorRole::Vendor => "vendor",
        ActorRole::Monitoring => "monitoring",
        ActorRole::Customer => "customer",
        ActorRole::Other => "other",
    }
}

pub fn status_from_code(s: &str) -> Option<MeasureStatus> {
    match s {
        "planned" => Some(MeasureStatus::Planned),
        "in_progress" => Some(MeasureStatus::InProgress),
        "done" => Some(MeasureStatus::Done),
        _ => None,
    }
}

pub fn status_code(s: MeasureStatus) -> &'static str {
    match s {
        MeasureStatus::Planned => "planned",
        MeasureStatus::InProgress => "in_progress",
        MeasureStatus::Done => "done",
    }
}

pub fn opening_from_text(s: &str) -> Option<Opening> {
    match s {
        "拝啓" => Some(Opening::Haikei),
        "謹啓" => Some(Opening::Kinkei),
        _ => None,
    }
}

pub fn closing_from_text(s: &str) -> Option<Closing> {
    match s {
        "敬具" => Some(Closing::Keigu),
        "謹白" => Some(Closing::Kinpaku),
        "敬白" => Some(Closing::Keihaku),
        _ => None,
    }
}
