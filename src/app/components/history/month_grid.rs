//! The calendar of a long history: one row per year, one cell per month, each marked month
//! coloured by its worst level with the level's symbol and the number of reports, its days and
//! reports in a tooltip. Fifteen years are 180 cells at most, readable at 390 px; quiet months
//! are one patterned rectangle per row, not a node each.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use yew::prelude::*;

use super::{level_code, level_label, level_symbol};
use crate::compose::history::{self, DayMark, MonthMark};
use crate::compose::timefmt::Fmt;
use crate::model::Lang;

const CELL_W: i32 = 24;
const CELL_H: i32 = 18;
const GAP: i32 = 2;
const LEFT: i32 = 40;
const TOP: i32 = 14;

fn month_short(m: u32, fmt: &Fmt) -> String {
    match fmt.lang {
        Lang::Ja => m.to_string(),
        Lang::En => fmt.year_month(2000, m).chars().take(1).collect(),
    }
}

pub(super) fn month_grid(days: &BTreeMap<NaiveDate, DayMark>, fmt: &Fmt, lang: Lang) -> Html {
    let grid = history::month_grid(days);
    let (Some(first), Some(last)) = (grid.keys().next(), grid.keys().next_back()) else {
        return Html::default();
    };
    let (first, last) = (first.0, last.0);
    // Newest year on top, as the list reads.
    let years: Vec<i32> = (first..=last).rev().collect();
    let step_x = CELL_W + GAP;
    let step_y = CELL_H + GAP;
    let width = LEFT + 12 * step_x;
    let height = TOP + years.len() as i32 * step_y;
    let heads = (1..=12).map(|m| {
        let x = LEFT + (m as i32 - 1) * step_x + CELL_W / 2;
        html! { <text class="hk-history__axis" x={x.to_string()} y="10" text-anchor="middle">{ month_short(m, fmt) }</text> }
    });
    let rows = years.iter().enumerate().map(|(row, &year)| {
        let y = TOP + row as i32 * step_y;
        let cells = (1..=12u32).filter_map(|m| grid.get(&(year, m)).map(|mark| (m, mark))).map(|(m, mark)| {
            let x = LEFT + (m as i32 - 1) * step_x;
            cell(year, m, mark, x, y, fmt, lang)
        });
        html! {
            <g class="hk-history__grid-year" data-year={year.to_string()}>
                <text class="hk-history__axis" x="0" y={(y + CELL_H - 5).to_string()}>{ year.to_string() }</text>
                <rect class="hk-history__quiet-row" x={LEFT.to_string()} y={y.to_string()}
                    width={(12 * step_x - GAP).to_string()} height={CELL_H.to_string()} rx="2" />
                { for cells }
            </g>
        }
    });
    let label = match lang {
        Lang::Ja => format!("{}～{}の障害のあった月", fmt.year(first), fmt.year(last)),
        Lang::En => format!("Months with incidents, {first} to {last}"),
    };
    html! {
        <div class="hk-history__grid-scroll" tabindex="0">
            <svg class="hk-history__grid-svg" role="img" aria-label={label} data-testid="history-month-grid"
                viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}>
                { for heads }
                { for rows }
            </svg>
        </div>
    }
}

fn cell(year: i32, m: u32, mark: &MonthMark, x: i32, y: i32, fmt: &Fmt, lang: Lang) -> Html {
    let code = level_code(mark.worst);
    let tooltip = match lang {
        Lang::Ja => format!(
            "{}：報告{}件、障害のあった日{}日（{}）",
            fmt.year_month(year, m),
            mark.reports,
            mark.days,
            level_label(mark.worst, lang)
        ),
        Lang::En => format!(
            "{}: {} report{}, {} day{} with incidents ({})",
            fmt.year_month(year, m),
            mark.reports,
            if mark.reports == 1 { "" } else { "s" },
            mark.days,
            if mark.days == 1 { "" } else { "s" },
            level_label(mark.worst, lang)
        ),
    };
    html! {
        <g class={classes!("hk-history__day", format!("hk-history__day--{code}"))}
            data-month={format!("{year}-{m:02}")} data-level={code}>
            <title>{ tooltip }</title>
            <rect x={x.to_string()} y={y.to_string()} width={CELL_W.to_string()} height={CELL_H.to_string()} rx="2" />
            <text class="hk-history__day-symbol" x={(x + CELL_W / 2).to_string()} y={(y + CELL_H - 5).to_string()}
                text-anchor="middle">{ format!("{}{}", level_symbol(mark.worst), mark.reports) }</text>
        </g>
    }
}
