//! The calendar of a long history: one row per year, one cell per month, each marked month
//! coloured by its worst level with the level's symbol and the number of reports, its days and
//! reports in a tooltip. Fifteen years are 180 cells at most, readable at 390 px; quiet months
//! are one patterned rectangle per row, not a node each.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use yew::prelude::*;

use super::{level_code, level_label, level_symbol};
use crate::compose::history::{self, DayMark, MonthMark};
use crate::model::timefmt::Fmt;
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
    let rows_of = grid_rows(&grid.keys().map(|k| k.0).collect::<Vec<_>>());
    let step_x = CELL_W + GAP;
    let step_y = CELL_H + GAP;
    let width = LEFT + 12 * step_x;
    let height = TOP + rows_of.len() as i32 * step_y;
    let heads = (1..=12).map(|m| {
        let x = LEFT + (m as i32 - 1) * step_x + CELL_W / 2;
        html! { <text class="hk-history__axis" x={x.to_string()} y="10" text-anchor="middle">{ month_short(m, fmt) }</text> }
    });
    let rows = rows_of.iter().enumerate().map(|(row, grid_row)| {
        let y = TOP + row as i32 * step_y;
        let year = match *grid_row {
            GridRow::Year(year) => year,
            GridRow::Quiet { from, to } => {
                let n = to - from + 1;
                let words = match lang {
                    Lang::Ja => format!("⋯ {}～{}年 ({n}年間) 報告なし", from, to),
                    Lang::En => format!("⋯ {from}–{to} ({n} years): no reports"),
                };
                return html! {
                    <g class="hk-history__grid-quiet" data-quiet-years={n.to_string()}>
                        <text class="hk-history__axis" x={LEFT.to_string()} y={(y + CELL_H - 5).to_string()}>{ words }</text>
                    </g>
                };
            }
        };
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

/// A row of the grid: a year, or a run of quiet years drawn as one line of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GridRow {
    Year(i32),
    Quiet { from: i32, to: i32 },
}

/// Quiet years in a row beyond which they are one line: the grid's size follows the reports,
/// not the calendar (a history from 0001 to 9999 would otherwise draw 9,999 rows; issue 18).
const MAX_QUIET_YEARS: i32 = 2;

/// The rows for the years that have marks (ascending, repeats allowed), newest first as the
/// list reads; up to `MAX_QUIET_YEARS` quiet years between are kept as empty rows.
fn grid_rows(marked: &[i32]) -> Vec<GridRow> {
    let mut years: Vec<i32> = marked.to_vec();
    years.dedup();
    let mut rows = Vec::new();
    for (i, &year) in years.iter().enumerate().rev() {
        rows.push(GridRow::Year(year));
        if let Some(&older) = i.checked_sub(1).and_then(|j| years.get(j)) {
            let quiet = year - older - 1;
            if quiet > MAX_QUIET_YEARS {
                rows.push(GridRow::Quiet {
                    from: older + 1,
                    to: year - 1,
                });
            } else {
                rows.extend((older + 1..year).rev().map(GridRow::Year));
            }
        }
    }
    rows
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_years_beyond_two_are_one_row() {
        assert_eq!(
            grid_rows(&[2012, 2012, 2014, 2020]),
            vec![
                GridRow::Year(2020),
                GridRow::Quiet {
                    from: 2015,
                    to: 2019
                },
                GridRow::Year(2014),
                GridRow::Year(2013),
                GridRow::Year(2012),
            ]
        );
        assert_eq!(
            grid_rows(&[1, 9999]).len(),
            3,
            "0001 to 9999: three rows, not 9,999"
        );
        assert_eq!(grid_rows(&[]), vec![]);
    }
}
