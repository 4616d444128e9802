//! Days, years and eras in words: 西暦 and 和暦 across era changes, English dates, target
//! dates, and every day of a century written as people write it.

use chrono::Datelike;

use super::dates::ERAS;
use super::testing::*;
use super::*;
use crate::model::{Calendar, Clock, DateStyle, Due, Lang};

// ---- dates ----

#[test]
fn seireki_date_with_weekday() {
    assert_eq!(ja().date(day(2009, 7, 3)), "2009年7月3日(金)");
}

#[test]
fn reiwa_date() {
    assert_eq!(wareki().date(day(2026, 3, 4)), "令和8年3月4日(水)");
}

#[test]
fn reiwa_first_day_is_gannen() {
    assert_eq!(wareki().date(day(2019, 5, 1)), "令和元年5月1日(水)");
}

#[test]
fn heisei_last_day() {
    assert_eq!(wareki().date(day(2019, 4, 30)), "平成31年4月30日(火)");
}

#[test]
fn reiwa_second_year_starts_on_new_year() {
    assert_eq!(wareki().date(day(2019, 12, 31)), "令和元年12月31日(火)");
    assert_eq!(wareki().date(day(2020, 1, 1)), "令和2年1月1日(水)");
}

#[test]
fn heisei_first_day_is_gannen() {
    assert_eq!(wareki().date(day(1989, 1, 8)), "平成元年1月8日(日)");
}

#[test]
fn showa_last_day() {
    assert_eq!(wareki().date(day(1989, 1, 7)), "昭和64年1月7日(土)");
}

#[test]
fn showa_first_day_and_before() {
    assert_eq!(wareki().date(day(1926, 12, 25)), "昭和元年12月25日(土)");
    assert_eq!(wareki().date(day(1926, 12, 24)), "1926年12月24日(金)");
}

#[test]
fn leap_day() {
    assert_eq!(ja().date(day(2024, 2, 29)), "2024年2月29日(木)");
    assert_eq!(wareki().date(day(2024, 2, 29)), "令和6年2月29日(木)");
    assert_eq!(en().date(day(2024, 2, 29)), "Thu, February 29, 2024");
}

#[test]
fn english_date() {
    assert_eq!(en().date(day(2009, 7, 3)), "Fri, July 3, 2009");
}

#[test]
fn english_ignores_japanese_calendar() {
    let f = Fmt::new(
        Lang::En,
        DateStyle {
            calendar: Calendar::Japanese,
            clock: Clock::H24,
        },
        jst(),
    );
    assert_eq!(f.date(day(2019, 5, 1)), "Wed, May 1, 2019");
}

#[test]
fn date_without_weekday() {
    assert_eq!(ja().date_without_weekday(day(2026, 3, 4)), "2026年3月4日");
    assert_eq!(
        wareki().date_without_weekday(day(2026, 3, 4)),
        "令和8年3月4日"
    );
    assert_eq!(en().date_without_weekday(day(2026, 3, 4)), "March 4, 2026");
}

#[test]
fn month_day() {
    assert_eq!(ja().month_day(day(2009, 7, 2)), "7月2日(木)");
    assert_eq!(en().month_day(day(2009, 7, 2)), "Thu, July 2");
}

#[test]
fn era_year_function() {
    assert_eq!(era_year(day(2019, 5, 1)), Some(("令和", 1)));
    assert_eq!(era_year(day(2019, 4, 30)), Some(("平成", 31)));
    assert_eq!(era_year(day(1900, 1, 1)), None);
}

// ---- due dates ----

#[test]
fn due_dates() {
    assert_eq!(ja().due(&Due::Day(day(2026, 4, 15))), "2026年4月15日");
    assert_eq!(
        ja().due(&Due::Month {
            year: 2026,
            month: 4
        }),
        "2026年4月末まで"
    );
    assert_eq!(
        wareki().due(&Due::Month {
            year: 2026,
            month: 4
        }),
        "令和8年4月末まで"
    );
    assert_eq!(
        en().due(&Due::Month {
            year: 2026,
            month: 4
        }),
        "by the end of April 2026"
    );
    assert_eq!(en().due(&Due::Day(day(2026, 4, 15))), "April 15, 2026");
}

#[test]
fn due_month_of_era_change_uses_its_end() {
    assert_eq!(
        wareki().due(&Due::Month {
            year: 2019,
            month: 4
        }),
        "平成31年4月末まで"
    );
    assert_eq!(
        wareki().due(&Due::Month {
            year: 2019,
            month: 5
        }),
        "令和元年5月末まで"
    );
    assert_eq!(
        wareki().due(&Due::Month {
            year: 2019,
            month: 12
        }),
        "令和元年12月末まで"
    );
}

#[test]
fn due_month_out_of_range_does_not_panic() {
    assert_eq!(
        ja().due(&Due::Month {
            year: 2026,
            month: 13
        }),
        "2026年13月末まで"
    );
}

// ---- invariants over whole ranges (exhaustive loops: deterministic and cheap) ----

#[test]
fn era_years_written_as_people_write_them_over_a_century() {
    let mut d = day(1926, 1, 1);
    while d <= day(2040, 12, 31) {
        let text = wareki().date(d);
        assert!(
            !text.contains("和1年") && !text.contains("成1年"),
            "{d} → {text}"
        );
        let first_of_era = ERAS.iter().any(|&(_, y, _, _)| y == d.year());
        if text.contains("元年") {
            assert!(first_of_era, "{d} → {text}");
        }
        d = d.succ_opt().unwrap();
    }
}
