//! The result of reading one file: the document when it has no error, and every problem found.
//!
//! A leaf module, so the hokoku decoder and the Statuspage importer can both produce it without
//! knowing about each other; `read` chooses between them.

use crate::format::problem::Problem;
use crate::model::Document;

/// The result of reading one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// `Some` only when there was no error.
    pub document: Option<Document>,
    /// Errors first, then warnings, each in document order.
    pub problems: Vec<Problem>,
}

impl Outcome {
    /// An outcome from a document and its problems, in the promised order, keeping the document
    /// only when no problem is an error.
    pub fn new(document: Option<Document>, mut problems: Vec<Problem>) -> Outcome {
        // Stable: keeps document order inside each severity.
        problems.sort_by_key(|p| p.severity);
        let document = if problems.iter().any(Problem::is_error) {
            None
        } else {
            document
        };
        Outcome { document, problems }
    }

    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }
}
