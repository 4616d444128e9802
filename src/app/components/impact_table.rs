//! The impact view (影響範囲 / 障害日時別 障害内容): a summary of the incident's figures, one row per
//! phase, and the service × phase matrix with its legend.
//!
//! The pieces (`ImpactSummary`, `PhaseTable`, `ImpactMatrix`) are props-driven so the letter can
//! show them in its 記 part; they become selectable only when given an `onselectphase` callback.
//! All figures come from `crate::compose::impact` and all dates from `crate::model::timefmt`.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::typeset::typeset;
use crate::compose::impact::{group_digits, legend, unaffected_sentence, Figures, PhaseFigures};
use crate::model::i18n::tr;
use crate::model::timefmt::Fmt;
use crate::model::{Clock, ImpactLevel, Lang, Phase, Report};

/// The formatter for a report: its own date style and zone, in the language shown.
fn fmt_for(report: &Report, lang: Lang) -> Fmt {
    Fmt::of_report(report, lang)
}

/// Clicking the selected phase again clears the selection.
fn toggle(
    cb: &Callback<Option<usize>>,
    selected: Option<usize>,
    index: usize,
) -> Callback<MouseEvent> {
    let cb = cb.clone();
    Callback::from(move |_: MouseEvent| {
        cb.emit(if selected == Some(index) {
            None
        } else {
            Some(index)
        })
    })
}

fn pressed(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

/// A level as symbol first and words second, so it reads without colour.
fn level_mark(level: Option<ImpactLevel>, lang: Lang, with_label: bool) -> Html {
    let (code, symbol, label) = match level {
        Some(l) => (l.code(), l.symbol(), l.label(lang)),
        None => ("none", "—", tr(lang, "記載なし", "not stated")),
    };
    let class = classes!("hk-impact__level", format!("hk-impact__level--{code}"));
    html! {
        <span class={class} data-level={code}>
            <span class="hk-impact__symbol" aria-hidden="true">{ symbol }</span>
            if with_label {
                <span class="hk-impact__level-label">{ label }</span>
            } else {
                <span class="hk-impact__sr">{ label }</span>
            }
        </span>
    }
}

/// A phase's notes, each a ※ line (the mark added in Japanese when the author left it out).
fn notes(phase: &Phase, lang: Lang) -> Html {
    if phase.notes.is_empty() {
        return Html::default();
    }
    let items = phase.notes.iter().map(|n| {
        let text = if lang == Lang::Ja && !n.starts_with('※') {
            format!("※{n}")
        } else {
            n.clone()
        };
        html! { <li class="hk-impact__note">{ typeset(&text) }</li> }
    });
    html! { <ul class="hk-impact__notes">{ for items }</ul> }
}

#[derive(Properties, PartialEq)]
pub struct ImpactTableProps {
    pub report: Rc<Report>,
    pub lang: Lang,
    /// Index into `report.incident.phases`, shared with the timeline.
    #[prop_or_default]
    pub selected_phase: Option<usize>,
    pub onselectphase: Callback<Option<usize>>,
}

/// The whole impact view: summary, phase table, matrix.
#[function_component]
pub fn ImpactTable(props: &ImpactTableProps) -> Html {
    let onselect = Some(props.onselectphase.clone());
    html! {
        <section class="hk-impact" data-testid="impact-table">
            <ImpactSummary report={props.report.clone()} lang={props.lang} />
            <PhaseTable
                report={props.report.clone()}
                lang={props.lang}
                selected_phase={props.selected_phase}
                onselectphase={onselect.clone()}
            />
            <ImpactMatrix
                report={props.report.clone()}
                lang={props.lang}
                selected_phase={props.selected_phase}
                onselectphase={onselect}
            />
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct PhaseTableProps {
    pub report: Rc<Report>,
    pub lang: Lang,
    #[prop_or_default]
    pub selected_phase: Option<usize>,
    /// Rows are selectable only when this is given (the letter shows them still).
    #[prop_or_default]
    pub onselectphase: Option<Callback<Option<usize>>>,
}

/// One row per phase: label, period, length in words, worst level, summary and notes.
#[function_component]
pub fn PhaseTable(props: &PhaseTableProps) -> Html {
    let lang = props.lang;
    let report = &props.report;
    let fmt = fmt_for(report, lang);
    let context = fmt.day_of(&report.incident.period.start);
    let rows = report.incident.phases.iter().enumerate().map(|(index, phase)| {
        let figures = PhaseFigures::of(phase);
        let selected = props.selected_phase == Some(index);
        let class = classes!(
            "hk-impact__row",
            selected.then_some("hk-impact__row--selected"),
            figures.ongoing.then_some("hk-impact__row--ongoing"),
            props.onselectphase.is_some().then_some("hk-impact__row--selectable"),
        );
        let onclick = props.onselectphase.as_ref().map(|cb| toggle(cb, props.selected_phase, index));
        let label = match props.onselectphase {
            Some(_) => html! {
                <button type="button" class="hk-impact__select" aria-pressed={pressed(selected)}>
                    { phase.label.clone() }
                </button>
            },
            None => html! { { phase.label.clone() } },
        };
        let customers = phase.customers.map(|n| {
            let text = format!("{}{}", tr(lang, "影響を受けたお客様数：", "Customers affected: "), group_digits(n));
            html! { <p class="hk-impact__customers">{ text }</p> }
        });
        html! {
            <tr class={class} data-phase={index.to_string()} data-selected={pressed(selected)} {onclick}>
                <th scope="row" class="hk-impact__label">
                    { label }
                    if figures.ongoing {
                        <span class="hk-impact__ongoing">{ tr(lang, "継続中", "Ongoing") }</span>
                    }
                </th>
                <td class="hk-impact__period">{ typeset(&fmt.period_within(&phase.period, context)) }</td>
                <td class="hk-impact__duration">{ typeset(&figures.length.text(&fmt)) }</td>
                <td class="hk-impact__worst">{ level_mark(figures.worst, lang, true) }</td>
                <td class="hk-impact__content">
                    if let Some(summary) = &phase.summary {
                        <p class="hk-impact__text">{ typeset(summary) }</p>
                    }
                    { notes(phase, lang) }
                    { for customers }
                </td>
            </tr>
        }
    });
    let caption = tr(lang, "障害日時別 障害内容", "Impact by phase");
    // A wide table scrolls inside its own region on a narrow screen; the region is focusable
    // so keyboard users can scroll it too.
    html! {
        <div class="hk-impact__scroll" role="region" aria-label={caption} tabindex="0">
        <table class="hk-impact__table hk-impact__phases" data-testid="impact-phases">
            <caption class="hk-impact__caption">{ caption }</caption>
            <thead>
                <tr>
                    <th scope="col">{ tr(lang, "区分", "Phase") }</th>
                    <th scope="col">{ tr(lang, "日時", "Period") }</th>
                    <th scope="col">{ tr(lang, "時間", "Duration") }</th>
                    <th scope="col">{ tr(lang, "影響", "Worst impact") }</th>
                    <th scope="col">{ tr(lang, "内容", "Details") }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ImpactMatrixProps {
    pub report: Rc<Report>,
    pub lang: Lang,
    #[prop_or_default]
    pub selected_phase: Option<usize>,
    /// Phase column headers are selectable only when this is given.
    #[prop_or_default]
    pub onselectphase: Option<Callback<Option<usize>>>,
}

/// Services as rows, phases as columns, a level per cell; then the legend and the sentence
/// naming the services that were not affected.
#[function_component]
pub fn ImpactMatrix(props: &ImpactMatrixProps) -> Html {
    let lang = props.lang;
    let report = &props.report;
    if report.services.is_empty() {
        // An empty table would look like a rendering fault; say what the report lacks instead.
        return html! {
            <div class="hk-impact__matrix-block">
                <p class="hk-impact__no-services" data-testid="impact-no-services">
                    { tr(lang, "サービス（コンポーネント）ごとの影響は記載されていません。", "No impact per service (component) is given.") }
                </p>
            </div>
        };
    }
    let rows = crate::compose::impact::matrix(report);
    let (levels, missing) = legend(&rows);
    let column_class = |index: usize, base: &'static str| {
        classes!(
            base,
            (props.selected_phase == Some(index)).then_some("hk-impact__col--selected")
        )
    };
    let headers = report.incident.phases.iter().enumerate().map(|(index, phase)| {
        let selected = props.selected_phase == Some(index);
        let content = match &props.onselectphase {
            Some(cb) => html! {
                <button
                    type="button"
                    class="hk-impact__select"
                    aria-pressed={pressed(selected)}
                    onclick={toggle(cb, props.selected_phase, index)}
                >
                    { phase.label.clone() }
                </button>
            },
            None => html! { { phase.label.clone() } },
        };
        html! {
            <th scope="col" class={column_class(index, "hk-impact__phase-head")} data-phase={index.to_string()}>
                { content }
            </th>
        }
    });
    let body = rows.iter().map(|row| {
        let service = report.services.get(row.service);
        let name = service.map(|s| s.name.clone()).unwrap_or_default();
        let id = service.map(|s| s.id.clone()).unwrap_or_default();
        let class = classes!("hk-impact__service", row.unaffected.then_some("hk-impact__service--unaffected"));
        let cells = row.cells.iter().enumerate().map(|(index, level)| {
            html! {
                <td class={column_class(index, "hk-impact__cell")}>{ level_mark(*level, lang, false) }</td>
            }
        });
        html! {
            <tr class={class} data-service={id}>
                <th scope="row" class="hk-impact__service-name">{ name }</th>
                { for cells }
            </tr>
        }
    });
    let caption = tr(lang, "サービス別の影響", "Impact by service");
    let legend_items = levels
        .into_iter()
        .map(|l| html! { <li>{ level_mark(Some(l), lang, true) }</li> });
    html! {
        <div class="hk-impact__matrix-block">
            <div class="hk-impact__scroll" role="region" aria-label={caption} tabindex="0">
            <table class="hk-impact__table hk-impact__matrix" data-testid="impact-matrix">
                <caption class="hk-impact__caption">{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ tr(lang, "サービス", "Service") }</th>
                        { for headers }
                    </tr>
                </thead>
                <tbody>{ for body }</tbody>
            </table>
            </div>
            <ul class="hk-impact__legend" aria-label={tr(lang, "凡例", "Legend")}>
                { for legend_items }
                if missing {
                    <li>{ level_mark(None, lang, true) }</li>
                }
            </ul>
            if let Some(sentence) = unaffected_sentence(report, lang) {
                <p class="hk-impact__unaffected">{ sentence }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ImpactSummaryProps {
    pub report: Rc<Report>,
    pub lang: Lang,
}

/// The figures in one block: period, lengths, outage time (overall and per service), scope.
#[function_component]
pub fn ImpactSummary(props: &ImpactSummaryProps) -> Html {
    let lang = props.lang;
    let report = &props.report;
    let fmt = fmt_for(report, lang);
    let figures = Figures::of(report);
    let scope = &report.incident.scope;
    let fact = |key: &'static str, label: &'static str, value: Html| {
        html! {
            <div class="hk-impact__fact" data-fact={key}>
                <dt>{ label }</dt>
                <dd>{ value }</dd>
            </div>
        }
    };
    let outage = figures.outage_text(&fmt);
    let per_service = (!figures.service_outage.is_empty()).then(|| {
        let items = figures.service_outage.iter().map(|(s, length)| {
            let name = report
                .services
                .get(*s)
                .map(|s| s.name.clone())
                .unwrap_or_default();
            html! {
                <li>
                    <span class="hk-impact__fact-name">{ name }</span>
                    { tr(lang, "：", ": ") }
                    { typeset(&length.text(&fmt)) }
                </li>
            }
        });
        // Per service, each phase without levels is left out too: say so once, under the list.
        let left_out = crate::compose::impact::left_out_phases(figures.phases_without_impact, lang);
        fact(
            "service-outage",
            tr(lang, "サービス別の停止時間", "Outage time by service"),
            html! {
                <>
                    <ul class="hk-impact__fact-list">{ for items }</ul>
                    if !left_out.is_empty() {
                        <p class="hk-impact__fact-note">{ left_out.trim().to_string() }</p>
                    }
                </>
            },
        )
    });
    // Each service's own time at each level, when the report gives its own states (a status
    // page's component statuses): the phase cells above are only each phase's worst.
    let own_times = (!figures.service_times.is_empty()).then(|| {
        let items = figures.service_times.iter().map(|(s, levels)| {
            let name = report
                .services
                .get(*s)
                .map(|s| s.name.clone())
                .unwrap_or_default();
            let parts = levels
                .iter()
                .map(|(l, length)| format!("{} {}", l.label(lang), length.text(&fmt)))
                .collect::<Vec<_>>()
                .join(tr(lang, "、", ", "));
            html! {
                <li data-service={report.services.get(*s).map(|s| s.id.clone()).unwrap_or_default()}>
                    <span class="hk-impact__fact-name">{ name }</span>
                    { tr(lang, "：", ": ") }
                    { typeset(&parts) }
                </li>
            }
        });
        fact(
            "service-times",
            tr(lang, "サービス別の影響時間（各サービス自身の状態から）", "Time affected by service (from each service's own status)"),
            html! { <ul class="hk-impact__fact-list">{ for items }</ul> },
        )
    });
    let clock_note = match (lang, report.letter.date_style.clock) {
        (Lang::Ja, Clock::H24 | Clock::Hhmm) => format!("時刻は24時間表記、{}", fmt.zone_label()),
        (Lang::Ja, Clock::H12) => format!("時刻は{}", fmt.zone_label()),
        (Lang::En, _) => format!("Times in {}", fmt.zone_label()),
    };
    let list = |items: &[String], class: &'static str| {
        html! { <ul class={classes!("hk-impact__fact-list", class)}>{ for items.iter().map(|i| html! { <li>{ typeset(i) }</li> }) }</ul> }
    };
    let networks = (!scope.networks.is_empty()).then(|| {
        let items = scope
            .networks
            .iter()
            .map(|n| html! { <li><code class="hk-nobr">{ n.clone() }</code></li> });
        fact(
            "networks",
            tr(lang, "対象ネットワーク", "Networks"),
            html! { <ul class="hk-impact__fact-list hk-impact__networks">{ for items }</ul> },
        )
    });
    html! {
        <dl class="hk-impact__facts" data-testid="impact-summary">
            { fact("period", tr(lang, "障害発生日時", "Period"), typeset(&fmt.period(&report.incident.period))) }
            { fact("duration", tr(lang, "障害継続時間", "Duration"), typeset(&figures.incident.text(&fmt))) }
            { fact(
                "outage",
                tr(lang, "サービス停止時間（いずれかのサービスが停止していた時間）", "Outage time (any service down)"),
                typeset(&outage),
            ) }
            { for per_service }
            { for own_times }
            if let Some(customers) = &scope.customers {
                { fact("customers", tr(lang, "対象のお客様", "Affected customers"), typeset(customers)) }
            }
            if let Some(users) = scope.users {
                { fact("users", tr(lang, "対象ユーザー数", "Users affected"), html! { group_digits(users) }) }
            }
            { for networks }
            if !scope.exclusions.is_empty() {
                { fact("exclusions", tr(lang, "対象外", "Not included"), list(&scope.exclusions, "hk-impact__exclusions")) }
            }
            if !scope.notes.is_empty() {
                { fact("notes", tr(lang, "備考", "Notes"), list(&scope.notes, "hk-impact__scope-notes")) }
            }
            { fact("zone", tr(lang, "時刻の表記", "Time zone"), html! { clock_note }) }
        </dl>
    }
}
