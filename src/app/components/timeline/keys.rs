//! Keyboard on the chart and on the list twin: arrows step from event to event (in time order,
//! within the filter) or pan, Enter selects or zooms to a phase or cluster, +/−/0 zoom, Escape
//! clears the selection.

use yew::prelude::*;

use super::input::{hit_of, Hit};
use crate::app::state::Selection;
use crate::compose::layout::View;

/// Where keyboard navigation started, so focus follows the selection there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Origin {
    Chart,
    List,
}

/// What keys (and clicks) can ask the timeline to do.
#[derive(Clone)]
pub(super) struct Actions {
    pub select_event: Callback<usize>,
    /// From an event (or the start), forward or back, remembering where the step began.
    pub step: Callback<(Option<usize>, bool, Origin)>,
    pub zoom_to_phase: Callback<usize>,
    pub zoom_to_cluster: Callback<usize>,
    /// Zoom about the middle of the view by a factor.
    pub zoom: Callback<f64>,
    pub onselect: Callback<Selection>,
    pub onrange: Callback<Option<(i64, i64)>>,
}

/// Keys on the chart: on a marker, band or cluster, or on the chart itself (pan).
pub(super) fn on_chart_key(actions: &Actions, view: &Option<View>) -> Callback<KeyboardEvent> {
    let Actions {
        select_event,
        step,
        zoom_to_phase,
        zoom_to_cluster,
        zoom,
        onselect,
        onrange,
    } = actions.clone();
    let view = view.clone();
    Callback::from(move |e: KeyboardEvent| {
        let key = e.key();
        let hit = hit_of(e.target());
        let handled = match (hit, key.as_str()) {
            (_, "Escape") => {
                onselect.emit(Selection::None);
                true
            }
            (Some(Hit::Event(i)), "ArrowRight" | "ArrowDown") => {
                step.emit((Some(i), true, Origin::Chart));
                true
            }
            (Some(Hit::Event(i)), "ArrowLeft" | "ArrowUp") => {
                step.emit((Some(i), false, Origin::Chart));
                true
            }
            (Some(Hit::Event(i)), "Enter" | " ") => {
                select_event.emit(i);
                true
            }
            (Some(Hit::Phase(p)), "Enter" | " ") => {
                zoom_to_phase.emit(p);
                true
            }
            (Some(Hit::Cluster(c)), "Enter" | " ") => {
                zoom_to_cluster.emit(c);
                true
            }
            (None, "ArrowRight" | "ArrowLeft") => {
                if let Some(v) = &view {
                    let share = if e.shift_key() { 0.6 } else { 0.2 };
                    let dx = (v.x1 - v.x0) * share;
                    onrange.emit(v.panned(if key == "ArrowRight" { -dx } else { dx }));
                }
                true
            }
            (None, "ArrowDown") => {
                step.emit((None, true, Origin::Chart));
                true
            }
            (_, "+" | "=") => {
                zoom.emit(2.0);
                true
            }
            (_, "-" | "_") => {
                zoom.emit(0.5);
                true
            }
            (_, "0") => {
                onrange.emit(None);
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    })
}

/// Keys on the list: arrows step through the shown events, Escape clears.
pub(super) fn on_list_key(actions: &Actions) -> Callback<KeyboardEvent> {
    let Actions { step, onselect, .. } = actions.clone();
    Callback::from(move |e: KeyboardEvent| {
        let from = match hit_of(e.target()) {
            Some(Hit::Event(i)) => Some(i),
            _ => None,
        };
        let handled = match e.key().as_str() {
            "ArrowDown" | "ArrowRight" => {
                step.emit((from, true, Origin::List));
                true
            }
            "ArrowUp" | "ArrowLeft" => {
                step.emit((from, false, Origin::List));
                true
            }
            "Escape" => {
                onselect.emit(Selection::None);
                true
            }
            _ => false,
        };
        if handled {
            e.prevent_default();
        }
    })
}
