//! Periods and lengths in words: what a range drops of its dates, ongoing and unknown ends,
//! exact and rounded durations, and rounding that stays close over a month of minutes.

use chrono::{FixedOffset, TimeZone};

use super::durations::round_like_people;
use super::testing::*;
use super::*;
use crate::model::{Approx, DateStyle, Lang, PartOfDay, TimePoint};

// ---- periods ----

#[test]
fn period_inside_one_day_drops_date() {
    let p = period(
        ex(at(2016, 10, 11, 8, 55)),
        Some(tp(at(2016, 10, 11, 22, 0), Approx::About)),
    );
    assert_eq!(
        ja12().period(&p),
        "2016年10月11日(火)午前8時55分～午後10時頃"
    );
}

#[test]
fn period_across_days_drops_year() {
    let p = period(ex(at(2009, 7, 2, 15, 0)), Some(ex(at(2009, 7, 3, 9, 30))));
    assert_eq!(
        ja().period(&p),
        "2009年7月2日(木)15時00分～7月3日(金)9時30分"
    );
}

#[test]
fn period_within_context_year_drops_start_year() {
    let p = period(ex(at(2009, 7, 2, 15, 0)), Some(ex(at(2009, 7, 3, 9, 30))));
    assert_eq!(
        ja().period_within(&p, Some(day(2009, 7, 1))),
        "7月2日(木)15時00分～7月3日(金)9時30分"
    );
    assert_eq!(
        ja().period_within(&p, Some(day(2008, 7, 1))),
        "2009年7月2日(木)15時00分～7月3日(金)9時30分"
    );
}

#[test]
fn period_across_years_keeps_both_years() {
    let p = period(ex(at(2018, 12, 31, 23, 0)), Some(ex(at(2019, 1, 1, 2, 0))));
    assert_eq!(
        ja().period(&p),
        "2018年12月31日(月)23時00分～2019年1月1日(火)2時00分"
    );
}

#[test]
fn period_across_era_boundary_keeps_both_eras() {
    let p = period(ex(at(2019, 4, 30, 22, 0)), Some(ex(at(2019, 5, 1, 3, 0))));
    assert_eq!(
        wareki().period(&p),
        "平成31年4月30日(火)22時00分～令和元年5月1日(水)3時00分"
    );
}

#[test]
fn period_same_era_year_drops_it() {
    let p = period(ex(at(2019, 5, 1, 22, 0)), Some(ex(at(2019, 5, 2, 3, 0))));
    assert_eq!(
        wareki().period(&p),
        "令和元年5月1日(水)22時00分～5月2日(木)3時00分"
    );
}

#[test]
fn period_over_leap_day() {
    let p = period(ex(at(2024, 2, 28, 23, 0)), Some(ex(at(2024, 3, 1, 1, 0))));
    assert_eq!(
        ja().period(&p),
        "2024年2月28日(水)23時00分～3月1日(金)1時00分"
    );
    assert_eq!(ja().period_duration(&p).as_deref(), Some("1日と2時間"));
}

#[test]
fn ongoing_period() {
    let p = period(ex(at(2026, 3, 1, 8, 55)), None);
    assert_eq!(ja().period(&p), "2026年3月1日(日)8時55分～継続中");
    assert_eq!(en().period(&p), "Sun, March 1, 2026, 08:55 – ongoing");
}

#[test]
fn period_with_unknown_start() {
    let p = period(TimePoint::UNKNOWN, Some(ex(at(2026, 3, 1, 8, 55))));
    assert_eq!(ja().period(&p), "時刻不明～2026年3月1日(日)8時55分");
}

#[test]
fn period_of_part_of_day_to_instant() {
    let p = period(
        part(day(2018, 7, 12), PartOfDay::EarlyMorning),
        Some(ex(at(2018, 7, 12, 10, 0))),
    );
    assert_eq!(ja().period(&p), "2018年7月12日(木)早朝～10時00分");
}

#[test]
fn period_of_bare_days() {
    let p = period(bare(day(2018, 7, 1)), Some(bare(day(2018, 7, 13))));
    assert_eq!(ja().period(&p), "2018年7月1日(日)～7月13日(金)");
    let one = period(bare(day(2018, 7, 1)), Some(bare(day(2018, 7, 1))));
    assert_eq!(ja().period(&one), "2018年7月1日(日)");
    let until = TimePoint {
        approx: Approx::Until,
        ..bare(day(2018, 7, 1))
    };
    assert_eq!(
        ja().period(&period(bare(day(2018, 7, 1)), Some(until))),
        "2018年7月1日(日)～7月1日(日)まで"
    );
}

#[test]
fn period_converted_into_zone_across_day() {
    // 22:00-23:30 JST seen from UTC is one day: 13:00-14:30.
    let f = Fmt::new(Lang::Ja, DateStyle::default(), offset(0, 0));
    let p = period(ex(at(2009, 7, 3, 22, 0)), Some(ex(at(2009, 7, 3, 23, 30))));
    assert_eq!(f.period(&p), "2009年7月3日(金)13時00分～14時30分");
    // 08:00-10:00 JST seen from UTC straddles midnight.
    let q = period(ex(at(2009, 7, 3, 8, 0)), Some(ex(at(2009, 7, 3, 10, 0))));
    assert_eq!(f.period(&q), "2009年7月2日(木)23時00分～7月3日(金)1時00分");
}

#[test]
fn english_period_same_day() {
    let p = period(
        ex(at(2016, 10, 11, 8, 55)),
        Some(tp(at(2016, 10, 11, 22, 0), Approx::About)),
    );
    assert_eq!(
        en12().period(&p),
        "Tue, October 11, 2016, 8:55 AM – about 10:00 PM"
    );
}

#[test]
fn english_period_across_days_repeats_date() {
    let p = period(ex(at(2009, 7, 2, 15, 0)), Some(ex(at(2009, 7, 3, 9, 30))));
    assert_eq!(
        en().period(&p),
        "Thu, July 2, 2009, 15:00 – Fri, July 3, 2009, 09:30"
    );
}

// ---- durations ----

#[test]
fn exact_durations() {
    assert_eq!(ja().duration(13 * 60 + 5, false), "13時間5分");
    assert_eq!(ja().duration(45, false), "45分");
    assert_eq!(ja().duration(120, false), "2時間");
    assert_eq!(ja().duration(0, false), "0分");
}

#[test]
fn durations_over_a_day() {
    assert_eq!(
        ja().duration(24 * 60 + 4 * 60 + 35, false),
        "1日と4時間35分"
    );
    assert_eq!(ja().duration(24 * 60 + 4 * 60, false), "1日と4時間");
    assert_eq!(ja().duration(24 * 60 + 35, false), "1日と35分");
    assert_eq!(ja().duration(13 * 24 * 60, false), "13日間");
}

#[test]
fn approximate_durations_rounded() {
    assert_eq!(ja().duration(13 * 60 + 5, true), "約13時間5分");
    assert_eq!(ja().duration(2 * 60 + 2, true), "約2時間");
    assert_eq!(ja().duration(2 * 60 + 3, true), "約2時間5分");
    assert_eq!(ja().duration(7, true), "約7分");
    assert_eq!(ja().duration(43, true), "約45分");
}

#[test]
fn approximate_long_durations_rounded() {
    assert_eq!(ja().duration(24 * 60 + 4 * 60 + 35, true), "約1日と5時間");
    assert_eq!(ja().duration(13 * 24 * 60 + 5 * 60, true), "約13日間");
    assert_eq!(ja().duration(23 * 60 + 58, true), "約1日間");
}

#[test]
fn negative_duration_is_zero() {
    assert_eq!(ja().duration(-5, false), "0分");
}

#[test]
fn english_durations() {
    assert_eq!(en().duration(13 * 60 + 5, true), "about 13 hours 5 minutes");
    assert_eq!(
        en().duration(24 * 60 + 60 + 1, false),
        "1 day 1 hour 1 minute"
    );
    assert_eq!(en().duration(13 * 24 * 60, false), "13 days");
    assert_eq!(en().duration(0, false), "0 minutes");
}

#[test]
fn period_duration_approx_when_an_end_is() {
    let p = period(
        ex(at(2016, 10, 11, 8, 55)),
        Some(tp(at(2016, 10, 11, 22, 0), Approx::About)),
    );
    assert_eq!(ja().period_duration(&p).as_deref(), Some("約13時間5分"));
}

#[test]
fn period_duration_exact() {
    let p = period(ex(at(2009, 7, 2, 15, 0)), Some(ex(at(2009, 7, 3, 19, 35))));
    assert_eq!(ja().period_duration(&p).as_deref(), Some("1日と4時間35分"));
}

#[test]
fn period_duration_bare_days_count_inclusively() {
    let p = period(bare(day(2018, 7, 1)), Some(bare(day(2018, 7, 13))));
    assert_eq!(ja().period_duration(&p).as_deref(), Some("13日間"));
}

#[test]
fn period_duration_none_when_open_unknown_or_reversed() {
    assert_eq!(
        ja().period_duration(&period(ex(at(2009, 7, 2, 15, 0)), None)),
        None
    );
    assert_eq!(
        ja().period_duration(&period(TimePoint::UNKNOWN, Some(ex(at(2009, 7, 2, 15, 0))))),
        None
    );
    assert_eq!(
        ja().period_duration(&period(
            ex(at(2009, 7, 2, 15, 0)),
            Some(ex(at(2009, 7, 2, 14, 0)))
        )),
        None
    );
}

#[test]
fn period_duration_across_offsets() {
    // 10:00 JST to 03:00 UTC is exactly two hours.
    let utc = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2009, 7, 2, 3, 0, 0)
        .unwrap();
    let p = period(ex(at(2009, 7, 2, 10, 0)), Some(ex(utc)));
    assert_eq!(ja().period_duration(&p).as_deref(), Some("2時間"));
}

#[test]
fn approximate_durations_stay_close() {
    for m in 60..(30 * 24 * 60) {
        let rounded = round_like_people(m);
        // Within 8% of the real length (a week rounded to the day is the loosest step).
        assert!((rounded - m).abs() * 100 <= m * 8, "{m} → {rounded}");
    }
}
