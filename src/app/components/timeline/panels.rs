//! The timeline's panels around the chart: the toolbar (zoom, fit, real-time scale, visible range,
//! clock zone), the lane and kind filters, the tray of events with unknown time, and the detail
//! panel of the selected event. Plain render functions: state and callbacks come from the
//! component.

use yew::prelude::*;

use super::kind_icon;
use super::symbols::event_name;
use crate::app::components::rich_text::rich_text;
use crate::app::state::Selection;
use crate::compose::layout::chart::ChartLayout;
use crate::compose::layout::{Filter, Prepared, View};
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::{EventKind, Lang, Report};

/// What the toolbar's buttons do.
pub(super) struct ToolbarActions {
    pub zoom_in: Callback<MouseEvent>,
    pub zoom_out: Callback<MouseEvent>,
    pub fit: Callback<MouseEvent>,
    pub toggle_real: Callback<MouseEvent>,
}

/// Zoom buttons, the real-time toggle, the visible range and how many events lie outside it.
pub(super) fn toolbar(
    layout: &ChartLayout,
    fmt: &Fmt,
    lang: Lang,
    real_time: bool,
    on: ToolbarActions,
) -> Html {
    let fit_all = layout.view.as_ref().is_none_or(View::is_fit);
    let range_text = layout.view.as_ref().map(|v| {
        let (a, b) = v.range();
        let day = |t: i64| {
            chrono::DateTime::from_timestamp_millis(t)
                .map(|d| {
                    let local = fmt.zone.local(d);
                    use chrono::Timelike;
                    format!(
                        "{} {}",
                        fmt.axis_day(local.date_naive()),
                        fmt.axis_time(local.hour(), local.minute())
                    )
                })
                .unwrap_or_default()
        };
        format!("{}{}{}", day(a), tr(lang, "～", " – "), day(b))
    });

    html! {
        <div key="controls" class="hk-timeline__controls" role="toolbar"
            aria-label={tr(lang, "経緯の表示操作", "Timeline controls")}>
            <button type="button" class="hk-timeline__button" data-testid="zoom-in"
                onclick={on.zoom_in} title={tr(lang, "拡大 (+)", "Zoom in (+)")}
                aria-label={tr(lang, "拡大", "Zoom in")} disabled={layout.view.is_none()}>{ "＋" }</button>
            <button type="button" class="hk-timeline__button" data-testid="zoom-out"
                onclick={on.zoom_out} title={tr(lang, "縮小 (−)", "Zoom out (−)")}
                aria-label={tr(lang, "縮小", "Zoom out")} disabled={fit_all}>{ "－" }</button>
            <button type="button" class="hk-timeline__button" data-testid="zoom-fit"
                onclick={on.fit} disabled={fit_all} title={tr(lang, "全体表示 (0)", "Fit all (0)")}>
                { tr(lang, "全体表示", "Fit all") }
            </button>
            <button type="button" class="hk-timeline__button hk-timeline__toggle" data-testid="real-time"
                aria-pressed={if real_time { "true" } else { "false" }} onclick={on.toggle_real}
                title={tr(lang, "空白期間を省略せず、実際の時間の長さで表示します",
                    "Show quiet stretches at their real length")}>
                { tr(lang, "実時間スケール", "Real time scale") }
            </button>
            <span class="hk-timeline__range" data-testid="visible-range"
                data-from={layout.view.as_ref().map(|v| v.range().0.to_string())}
                data-to={layout.view.as_ref().map(|v| v.range().1.to_string())}>
                { range_text.unwrap_or_default() }
            </span>
            <span class="hk-timeline__zone">
                { tr(lang, "時刻: ", "Times: ") }{ fmt.zone_label() }
            </span>
            if layout.before + layout.after > 0 {
                <span class="hk-timeline__outside" data-testid="outside-count">
                    { match lang {
                        Lang::Ja => format!("表示範囲外: 前{}件・後{}件", layout.before, layout.after),
                        Lang::En => format!("Outside the view: {} before, {} after", layout.before, layout.after),
                    } }
                </span>
            }
        </div>
    }
}

/// One checkbox per lane (actor) and per kind present in the report.
pub(super) fn filters(
    report: &Report,
    prepared: &Prepared,
    filter: &Filter,
    lang: Lang,
    toggle_lane: &dyn Fn(usize) -> Callback<Event>,
    toggle_kind: &dyn Fn(EventKind) -> Callback<Event>,
) -> Html {
    {
        let lanes = prepared.lanes.iter().map(|&a| {
            let actor = &report.actors[a];
            let count = prepared.by_actor.get(a).map(Vec::len).unwrap_or(0)
                + report
                    .timeline
                    .iter()
                    .filter(|e| e.actor == a && !e.time.is_known())
                    .count();
            let on = filter.shows_actor(a);
            html! {
                <label class="hk-timeline__filter">
                    <input type="checkbox" checked={on} data-testid="lane-filter"
                        data-actor={a.to_string()} onchange={toggle_lane(a)} />
                    { format!("{} ({count})", actor.name) }
                </label>
            }
        });
        let kinds = EventKind::ALL
            .iter()
            .filter(|k| report.timeline.iter().any(|e| e.kind == **k))
            .map(|&k| {
                let on = filter.shows_kind(k);
                html! {
                    <label class="hk-timeline__filter">
                        <input type="checkbox" checked={on} data-testid="kind-filter"
                            data-kind={k.code()} onchange={toggle_kind(k)} />
                        { kind_icon(k) }{ k.label(lang) }
                    </label>
                }
            });
        html! {
            <div key="filters" class="hk-timeline__filters">
                <fieldset class="hk-timeline__filter-group">
                    <legend>{ tr(lang, "関係者", "Parties") }</legend>
                    { for lanes }
                </fieldset>
                <fieldset class="hk-timeline__filter-group">
                    <legend>{ tr(lang, "種類", "Kinds") }</legend>
                    { for kinds }
                </fieldset>
            </div>
        }
    }
}

/// Events whose time is not known, beside the chart (they have no place on the axis).
pub(super) fn tray(
    report: &Report,
    layout: &ChartLayout,
    fmt: &Fmt,
    lang: Lang,
    selected_event: Option<usize>,
    hovered: Option<usize>,
) -> Option<Html> {
    (!layout.tray.is_empty()).then(|| {
        let items = layout.tray.iter().take(50).map(|&i| {
            let e = &report.timeline[i];
            let selected = selected_event == Some(i);
            let class = classes!(
                "hk-timeline__tray-item",
                format!("hk-timeline__marker--{}", e.kind.code()),
                selected.then_some("is-selected"),
                (hovered == Some(i)).then_some("is-hovered"),
            );
            html! {
                <li>
                    <button type="button" class={class} data-event={i.to_string()}
                        data-actor={e.actor.to_string()} aria-pressed={if selected { "true" } else { "false" }}
                        aria-label={event_name(&report, &fmt, lang, i)}>
                        { kind_icon(e.kind) }
                        <span>{ crate::model::safe::one_line(&e.text.plain()) }</span>
                    </button>
                </li>
            }
        });
        let more = layout.tray.len().saturating_sub(50);
        html! {
            <aside key="tray" class="hk-timeline__tray" data-testid="unknown-tray"
                aria-label={tr(lang, "時刻不明の出来事", "Events with unknown time")}>
                <h3>{ tr(lang, "時刻不明", "Time unknown") }</h3>
                <ul>{ for items }</ul>
                if more > 0 {
                    <p>{ match lang { Lang::Ja => format!("ほか{more}件", ), Lang::En => format!("{more} more") } }</p>
                }
            </aside>
        }
    })
}

/// Everything the report says about the selected event.
pub(super) fn detail(
    report: &Report,
    fmt: &Fmt,
    lang: Lang,
    selected_event: Option<usize>,
    onselect: &Callback<Selection>,
) -> Option<Html> {
    selected_event.and_then(|i| {
        let e = report.timeline.get(i)?;
        let actor = report.actor(e.actor).map(|a| a.name.clone()).unwrap_or_default();
        let mut time = fmt.event_time(e);
        if let Some(local) = e.local_offset.and_then(|o| fmt.local_time(&e.time, o)) {
            time.push_str(&local);
        }
        let phase = e.phase.and_then(|p| report.incident.phases.get(p));
        let services: Vec<String> =
            e.services.iter().filter_map(|s| report.services.get(*s)).map(|s| s.name.clone()).collect();
        let close = {
            let onselect = onselect.clone();
            Callback::from(move |_: MouseEvent| onselect.emit(Selection::None))
        };
        Some(html! {
            <section key="detail" class="hk-timeline__detail" data-testid="event-detail" data-selected-event={i.to_string()}
                aria-label={tr(lang, "選択した出来事", "Selected event")} aria-live="polite">
                <header class="hk-timeline__detail-head">
                    { kind_icon(e.kind) }
                    <span class="hk-timeline__detail-kind">{ e.kind.label(lang) }</span>
                    <span class="hk-timeline__detail-time">{ time }</span>
                    <button type="button" class="hk-timeline__button hk-timeline__detail-close"
                        onclick={close} aria-label={tr(lang, "選択を解除 (Esc)", "Clear selection (Esc)")}>
                        { "×" }
                    </button>
                </header>
                <dl class="hk-timeline__detail-fields">
                    <dt>{ tr(lang, "関係者", "Party") }</dt><dd>{ actor }</dd>
                    if let Some(p) = phase {
                        <dt>{ tr(lang, "フェーズ", "Phase") }</dt><dd>{ p.label.clone() }</dd>
                    }
                    if !services.is_empty() {
                        <dt>{ tr(lang, "対象サービス", "Services") }</dt><dd>{ services.join(tr(lang, "、", ", ")) }</dd>
                    }
                    if let Some(eta) = &e.eta {
                        <dt>{ tr(lang, "復旧見込み", "Announced recovery") }</dt><dd>{ fmt.time_point(eta) }</dd>
                    }
                </dl>
                <div class="hk-timeline__detail-text">{ rich_text(&e.text) }</div>
                if let Some(q) = &e.quote {
                    <blockquote class="hk-timeline__quote">
                        if let Some(src) = &q.source { <cite>{ src.clone() }</cite> }
                        <p>{ q.text.clone() }</p>
                    </blockquote>
                }
            </section>
        })
    })
}
