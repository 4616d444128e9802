//! The result of reading one file: the document when it has no error, and every problem found.
//!
//! A leaf module, so the hokoku decoder and the Statuspage importer can both produce it without
//! knowing about each other; `read` chooses between them.

use crate::format::problem::Problem;
use crate::format::walk::Problems;
use crate::model::Document;

/// The result of reading one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// `Some` only when there was no error, or when the errors are all inside reports of a
    /// history that it lists in `broken` instead of opening them.
    pub document: Option<Document>,
    /// Errors first, then warnings, each in document order.
    pub problems: Vec<Problem>,
}

impl Outcome {
    /// An outcome from a document and its problems, in the promised order, keeping the document
    /// only when no problem is an error, or when it lists broken reports (a history that opens
    /// without them: the reader that built it checked that every error is inside one, see
    /// [`Outcome::read`]).
    pub fn new(document: Option<Document>, mut problems: Vec<Problem>) -> Outcome {
        // Stable: keeps document order inside each severity.
        crate::model::sort::sort_by_key(&mut problems, |p| p.severity);
        let has_error = problems.iter().any(Problem::is_error);
        let document = document.filter(|d| !has_error || !d.broken.is_empty());
        Outcome { document, problems }
    }

    /// What a reader found: its document is kept only when every error it counted (kept in the
    /// list or only counted, as in a flood) belongs to one of the document's broken reports.
    /// An error anywhere else (the shared services, the file's version…) refuses the file.
    pub fn read(document: Option<Document>, problems: Problems) -> Outcome {
        let errors = problems.errors();
        let document = document.filter(|d| {
            let in_broken: u64 = d.broken.iter().map(|b| b.errors).sum();
            errors == 0 || (!d.broken.is_empty() && errors == in_broken && !d.reports.is_empty())
        });
        Outcome::new(document, problems.finish())
    }

    /// Whether some reports of the document could not be opened (listed in `broken`).
    pub fn has_broken(&self) -> bool {
        self.document.as_ref().is_some_and(|d| !d.broken.is_empty())
    }

    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }
}
