//! The three output formats of `hokoku check` (documented for users in docs/cli.md).
//!
//! - text: `file:line:column: severity code: message [json.path]`, the form compilers use, so
//!   editors and terminals link it; `line:column:` is left out for a problem about the whole
//!   file, ` [path]` when the path is the whole document. A summary goes to stderr.
//! - json: one object, fields stable (see [`JsonReport`]).
//! - github: workflow commands; values escaped as the runner expects (`%`, CR, LF, and in
//!   properties also `:` and `,`).
//!
//! Severity words and codes are always English (they are for tools); messages are in each
//! file's language.

use std::io::{self, BufWriter, Write};

use serde::Serialize;

use crate::cli::Format;
use crate::format::problem::{Problem, Severity};
use crate::model::Lang;

/// What checking one file found.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// The path as the user wrote it (or as found under a folder).
    pub file: String,
    pub lang: Lang,
    /// Reports in the document; 0 when it has an error.
    pub reports: usize,
    /// Errors first, then warnings, each in document order.
    pub problems: Vec<Problem>,
}

impl Checked {
    pub fn has_error(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

fn severity(p: &Problem) -> &'static str {
    match p.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// One problem as a line of text.
pub fn text_line(p: &Problem, c: &Checked) -> String {
    let file = &c.file;
    let at = match p.pos {
        Some(pos) => format!("{file}:{}:{}:", pos.line, pos.column),
        None => format!("{file}:"),
    };
    let path = if p.path.is_empty() {
        String::new()
    } else {
        format!(" [{}]", p.path)
    };
    format!(
        "{at} {} {}: {}{path}",
        severity(p),
        p.code(),
        p.message(c.lang)
    )
}

fn github_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One problem as a GitHub Actions workflow command.
pub fn github_line(p: &Problem, c: &Checked) -> String {
    let mut props = vec![format!("file={}", github_property(&c.file))];
    if let Some(pos) = p.pos {
        props.push(format!("line={}", pos.line));
        props.push(format!("col={}", pos.column));
    }
    props.push(format!(
        "title={}",
        github_property(&format!("hokoku {}", p.code()))
    ));
    let path = if p.path.is_empty() {
        String::new()
    } else {
        format!(" [{}]", p.path)
    };
    format!(
        "::{} {}::{}",
        severity(p),
        props.join(","),
        github_data(&format!("{}{path}", p.message(c.lang)))
    )
}

/// The `--format json` document. Field names and meanings are stable (docs/cli.md); new fields
/// may be added, none removed or changed.
#[derive(Serialize, Debug)]
pub struct JsonReport<'a> {
    /// Version of this output format.
    pub format: u32,
    pub files: Vec<JsonFile<'a>>,
    pub errors: usize,
    pub warnings: usize,
}

#[derive(Serialize, Debug)]
pub struct JsonFile<'a> {
    pub file: &'a str,
    /// `ja` or `en`: the language of the messages.
    pub lang: &'static str,
    /// True when the file has no error (it would open in the app).
    pub ok: bool,
    pub reports: usize,
    pub problems: Vec<JsonProblem<'a>>,
}

#[derive(Serialize, Debug)]
pub struct JsonProblem<'a> {
    pub severity: &'static str,
    pub code: &'static str,
    pub message: String,
    /// JSON path such as `incident.phases[1].end`; empty for the whole file.
    pub path: &'a str,
    /// 1-based; null when the problem is about the whole file.
    pub line: Option<u32>,
    /// 1-based, in characters; null with `line`.
    pub column: Option<u32>,
}

pub fn json_report(checked: &[Checked]) -> JsonReport<'_> {
    let files: Vec<JsonFile> = checked
        .iter()
        .map(|c| JsonFile {
            file: &c.file,
            lang: c.lang.code(),
            ok: !c.has_error(),
            reports: c.reports,
            problems: c
                .problems
                .iter()
                .map(|p| JsonProblem {
                    severity: severity(p),
                    code: p.code(),
                    message: p.message(c.lang),
                    path: &p.path,
                    line: p.pos.map(|p| p.line),
                    column: p.pos.map(|p| p.column),
                })
                .collect(),
        })
        .collect();
    let count = |s: Severity| {
        checked
            .iter()
            .flat_map(|c| &c.problems)
            .filter(|p| p.severity == s)
            .count()
    };
    JsonReport {
        format: 1,
        files,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
    }
}

/// Prints the problems of every file to stdout (and, for text and github, a summary to
/// stderr). A closed stdout (`| head`) just ends the output.
pub fn print(format: Format, checked: &[Checked]) {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let _ = write_all(&mut out, format, checked);
    let _ = out.flush();
    if format != Format::Json {
        let report = json_report(checked);
        let bad = report.files.iter().filter(|f| !f.ok).count();
        eprintln!(
            "hokoku: {} file{} checked, {bad} with errors; {} error{}, {} warning{}",
            checked.len(),
            plural(checked.len()),
            report.errors,
            plural(report.errors),
            report.warnings,
            plural(report.warnings)
        );
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn write_all(out: &mut impl Write, format: Format, checked: &[Checked]) -> io::Result<()> {
    match format {
        Format::Text => {
            for c in checked {
                for p in &c.problems {
                    writeln!(out, "{}", text_line(p, c))?;
                }
            }
        }
        Format::Github => {
            for c in checked {
                for p in &c.problems {
                    writeln!(out, "{}", github_line(p, c))?;
                }
            }
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &json_report(checked))?;
            writeln!(out)?;
        }
    }
    Ok(())
}
