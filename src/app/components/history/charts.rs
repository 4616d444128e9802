//! The history's charts (incidents, outage time, mean time to recovery, one bar per period) and
//! the table with the same numbers. A period is a month, or a quarter or a year for a long
//! history (`compose::history::Span`), so 14 years are 15 readable bars, not 165 slivers.
//!
//! A chart is drawn at its own size and scrolls sideways in its frame when the screen is
//! narrower, rather than being squeezed; its first and last period are named in HTML under it,
//! where they wrap instead of overlapping.

use yew::prelude::*;

use crate::compose::history::{self, MonthStats, Span};
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::Lang;

/// What one chart shows per period: its value, and the words for it.
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

/// "per month", "per quarter", "per year".
pub(super) fn per(span: Span, lang: Lang) -> &'static str {
    match span {
        Span::Month => tr(lang, "月別", "per month"),
        Span::Quarter => tr(lang, "四半期別", "per quarter"),
        Span::Year => tr(lang, "年別", "per year"),
    }
}

const BAR_GAP: i32 = 3;
const CHART_H: i32 = 48;
/// A chart is at least this wide, so a few periods get wide bars instead of a stub.
const MIN_WIDTH: i32 = 224;
const MAX_SLOT: i32 = 40;
const MIN_SLOT: i32 = 13;

/// Three small bar charts, one bar per period, each bar's numbers in its tooltip.
pub(super) fn charts(months: &[MonthStats], fmt: &Fmt, lang: Lang) -> Html {
    if months.is_empty() {
        return Html::default();
    }
    let span = months[0].span;
    // A long quiet stretch left out of the periods takes one slot, marked as a break.
    let slot_count =
        months.len() as i32 + months.iter().filter(|m| m.skipped_before > 0).count() as i32;
    let slot = (MIN_WIDTH / slot_count.max(1)).clamp(MIN_SLOT, MAX_SLOT);
    let bar = slot - BAR_GAP;
    let mut slots = 0;
    let xs: Vec<i32> = months
        .iter()
        .map(|m| {
            slots += 1 + i32::from(m.skipped_before > 0);
            (slots - 1) * slot
        })
        .collect();
    let width = slots * slot;
    let height = CHART_H + 2;
    let charts = series(months, fmt, lang).into_iter().map(|s| {
        let max = history::scale_max(s.values.iter().map(|(_, v, _)| *v));
        let peak = s.values.iter().max_by_key(|(_, v, _)| *v).map(|(_, _, t)| t.clone()).unwrap_or_default();
        let gaps = months.iter().zip(&xs).filter(|(m, _)| m.skipped_before > 0).map(|(m, x)| {
            let tip = match (lang, span) {
                (Lang::Ja, Span::Month) => format!("報告のない {} か月を省略", m.skipped_before),
                (Lang::Ja, Span::Quarter) => format!("報告のない {} 四半期を省略", m.skipped_before),
                (Lang::Ja, Span::Year) => format!("報告のない {} 年を省略", m.skipped_before),
                (Lang::En, Span::Month) => format!("{} months without reports left out", m.skipped_before),
                (Lang::En, Span::Quarter) => format!("{} quarters without reports left out", m.skipped_before),
                (Lang::En, Span::Year) => format!("{} years without reports left out", m.skipped_before),
            };
            let x = x - slot + bar / 2;
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
            let tip = format!("{} {}{}", m.label(fmt), s.name, tr(lang, "：", ": ")) + text;
            html! {
                <g class="hk-history__bar" data-month={m.key()}>
                    <title>{ tip }</title>
                    // A full-height transparent target so thin and empty periods have a tooltip too.
                    <rect class="hk-history__bar-hit" x={x.to_string()} y="0" width={bar.to_string()} height={CHART_H.to_string()} />
                    <rect class="hk-history__bar-value" x={x.to_string()} y={(CHART_H - h).to_string()}
                        width={bar.to_string()} height={h.to_string()} />
                </g>
            }
        });
        let first = months.first().map(|m| m.label(fmt)).unwrap_or_default();
        let last = months.last().map(|m| m.label(fmt)).unwrap_or_default();
        let aria = match lang {
            Lang::Ja => format!("{}の{}グラフ（{first}～{last}、最大 {peak}）", s.name, per(span, lang)),
            Lang::En => format!("{} {} ({first} – {last}, highest {peak})", s.name, per(span, lang)),
        };
        html! {
            <figure class={classes!("hk-history__chart", format!("hk-history__chart--{}", s.class))}
                data-testid="history-chart" data-span={format!("{span:?}").to_lowercase()}>
                <figcaption class="hk-history__chart-name">
                    { match lang {
                        Lang::Ja => format!("{}（{}）", s.name, per(span, lang)),
                        Lang::En => format!("{} ({})", s.name, per(span, lang)),
                    } }
                    <span class="hk-history__chart-peak">{ format!("{}{peak}", tr(lang, "　最大 ", " — highest ")) }</span>
                </figcaption>
                <div class="hk-history__chart-scroll">
                  <div class="hk-history__chart-inner">
                    <svg class="hk-history__chart-svg" role="img" aria-label={aria}
                        viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}>
                        <line class="hk-history__baseline" x1="0" y1={CHART_H.to_string()} x2={width.to_string()} y2={CHART_H.to_string()} />
                        { for bars }
                        { for gaps }
                    </svg>
                    <p class="hk-history__chart-axis" aria-hidden="true">
                        <span data-testid="chart-label">{ first }</span>
                        if months.len() > 1 {
                            <span data-testid="chart-label">{ last }</span>
                        }
                    </p>
                  </div>
                </div>
            </figure>
        }
    });
    html! { <div class="hk-history__charts" data-testid="history-charts">{ for charts }</div> }
}

/// The charts' numbers as a table, for screen readers and print. Quiet periods are left out.
pub(super) fn table(months: &[MonthStats], fmt: &Fmt, lang: Lang) -> Html {
    let [count, outage, mttr] = series(months, fmt, lang);
    let span = months.first().map(|m| m.span).unwrap_or_default();
    let rows = months.iter().enumerate().filter(|(_, m)| m.incidents > 0 || m.maintenance > 0).map(|(i, m)| {
        let text = |s: &Series, i: usize| s.values.get(i).map(|(_, _, t)| t.clone()).unwrap_or_default();
        html! {
            <tr data-month={m.key()}>
                <th scope="row">{ m.label(fmt) }</th>
                <td>{ text(&count, i) }</td>
                <td>{ text(&outage, i) }</td>
                <td>{ text(&mttr, i) }</td>
                <td>{ if m.maintenance > 0 { m.maintenance.to_string() } else { String::new() } }</td>
            </tr>
        }
    });
    let (period, caption) = match span {
        Span::Month => (
            tr(lang, "月", "Month"),
            tr(lang, "月別の件数・停止時間・平均復旧時間（メンテナンスは件数に含めず別記）", "Incidents, outage time and mean time to recovery per month (maintenance counted apart)"),
        ),
        Span::Quarter => (
            tr(lang, "四半期", "Quarter"),
            tr(lang, "四半期別の件数・停止時間・平均復旧時間（メンテナンスは件数に含めず別記）", "Incidents, outage time and mean time to recovery per quarter (maintenance counted apart)"),
        ),
        Span::Year => (
            tr(lang, "年", "Year"),
            tr(lang, "年別の件数・停止時間・平均復旧時間（メンテナンスは件数に含めず別記）", "Incidents, outage time and mean time to recovery per year (maintenance counted apart)"),
        ),
    };
    html! {
        <div class="hk-history__table-wrap" tabindex="0" role="region"
            aria-label={match lang { Lang::Ja => format!("{}の数値", per(span, lang)), Lang::En => format!("Figures {}", per(span, lang)) }}>
            <table class="hk-history__table" data-testid="history-table">
                <caption>{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ period }</th>
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
