//! Announced recovery times: a dashed line from the announcement to the time announced, stacked
//! in a few rows above the lanes, labelled where there is room.

use super::super::events::{Filter, Prepared};
use super::super::scale::View;
use super::super::text;
use super::breaks::break_spans;
use super::{ETA_ROW_H, LABEL_FONT, MAX_ETAS, MAX_ETA_ROWS, RIGHT};
use crate::model::timefmt::Fmt;
use crate::model::Report;

/// An announced recovery time: a dashed line from the announcement to the time announced.
#[derive(Clone, Debug, PartialEq)]
pub struct EtaLine {
    pub event: usize,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    /// The announced time (`12時頃`), when there is room after the line.
    pub label: Option<String>,
    pub title: String,
    /// The announcement or the target lies outside the view.
    pub start_clipped: bool,
    pub end_clipped: bool,
}

pub(super) fn eta_lines(
    report: &Report,
    prepared: &Prepared,
    filter: &Filter,
    view: &View,
    fmt: &Fmt,
    top: f64,
) -> (Vec<EtaLine>, usize, usize) {
    let mut rows: Vec<f64> = Vec::new();
    let mut lines = Vec::new();
    let mut dropped = 0;
    let spans = break_spans(view);
    for &i in &prepared.order {
        let (Some(a), Some(target)) = (prepared.spots[i], prepared.etas[i]) else {
            continue;
        };
        if !prepared.shows(report, filter, i) {
            continue;
        }
        let (xa, xe) = (view.x(a.anchor), view.x(target.anchor));
        let (lo, hi) = (xa.min(xe), xa.max(xe));
        if hi < view.x0 || lo > view.x1 {
            continue;
        }
        if lines.len() >= MAX_ETAS {
            dropped += 1;
            continue;
        }
        let (x0, x1) = (lo.max(view.x0), hi.min(view.x1));
        let Some(eta) = report.timeline[i].eta.as_ref() else {
            continue;
        };
        let when = fmt.time_point(eta);
        let short = fmt.time_of_day(eta);
        let short = if short.is_empty() {
            when.clone()
        } else {
            short
        };
        let label_w = text::width(&short, LABEL_FONT) + 8.0;
        let over_break = spans.iter().any(|&(a, b)| xe + label_w > a && xe < b);
        let with_label = xe <= view.x1 && xe + label_w <= view.x1 + RIGHT && !over_break;
        let end = x1 + if with_label { label_w } else { 0.0 };
        let row = match rows.iter().position(|r| *r + 6.0 <= x0) {
            Some(r) => r,
            None if rows.len() < MAX_ETA_ROWS => {
                rows.push(f64::NEG_INFINITY);
                rows.len() - 1
            }
            None => {
                dropped += 1;
                continue;
            }
        };
        rows[row] = end;
        lines.push(EtaLine {
            event: i,
            x0,
            x1,
            y: top + 3.0 + (row as f64 + 0.5) * ETA_ROW_H,
            label: with_label.then_some(short),
            title: when,
            start_clipped: xa < view.x0 || xa > view.x1,
            end_clipped: xe < view.x0 || xe > view.x1,
        });
    }
    (lines, rows.len(), dropped)
}
