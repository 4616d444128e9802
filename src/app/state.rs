//! Application state and its reducer: the loaded document, what is being loaded, the problems
//! of the last attempt, the chosen view and report, and the shared selection (phase or event)
//! that links the timeline and the impact table.
//!
//! The rules the reducer enforces: a failed load never replaces what is shown (its problems are
//! kept apart in `failure` and shown above the document that stays), and the user's latest
//! action wins. Every load (download, file, paste, host message) carries a [`Ticket`] taken when
//! it was asked for; what arrives for an older ticket than the latest is dropped, so a slow
//! download never overwrites a file the user loaded after starting it.

use std::rc::Rc;

use yew::Reducible;

use crate::format::problem::Problem;
use crate::format::Outcome;
use crate::model::{Document, Lang, Report};

pub mod editing;

pub use editing::{EditAction, Editor, Pane};

/// The three views; each is its own component.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The list of reports of a history document.
    History,
    #[default]
    Timeline,
    Table,
    Letter,
    /// Writing the document: its text beside a preview of the other views.
    Edit,
}

impl View {
    pub const ALL: [View; 5] = [
        View::History,
        View::Timeline,
        View::Table,
        View::Letter,
        View::Edit,
    ];

    pub fn code(self) -> &'static str {
        match self {
            View::History => "history",
            View::Timeline => "timeline",
            View::Table => "table",
            View::Letter => "letter",
            View::Edit => "edit",
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.code() == code)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (View::History, Lang::Ja) => "報告一覧",
            (View::History, Lang::En) => "All reports",
            (View::Timeline, Lang::Ja) => "経緯",
            (View::Table, Lang::Ja) => "影響範囲",
            (View::Letter, Lang::Ja) => "お詫び状",
            (View::Timeline, Lang::En) => "Timeline",
            (View::Table, Lang::En) => "Impact",
            (View::Letter, Lang::En) => "Letter",
            (View::Edit, Lang::Ja) => "編集",
            (View::Edit, Lang::En) => "Edit",
        }
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

/// The order in which loads were asked for: a later action has a larger ticket.
pub type Ticket = u64;

/// A download or file read in progress.
#[derive(Clone, Debug, PartialEq)]
pub struct Loading {
    pub ticket: Ticket,
    pub source: Rc<str>,
    pub loaded: u64,
    /// Known when the server sent a length.
    pub total: Option<u64>,
}

/// A load attempt that did not produce a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub source: Rc<str>,
    pub problems: Rc<[Problem]>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    pub document: Option<Rc<Document>>,
    /// Where the shown document came from (file name, URL, "sample"…).
    pub source: Option<Rc<str>>,
    /// Warnings of the shown document.
    pub warnings: Rc<[Problem]>,
    pub failure: Option<Failure>,
    pub loading: Option<Loading>,
    pub view: View,
    /// Index into `document.reports`.
    pub report: usize,
    /// `document.reports[report]`, shared so views get it without copying 10,000 events.
    pub shown: Option<Rc<Report>>,
    pub selection: Selection,
    /// Visible time window of the timeline (Unix ms); `None` = fit all.
    pub range: Option<(i64, i64)>,
    /// `?lang=` wins over the document's language.
    pub lang_override: Option<Lang>,
    /// The edit view's session, once it was opened.
    pub editor: Option<Rc<Editor>>,
    /// The ticket of the latest load asked for; results of older ones are dropped.
    pub latest: Ticket,
}

pub enum Action {
    StartLoading {
        ticket: Ticket,
        source: Rc<str>,
    },
    Progress {
        ticket: Ticket,
        loaded: u64,
        total: Option<u64>,
    },
    /// The bytes were read and decoded (successfully or not).
    Decoded {
        ticket: Ticket,
        source: Rc<str>,
        outcome: Outcome,
    },
    /// The bytes could not be had at all (HTTP error, network, too large, bad `?src=`).
    Failed {
        ticket: Ticket,
        source: Rc<str>,
        problem: Problem,
    },
    /// The user stopped the download in progress; what is shown stays.
    Cancel {
        ticket: Ticket,
    },
    SetView(View),
    SelectReport(usize),
    Select(Selection),
    SetRange(Option<(i64, i64)>),
    DismissFailure,
    Edit(EditAction),
}

impl AppState {
    pub fn lang(&self) -> Lang {
        self.lang_override
            .or(self.document.as_ref().map(|d| d.lang))
            .unwrap_or_default()
    }

    pub fn shown_report(&self) -> Option<&Rc<Report>> {
        self.shown.as_ref()
    }

    fn show(&mut self, index: usize) {
        self.report = index;
        self.shown = self
            .document
            .as_ref()
            .and_then(|d| d.reports.get(index))
            .cloned()
            .map(Rc::new);
        self.selection = Selection::None;
        self.range = None;
    }

    /// Shows a document written in the edit view: the same report and selection stay when
    /// they still exist, so the preview does not jump while the writer types.
    pub fn replace_document(&mut self, doc: Rc<Document>, source: Rc<str>, warnings: Vec<Problem>) {
        // What the writer typed is the latest action: a load still running loses, and what it
        // delivers later is dropped (the shell's next ticket is larger than its).
        if let Some(l) = self.loading.take() {
            self.latest = self.latest.max(l.ticket + 1);
        }
        let index = if self.report < doc.reports.len() {
            self.report
        } else {
            0
        };
        let keep = self.document.is_some() && index == self.report;
        let (selection, range) = (self.selection, self.range);
        self.document = Some(doc);
        self.source = Some(source);
        self.warnings = warnings.into();
        self.show(index);
        if keep {
            self.selection = selection;
            self.range = range;
        }
    }

    /// Finds a report by its id (for `?report=`).
    pub fn report_index(&self, id: &str) -> Option<usize> {
        self.document
            .as_ref()?
            .reports
            .iter()
            .position(|r| r.id == id)
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A result for a load the user has since replaced: nothing changes.
        let stale = match &action {
            Action::StartLoading { ticket, .. }
            | Action::Decoded { ticket, .. }
            | Action::Failed { ticket, .. } => *ticket < self.latest,
            Action::Progress { ticket, .. } | Action::Cancel { ticket } => {
                self.loading.as_ref().is_none_or(|l| l.ticket != *ticket)
            }
            _ => false,
        };
        if stale {
            return self;
        }
        let mut next = (*self).clone();
        match action {
            Action::StartLoading { ticket, source } => {
                next.latest = ticket;
                next.loading = Some(Loading {
                    ticket,
                    source,
                    loaded: 0,
                    total: None,
                });
            }
            Action::Progress { loaded, total, .. } => {
                if let Some(l) = next.loading.as_mut() {
                    l.loaded = loaded;
                    l.total = total;
                }
            }
            Action::Cancel { ticket } => {
                // Whatever still arrives for it is dropped like a replaced load's; the shell's
                // next ticket is larger than this one, so it is not affected.
                next.latest = ticket + 1;
                next.loading = None;
            }
            Action::Decoded {
                ticket,
                source,
                outcome,
            } => {
                next.latest = ticket;
                next.loading = None;
                match outcome.document {
                    Some(doc) => {
                        if doc.is_history {
                            next.view = View::History;
                        } else if next.view == View::History {
                            next.view = View::default();
                        }
                        next.document = Some(Rc::new(doc));
                        next.source = Some(source);
                        next.warnings = outcome.problems.into();
                        next.failure = None;
                        next.show(0);
                    }
                    None => {
                        next.failure = Some(Failure {
                            source,
                            problems: outcome.problems.into(),
                        });
                    }
                }
            }
            Action::Failed {
                ticket,
                source,
                problem,
            } => {
                next.latest = ticket;
                next.loading = None;
                next.failure = Some(Failure {
                    source,
                    problems: vec![problem].into(),
                });
            }
            Action::SetView(view) => next.view = view,
            Action::SelectReport(index) => {
                let count = next.document.as_ref().map_or(0, |d| d.reports.len());
                if index < count && index != next.report {
                    next.show(index);
                }
            }
            Action::Select(selection) => next.selection = selection,
            Action::SetRange(range) => next.range = range,
            Action::DismissFailure => next.failure = None,
            Action::Edit(action) => editing::reduce(&mut next, action),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests;
