//! Times: instants, dates, offsets, time points (a string, null or an object) and the fields
//! `at` / `date` / `part` / `approx` shared by time objects and timeline events; and the zone a
//! report is shown in when the file gives none.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

use crate::model::timefmt::Fmt;
use crate::model::zone::Local;

use super::*;
use crate::format::json::{Node, Value};
use crate::format::problem::ProblemKind;
use crate::format::schema as raw;
use crate::format::vocab::*;
use crate::format::walk::Walker;

pub(super) enum InstantError {
    Bad,
    NoOffset,
}

pub(super) fn parse_instant(s: &str) -> Result<DateTime<FixedOffset>, InstantError> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t);
    }
    // Seconds are often left out by hand: "2026-03-01T08:55+09:00", "2026-03-01T08:55Z".
    if let Ok(t) = DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M%:z") {
        return Ok(t);
    }
    if let Some(utc) = s.strip_suffix(['Z', 'z']) {
        if let Ok(t) = NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M") {
            return Ok(t.and_utc().fixed_offset());
        }
    }
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"));
    if naive.is_ok() {
        return Err(InstantError::NoOffset);
    }
    Err(InstantError::Bad)
}

impl Cx {
    pub(super) fn date(&mut self, node: &Node) -> Option<NaiveDate> {
        let s = self.string_any(node)?;
        let d = parse_date(&s);
        if d.is_none() {
            self.error(node.pos, ProblemKind::BadDate(s));
        }
        d
    }

    /// A `zone`: an offset (`+09:00`) or an IANA name (`America/New_York`). An unknown name is
    /// a warning saying which zone is used instead (`fallback`, or each report's own guess when
    /// `None`); the document still opens.
    pub(super) fn zone(&mut self, node: &Node, fallback: Option<FixedOffset>) -> Option<Zone> {
        let s = self.string_any(node)?;
        if let Some(o) = parse_offset(&s) {
            return Some(Zone::Fixed(o));
        }
        if !s.starts_with(|c: char| c.is_ascii_alphabetic()) {
            self.error(node.pos, ProblemKind::BadOffset(s));
            return None;
        }
        let zone = Zone::named(&s);
        if zone.is_none() {
            let fallback =
                fallback.map(|o| Fmt::new(Lang::En, DateStyle::default(), o).zone_label());
            self.warn(
                node.pos,
                ProblemKind::UnknownZone {
                    name: s,
                    fallback: fallback.unwrap_or_default(),
                },
            );
        }
        zone
    }

    pub(super) fn offset(&mut self, node: &Node) -> Option<FixedOffset> {
        let s = self.string_any(node)?;
        let o = parse_offset(&s);
        if o.is_none() {
            self.error(node.pos, ProblemKind::BadOffset(s));
        }
        o
    }

    pub(super) fn instant(&mut self, node: &Node) -> Option<DateTime<FixedOffset>> {
        let s = self.string_any(node)?;
        match parse_instant(&s) {
            Ok(t) => Some(t),
            Err(InstantError::NoOffset) => match self.stated_zone {
                Some(zone) => Some(self.wall_clock(node, &s, zone)),
                None => {
                    self.error(node.pos, ProblemKind::MissingOffset(s));
                    None
                }
            },
            Err(InstantError::Bad) => {
                // A bare date in an `at` field is a common slip; say which field to use.
                let kind = if parse_date(&s).is_some() {
                    ProblemKind::DateInAt(s)
                } else if s.len() == 10 {
                    ProblemKind::BadDate(s)
                } else {
                    ProblemKind::BadInstant(s)
                };
                self.error(node.pos, kind);
                None
            }
        }
    }

    /// A time written without an offset, read on the stated zone's clock; a time the clock
    /// skipped or showed twice at a daylight-saving change is read and warned about.
    fn wall_clock(&mut self, node: &Node, s: &str, zone: Zone) -> DateTime<FixedOffset> {
        let wall = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
            .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
            .unwrap_or_default();
        let local = zone.resolve(wall);
        let read_as = local.instant().to_rfc3339();
        match local {
            Local::Single(_) => {}
            Local::Skipped(_) => self.warn(
                node.pos,
                ProblemKind::SkippedLocalTime {
                    time: s.to_string(),
                    read_as,
                },
            ),
            Local::Twice(..) => self.warn(
                node.pos,
                ProblemKind::RepeatedLocalTime {
                    time: s.to_string(),
                    read_as,
                },
            ),
        }
        local.instant()
    }

    /// A time point written as a string ("2026-03-01T08:55:00+09:00" or "2026-03-01"), null
    /// (unknown), or an object with `at` / `date` / `part` / `approx`.
    pub(super) fn time_point(&mut self, node: &Node, zone: Zone) -> Option<TimePoint> {
        match &node.value {
            Value::Null => Some(TimePoint::UNKNOWN),
            Value::String(s) => {
                if s.len() == 10 {
                    let date = self.date(node)?;
                    Some(TimePoint {
                        when: When::Day {
                            date,
                            part: None,
                            zone,
                        },
                        approx: Approx::Exact,
                    })
                } else {
                    self.instant(node).map(TimePoint::exact)
                }
            }
            Value::Object(_) => {
                let obj = self.object::<raw::TimeFields>(node)?;
                self.time_fields(&obj, zone)
            }
            _ => {
                self.wrong_type(node, "string, object or null");
                None
            }
        }
    }

    /// The time fields shared by time objects and timeline events.
    pub(super) fn time_fields(&mut self, obj: &Obj<'_>, zone: Zone) -> Option<TimePoint> {
        let approx = self.opt(obj, "approx", |cx, n| {
            cx.one_of(n, APPROX_CODES, approx_from_code)
        });
        let part = self.opt(obj, "part", |cx, n| {
            cx.one_of(n, PART_CODES, part_from_code)
        });
        let at_node = obj.get("at");
        let date_node = obj.get("date");
        let when = match (at_node, date_node) {
            (Some(_), Some(d)) => {
                self.in_key("date", |cx| cx.error(d.pos, ProblemKind::AtAndDate));
                return None;
            }
            (Some(_), None) => {
                if let (Some(_), Some(n)) = (part, obj.get("part")) {
                    // A part of day only narrows a date; with an exact time it says nothing.
                    self.in_key("part", |cx| cx.warn(n.pos, ProblemKind::PartWithAt));
                }
                When::Instant(self.opt(obj, "at", |cx, n| cx.instant(n))?)
            }
            (None, Some(_)) => {
                let date = self.opt(obj, "date", |cx, n| cx.date(n))?;
                When::Day { date, part, zone }
            }
            (None, None) => When::Unknown,
        };
        Some(TimePoint {
            when,
            approx: approx.unwrap_or_default(),
        })
    }
}

/// The zone used when none is given: the offset of the incident's start, else of the first
/// timed event, else the language's usual zone.
pub(super) fn guess_zone(obj: &Obj<'_>, lang: Lang) -> FixedOffset {
    let from_node = |n: &Node| -> Option<FixedOffset> {
        let s = match &n.value {
            Value::String(s) => s,
            Value::Object(m) => match &m.iter().find(|(k, _)| k.name == "at")?.1.value {
                Value::String(s) => s,
                _ => return None,
            },
            _ => return None,
        };
        parse_instant(s).ok().map(|t| *t.offset())
    };
    pub(super) fn member<'n>(n: &'n Node, name: &str) -> Option<&'n Node> {
        let Value::Object(m) = &n.value else {
            return None;
        };
        m.iter().find(|(k, _)| k.name == name).map(|(_, v)| v)
    }
    // Without its own start, the incident starts with its phases: the first one that has an
    // instant.
    let incident_start = obj.get("incident").and_then(|i| {
        member(i, "start").and_then(from_node).or_else(|| {
            let phases = member(i, "phases")?;
            let Value::Array(items) = &phases.value else {
                return None;
            };
            items
                .iter()
                .find_map(|p| member(p, "start").and_then(from_node))
        })
    });
    let first_event = || {
        let Value::Array(items) = &obj.get("timeline")?.value else {
            return None;
        };
        items.iter().find_map(from_node)
    };
    incident_start
        .or_else(first_event)
        .unwrap_or_else(|| match lang {
            Lang::Ja => FixedOffset::east_opt(9 * 3600).expect("valid offset"),
            Lang::En => FixedOffset::east_opt(0).expect("valid offset"),
        })
}
