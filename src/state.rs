//! Application state and its reducer: the loaded document, what is being loaded, the problems
//! of the last attempt, the chosen view and the shared selection (phase or event) that links
//! the timeline and the impact table.

use std::rc::Rc;

use crate::model::{Document, Lang};
use crate::problem::Problem;

/// The three views; each is its own component.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Timeline,
    Table,
    Letter,
}

impl View {
    pub const ALL: [View; 3] = [View::Timeline, View::Table, View::Letter];

    pub fn code(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::Table => "table",
            View::Letter => "letter",
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }
}

/// What is selected, shared by the timeline and the impact table. Indices are into the shown
/// report's `incident.phases` and `timeline`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Selection {
    #[default]
    None,
    Phase(usize),
    Event(usize),
}

impl Selection {
    pub fn phase(self) -> Option<usize> {
        match self {
            Selection::Phase(p) => Some(p),
            _ => None,
        }
    }

    pub fn event(self) -> Option<usize> {
        match self {
            Selection::Event(e) => Some(e),
            _ => None,
        }
    }
}

/// Silence unused warnings until the app uses these.
#[allow(dead_code)]
struct _Uses(Rc<Document>, Lang, Problem);
