//! Times of day and single points in words: the clocks and their qualifiers, conversion into
//! the report's zone, parts of the day, date-only points, local times, axis and zone labels.

use chrono::{FixedOffset, TimeZone};

use super::testing::*;
use super::*;
use crate::model::{Approx, DateStyle, Lang, PartOfDay, TimePoint};

// ---- times ----

#[test]
fn exact_24h_zero_padded_minutes() {
    assert_eq!(
        ja().time_point(&ex(at(2009, 7, 3, 17, 5))),
        "2009年7月3日(金)17時05分"
    );
}

#[test]
fn exact_on_the_hour_keeps_minutes() {
    assert_eq!(ja().time_of_day(&ex(at(2009, 7, 3, 9, 0))), "9時00分");
}

#[test]
fn about_with_minutes() {
    assert_eq!(
        ja().time_point(&tp(at(2009, 7, 3, 17, 5), Approx::About)),
        "2009年7月3日(金)17時05分頃"
    );
}

#[test]
fn about_on_the_hour_drops_minutes() {
    assert_eq!(
        ja().time_of_day(&tp(at(2009, 7, 3, 22, 0), Approx::About)),
        "22時頃"
    );
}

#[test]
fn after_and_until() {
    assert_eq!(
        ja12().time_of_day(&tp(at(2009, 7, 3, 21, 0), Approx::After)),
        "午後9時過ぎ"
    );
    assert_eq!(
        ja().time_of_day(&tp(at(2009, 7, 3, 21, 40), Approx::Until)),
        "21時40分まで"
    );
}

#[test]
fn twelve_hour_morning_and_evening() {
    assert_eq!(
        ja12().time_of_day(&ex(at(2016, 10, 11, 8, 55))),
        "午前8時55分"
    );
    assert_eq!(
        ja12().time_of_day(&tp(at(2016, 10, 11, 22, 0), Approx::About)),
        "午後10時頃"
    );
}

#[test]
fn twelve_hour_midnight_is_gozen_zero() {
    assert_eq!(ja12().time_of_day(&ex(at(2016, 10, 11, 0, 0))), "午前0時");
    assert_eq!(
        ja12().time_of_day(&ex(at(2016, 10, 11, 0, 30))),
        "午前0時30分"
    );
}

#[test]
fn twelve_hour_noon_is_shogo() {
    assert_eq!(ja12().time_of_day(&ex(at(2016, 10, 11, 12, 0))), "正午");
    assert_eq!(
        ja12().time_of_day(&tp(at(2016, 10, 11, 12, 0), Approx::About)),
        "正午頃"
    );
    assert_eq!(
        ja12().time_of_day(&ex(at(2016, 10, 11, 12, 15))),
        "午後0時15分"
    );
}

#[test]
fn never_gozen_twelve() {
    for h in 0..24 {
        for m in [0, 1, 30] {
            let s = ja12().time_of_day(&ex(at(2016, 10, 11, h, m)));
            assert!(!s.contains("12時"), "{h}:{m} → {s}");
        }
    }
}

#[test]
fn twenty_four_hour_midnight_and_noon() {
    assert_eq!(ja().time_of_day(&ex(at(2016, 10, 11, 0, 0))), "0時00分");
    assert_eq!(ja().time_of_day(&ex(at(2016, 10, 11, 12, 0))), "12時00分");
}

#[test]
fn seconds_are_not_shown() {
    let t = jst().with_ymd_and_hms(2009, 7, 3, 17, 5, 42).unwrap();
    assert_eq!(ja().time_of_day(&ex(t)), "17時05分");
}

#[test]
fn instant_converted_into_report_zone() {
    // 08:05 UTC is 17:05 in Japan.
    let utc = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2009, 7, 3, 8, 5, 0)
        .unwrap();
    assert_eq!(ja().time_point(&ex(utc)), "2009年7月3日(金)17時05分");
}

#[test]
fn conversion_crosses_the_date_line_backwards() {
    // 2009-07-03 01:00 JST is 2009-07-02 12:00 in New York summer time (-04:00).
    let f = Fmt::new(Lang::Ja, DateStyle::default(), offset(-4, 0));
    assert_eq!(
        f.time_point(&ex(at(2009, 7, 3, 1, 0))),
        "2009年7月2日(木)12時00分"
    );
}

#[test]
fn non_whole_hour_zone() {
    // India, +05:30.
    let f = Fmt::new(Lang::Ja, DateStyle::default(), offset(5, 30));
    assert_eq!(
        f.time_point(&ex(at(2020, 1, 1, 9, 0))),
        "2020年1月1日(水)5時30分"
    );
}

#[test]
fn conversion_crosses_new_year() {
    let utc = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2019, 12, 31, 15, 30, 0)
        .unwrap();
    assert_eq!(ja().time_point(&ex(utc)), "2020年1月1日(水)0時30分");
    assert_eq!(wareki().time_point(&ex(utc)), "令和2年1月1日(水)0時30分");
}

#[test]
fn part_of_day() {
    assert_eq!(
        ja().time_point(&part(day(2018, 7, 12), PartOfDay::EarlyMorning)),
        "2018年7月12日(木)早朝"
    );
    assert_eq!(
        ja().time_of_day(&part(day(2018, 7, 12), PartOfDay::Morning)),
        "午前中"
    );
    assert_eq!(
        ja().time_of_day(&part(day(2018, 7, 12), PartOfDay::Noon)),
        "昼頃"
    );
    assert_eq!(
        ja().time_of_day(&part(day(2018, 7, 12), PartOfDay::Evening)),
        "夕方"
    );
    assert_eq!(
        ja().time_of_day(&part(day(2018, 7, 12), PartOfDay::LateNight)),
        "深夜"
    );
}

#[test]
fn all_parts_of_day_named() {
    let names: Vec<String> = PartOfDay::ALL
        .iter()
        .map(|p| ja().time_of_day(&part(day(2018, 7, 12), *p)))
        .collect();
    assert_eq!(
        names,
        ["早朝", "午前中", "昼頃", "午後", "夕方", "夜", "深夜"]
    );
}

#[test]
fn part_of_day_until() {
    let t = TimePoint {
        approx: Approx::Until,
        ..part(day(2018, 7, 12), PartOfDay::Evening)
    };
    assert_eq!(ja().time_of_day(&t), "夕方まで");
    assert_eq!(en().time_of_day(&t), "until evening");
}

#[test]
fn date_only() {
    assert_eq!(ja().time_point(&bare(day(2009, 7, 3))), "2009年7月3日(金)");
    assert_eq!(ja().time_of_day(&bare(day(2009, 7, 3))), "");
}

#[test]
fn qualified_date_only_keeps_its_day_without_the_date() {
    let about = TimePoint {
        approx: Approx::About,
        ..bare(day(2009, 7, 3))
    };
    assert_eq!(ja().time_of_day(&about), "7月3日(金)頃");
    assert_eq!(en().time_of_day(&about), "around Fri, July 3");
}

#[test]
fn date_only_qualified() {
    let about = TimePoint {
        approx: Approx::About,
        ..bare(day(2009, 7, 3))
    };
    let after = TimePoint {
        approx: Approx::After,
        ..bare(day(2009, 7, 3))
    };
    assert_eq!(ja().time_point(&about), "2009年7月3日(金)頃");
    assert_eq!(ja().time_point(&after), "2009年7月3日(金)以降");
    assert_eq!(en().time_point(&about), "around Fri, July 3, 2009");
}

#[test]
fn day_is_not_shifted_into_zone() {
    let f = Fmt::new(Lang::Ja, DateStyle::default(), offset(-8, 0));
    assert_eq!(f.time_point(&bare(day(2009, 7, 3))), "2009年7月3日(金)");
}

#[test]
fn unknown_time() {
    assert_eq!(ja().time_point(&TimePoint::UNKNOWN), "時刻不明");
    assert_eq!(ja().time_of_day(&TimePoint::UNKNOWN), "時刻不明");
    assert_eq!(en().time_point(&TimePoint::UNKNOWN), "time unknown");
}

#[test]
fn english_times() {
    assert_eq!(
        en().time_point(&ex(at(2009, 7, 3, 17, 5))),
        "Fri, July 3, 2009, 17:05"
    );
    assert_eq!(
        en12().time_point(&tp(at(2009, 7, 3, 17, 5), Approx::About)),
        "Fri, July 3, 2009, about 5:05 PM"
    );
    assert_eq!(
        en12().time_of_day(&tp(at(2009, 7, 3, 21, 0), Approx::After)),
        "shortly after 9:00 PM"
    );
    assert_eq!(
        en().time_of_day(&tp(at(2009, 7, 3, 21, 40), Approx::Until)),
        "until 21:40"
    );
}

#[test]
fn english_noon_and_midnight() {
    assert_eq!(en12().time_of_day(&ex(at(2009, 7, 3, 12, 0))), "noon");
    assert_eq!(en12().time_of_day(&ex(at(2009, 7, 3, 0, 0))), "midnight");
    assert_eq!(en12().time_of_day(&ex(at(2009, 7, 3, 0, 5))), "12:05 AM");
    assert_eq!(en12().time_of_day(&ex(at(2009, 7, 3, 12, 5))), "12:05 PM");
}

#[test]
fn english_part_of_day() {
    assert_eq!(
        en().time_point(&part(day(2018, 7, 12), PartOfDay::EarlyMorning)),
        "Thu, July 12, 2018, early morning"
    );
}

#[test]
fn day_of_uses_zone() {
    let utc = FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2019, 12, 31, 15, 30, 0)
        .unwrap();
    assert_eq!(ja().day_of(&ex(utc)), Some(day(2020, 1, 1)));
    assert_eq!(ja().day_of(&TimePoint::UNKNOWN), None);
}

#[test]
fn instant_convenience() {
    assert_eq!(
        ja().instant(at(2009, 7, 3, 17, 5)),
        "2009年7月3日(金)17時05分"
    );
}

// ---- local time ----

#[test]
fn local_time_of_foreign_data_center() {
    // 15時頃 JST is 23時頃 the day before in California summer time (-07:00).
    let t = tp(at(2009, 7, 3, 15, 0), Approx::About);
    assert_eq!(
        ja().local_time(&t, offset(-7, 0)).as_deref(),
        Some("（現地時間7月2日23時頃）")
    );
    assert_eq!(
        ja12().local_time(&t, offset(-7, 0)).as_deref(),
        Some("（現地時間7月2日午後11時頃）")
    );
    assert_eq!(
        en12().local_time(&t, offset(-7, 0)).as_deref(),
        Some("(local time: July 2, about 11:00 PM)")
    );
}

#[test]
fn local_time_none_when_same_zone_or_not_instant() {
    let t = ex(at(2009, 7, 3, 15, 0));
    assert_eq!(ja().local_time(&t, jst()), None);
    assert_eq!(ja().local_time(&bare(day(2009, 7, 3)), offset(-7, 0)), None);
    assert_eq!(ja().local_time(&TimePoint::UNKNOWN, offset(-7, 0)), None);
}

// ---- axis and zone ----

#[test]
fn axis_labels() {
    assert_eq!(ja().axis_day(day(2016, 10, 11)), "10/11(火)");
    assert_eq!(en().axis_day(day(2016, 10, 11)), "Tue 10/11");
    assert_eq!(ja().axis_time(8, 0), "08:00");
}

#[test]
fn zone_labels() {
    assert_eq!(ja().zone_label(), "UTC+09:00 (JST)");
    assert_eq!(
        Fmt::new(Lang::Ja, DateStyle::default(), offset(-5, 0)).zone_label(),
        "UTC-05:00"
    );
    assert_eq!(
        Fmt::new(Lang::En, DateStyle::default(), offset(5, 30)).zone_label(),
        "UTC+05:30"
    );
    assert_eq!(
        Fmt::new(Lang::En, DateStyle::default(), offset(-3, -30)).zone_label(),
        "UTC-03:30"
    );
}

#[test]
fn twelve_hour_clock_covers_every_minute_once() {
    let mut seen = std::collections::HashSet::new();
    for h in 0..24 {
        for m in 0..60 {
            let text = ja12().time_of_day(&ex(at(2016, 10, 11, h, m)));
            assert!(seen.insert(text.clone()), "{h}:{m} → {text} twice");
            assert!(
                text == "正午" || text.starts_with("午前") || text.starts_with("午後"),
                "{text}"
            );
        }
    }
}
