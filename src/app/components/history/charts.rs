//! The history's per-month charts (incidents, outage time, mean time to recovery) and the table
//! with the same numbers.

use yew::prelude::*;

use crate::compose::history::{self, MonthStats};
use crate::compose::timefmt::Fmt;
use crate::model::i18n::tr;
use crate::model::Lang;

/// What one chart shows per month: its value, and the words for it.
struct Series<'m> {
    name: &'static str,
    class: &'static str,
    values: Vec<(&'m MonthStats, i64, String)>,
}

fn series<'m>(months: &'m [MonthStats], fmt: &Fmt, lang: Lang) -> [Series<'m>; 3] {
    let count = |m: &MonthStats| match lang {
        Lang::Ja => format!("{}件", m.incidents),
        Lang::En => format!(
            "{} incident{}",
            m.incidents,
            if m.incidents == 1 { "" } else { "s" }
        ),
    };
    let outage = |m: &MonthStats| m.outage_text(fmt);
    let mttr = |m: &MonthStats| m.mttr_text(fmt);
    [
        Series {
            name: tr(lang, "件数", "Incidents"),
            class: "count",
            values: months
                .iter()
                .map(|m| (m, m.incidents as i64, count(m)))
                .collect(),
        },
        Series {
            name: tr(lang, "停止時間", "Outage time"),
            class: "outage",
            values: months
                .iter()
                .map(|m| (m, m.outage_minutes, outage(m)))
                .collect(),
        },
        Series {
            name: tr(lang, "平均復旧時間 (MTTR)", "Mean time to recovery"),
            class: "mttr",
            values: months
                .iter()
                .map(|m| (m, m.mttr_minutes.unwrap_or(0), mttr(m)))
                .collect(),
        },
    ]
}

const BAR: i32 = 10;
const BAR_GAP: i32 = 3;
const CHART_H: i32 = 48;

/// Three small bar charts, one bar per month, each bar's numbers in its tooltip.
pub(super) fn charts(months: &[MonthStats], fmt: &Fmt, lang: Lang) -> Html {
    if months.is_empty() {
        return Html::default();
    }
    // A long quiet stretch left out of the months takes one slot, marked as a break.
    let mut slots = 0;
    let xs: Vec<i32> = months
        .iter()
        .map(|m| {
            slots += 1 + i32::from(m.skipped_before > 0);
            (slots - 1) * (BAR + BAR_GAP)
        })
        .collect();
    let width = slots * (BAR + BAR_GAP);
    let height = CHART_H + 14;
    let charts = series(months, fmt, lang).into_iter().map(|s| {
        let max = history::scale_max(s.values.iter().map(|(_, v, _)| *v));
        let peak = s.values.iter().max_by_key(|(_, v, _)| *v).map(|(_, _, t)| t.clone()).unwrap_or_default();
        let gaps = months.iter().zip(&xs).filter(|(m, _)| m.skipped_before > 0).map(|(m, x)| {
            let tip = match lang {
                Lang::Ja => format!("報告のない {} か月を省略", m.skipped_before),
                Lang::En => format!("{} months without reports left out", m.skipped_before),
            };
            let x = x - (BAR + BAR_GAP) + BAR / 2;
            html! {
                <g class="hk-history__bar-gap" data-skipped={m.skipped_before.to_string()}>
                    <title>{ tip }</title>
                    <text class="hk-history__axis" x={x.to_string()} y={(CHART_H - 2).to_string()} text-anchor="middle">{ "≈" }</text>
                </g>
            }
        });
        let bars = s.values.iter().zip(&xs).map(|((m, v, text), x)| {
            let h = if *v > 0 { ((*v * CHART_H as i64) / max).max(2) as i32 } else { 0 };
            let x = *x;
            let tip = format!("{} {}{}", fmt.year_month(m.year, m.month), s.name, tr(lang, "：", ": ")) + text;
            html! {
                <g class="hk-history__bar" data-month={format!("{}-{:02}", m.year, m.month)}>
                    <title>{ tip }</title>
                    // A full-height transparent target so thin and empty months have a tooltip too.
                    <rect class="hk-history__bar-hit" x={x.to_string()} y="0" width={BAR.to_string()} height={CHART_H.to_string()} />
                    <rect class="hk-history__bar-value" x={x.to_string()} y={(CHART_H - h).to_string()}
                        width={BAR.to_string()} height={h.to_string()} />
                </g>
            }
        });
        let first = months.first().map(|m| fmt.year_month(m.year, m.month)).unwrap_or_default();
        let last = months.last().map(|m| fmt.year_month(m.year, m.month)).unwrap_or_default();
        let aria = match lang {
            Lang::Ja => format!("{}の月別グラフ（{first}～{last}、最大 {peak}）", s.name),
            Lang::En => format!("{} per month ({first} – {last}, highest {peak})", s.name),
        };
        html! {
            <figure class={classes!("hk-history__chart", format!("hk-history__chart--{}", s.class))}>
                <figcaption class="hk-history__chart-name">
                    { s.name }
                    <span class="hk-history__chart-peak">{ format!("{}{peak}", tr(lang, "　最大 ", " — highest ")) }</span>
                </figcaption>
                <svg class="hk-history__chart-svg" role="img" aria-label={aria}
                    viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}
                    preserveAspectRatio="xMinYMin meet">
                    <line class="hk-history__baseline" x1="0" y1={CHART_H.to_string()} x2={width.to_string()} y2={CHART_H.to_string()} />
                    { for bars }
                    { for gaps }
                    <text class="hk-history__axis" x="0" y={(height - 2).to_string()}>{ first }</text>
                    <text class="hk-history__axis" x={width.to_string()} y={(height - 2).to_string()} text-anchor="end">{ last }</text>
                </svg>
            </figure>
        }
    });
    html! { <div class="hk-history__charts" data-testid="history-charts">{ for charts }</div> }
}

/// The charts' numbers as a table, for screen readers and print. Quiet months are left out.
pub(super) fn table(months: &[MonthStats], fmt: &Fmt, lang: Lang) -> Html {
    let [count, outage, mttr] = series(months, fmt, lang);
    let rows = months.iter().enumerate().filter(|(_, m)| m.incidents > 0 || m.maintenance > 0).map(|(i, m)| {
        let text = |s: &Series, i: usize| s.values.get(i).map(|(_, _, t)| t.clone()).unwrap_or_default();
        html! {
            <tr data-month={format!("{}-{:02}", m.year, m.month)}>
                <th scope="row">{ fmt.year_month(m.year, m.month) }</th>
                <td>{ text(&count, i) }</td>
                <td>{ text(&outage, i) }</td>
                <td>{ text(&mttr, i) }</td>
                <td>{ if m.maintenance > 0 { m.maintenance.to_string() } else { String::new() } }</td>
            </tr>
        }
    });
    html! {
        <div class="hk-history__table-wrap" tabindex="0" role="region"
            aria-label={tr(lang, "月別の数値", "Monthly figures")}>
            <table class="hk-history__table" data-testid="history-table">
                <caption>{ tr(lang, "月別の件数・停止時間・平均復旧時間（メンテナンスは件数に含めず別記）", "Incidents, outage time and mean time to recovery per month (maintenance counted apart)") }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ tr(lang, "月", "Month") }</th>
                        <th scope="col">{ count.name }</th>
                        <th scope="col">{ outage.name }</th>
                        <th scope="col">{ mttr.name }</th>
                        <th scope="col">{ tr(lang, "メンテナンス", "Maintenance") }</th>
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
