//! `hokoku check`: reads every file with the app's own reader (`format::decode_bytes`, so a
//! Statuspage export is recognised the same way) and prints every problem, errors first.
//!
//! Messages are in each document's language: the decoded document's, or for a file that did
//! not decode, the top-level `"lang"` when it is readable, else Japanese (the product's
//! default). `--lang` overrides. Files are checked on every core, the output kept in file order.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::report::{self, Checked};
use crate::cli::{inputs, CheckArgs, Fatal};
use crate::format::decode_bytes_in;
use crate::format::json::{self, Value};
use crate::model::{Document, Lang};

pub const EXAMPLES: &str = "\
Examples:
  hokoku check report.json
  hokoku check incidents/ statuspage/incidents.json
  hokoku check --format github incidents/      (in a GitHub Actions step)
  hokoku check --format json --lang en incidents/ > problems.json

Each problem is printed as
  file:line:column: severity code: message [json.path]
(line and column are left out when the problem is about the whole file).
Exit status: 0 no file has an error, 1 some file has one, 2 usage or I/O error.";

/// The language a document says it is in, read from its top level without decoding it.
fn stated_lang(bytes: &[u8]) -> Option<Lang> {
    let parsed = json::parse_bytes(bytes).ok()?;
    let Value::Object(members) = &parsed.root.value else {
        return None;
    };
    members.iter().find_map(|(key, node)| match &node.value {
        Value::String(code) if key.name == "lang" => Lang::from_code(code),
        _ => None,
    })
}

/// Checks one file's bytes.
pub fn check_bytes(file: &str, bytes: &[u8], lang: Option<Lang>) -> Checked {
    check_and_keep(file, bytes, lang).0
}

/// Checks one file's bytes and keeps its document (when it has no error).
pub fn check_and_keep(file: &str, bytes: &[u8], lang: Option<Lang>) -> (Checked, Option<Document>) {
    let outcome = decode_bytes_in(bytes, lang);
    let reports = outcome.document.as_ref().map_or(0, |d| d.reports.len());
    let lang = lang
        .or(outcome.document.as_ref().map(|d| d.lang))
        .or_else(|| stated_lang(bytes))
        .unwrap_or_default();
    let checked = Checked {
        file: file.to_string(),
        lang,
        reports,
        problems: outcome.problems,
    };
    (checked, outcome.document)
}

pub fn run(args: &CheckArgs) -> Result<ExitCode, Fatal> {
    let files = inputs::expand(&args.paths)?;
    let lang = args.lang.map(Lang::from);
    let mut checked = Vec::with_capacity(files.len());
    let mut unreadable = Vec::new();
    for result in check_all(&files, lang) {
        match result {
            Ok(c) => checked.push(c),
            Err(fatal) => unreadable.push(fatal),
        }
    }
    report::print(args.format, &checked);
    for fatal in &unreadable {
        eprintln!("hokoku: {}", fatal.0);
    }
    Ok(if !unreadable.is_empty() {
        ExitCode::from(2)
    } else if checked.iter().any(Checked::has_error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Checks every file, on as many threads as there are cores (each file is independent), and
/// returns the results in the order of `files`, so the output does not depend on scheduling.
fn check_all(files: &[PathBuf], lang: Option<Lang>) -> Vec<Result<Checked, Fatal>> {
    let one =
        |path: &PathBuf| inputs::read(path).map(|bytes| check_bytes(&display(path), &bytes, lang));
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len());
    if threads <= 1 {
        return files.iter().map(one).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(one).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            // A worker only panics if the decoder does, which the fuzz tests rule out; should it
            // happen anyway, the panic is passed on rather than a file silently skipped.
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

pub fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}
