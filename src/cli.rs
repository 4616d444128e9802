//! The `hokoku` command line (feature `cli`, native only): `check` reports the same problems
//! the browser shows, `build` writes a static site, `schema` prints the JSON Schema, `fmt` the
//! normalized form. A thin layer over the library: reading, decoding and rendering are the
//! app's own code. The output formats of `check` are in [`report`], the site in
//! [`crate::site`]; `docs/cli.md` documents both for users.
//!
//! Exit status: 0 when no file has an error, 1 when one has, 2 for a usage or I/O error (a
//! missing file, a folder without reports, an output that cannot be written).

pub mod build;
pub mod check;
pub mod inputs;
pub mod report;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::Lang;

const EXAMPLES: &str = "\
Examples:
  hokoku check incidents/                     every .json file under incidents/
  hokoku check --format github reports/*.json annotations for a GitHub Actions workflow
  hokoku check --format json --lang en a.json  stable JSON, messages in English
  hokoku build history.json --out site/ --app dist/
                                              a static site, with the app where JavaScript runs
  hokoku schema > schema/v1.json
  hokoku fmt report.json --write

Exit status: 0 no file has an error, 1 some file has one, 2 usage or I/O error.";

#[derive(Parser, Debug)]
#[command(
    name = "hokoku",
    version,
    about = "Incident reports: check them, and build a static status site with feeds",
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check incident files (hokoku JSON or Statuspage exports) and print every problem.
    #[command(after_help = check::EXAMPLES)]
    Check(CheckArgs),
    /// Build a static site: pages readable without JavaScript, Atom feeds, a maintenance calendar.
    #[command(after_help = build::EXAMPLES)]
    Build(BuildArgs),
    /// Print the JSON Schema of the incident format.
    #[command(after_help = "Example:\n  hokoku schema > schema/v1.json")]
    Schema,
    /// Print the normalized form of a file (or rewrite it with --write).
    #[command(
        after_help = "Examples:\n  hokoku fmt report.json > normalized.json\n  hokoku fmt report.json --write"
    )]
    Fmt(FmtArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Ja,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Ja => Lang::Ja,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `file:line:column: severity code: message [json path]`, one problem a line.
    Text,
    /// One JSON object with every file and problem (fields in docs/cli.md).
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::message`).
    Github,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or folders (folders are searched for *.json files).
    #[arg(required = true, value_name = "FILE")]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Language of the messages; each document's own language by default.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Args, Debug)]
pub struct BuildArgs {
    /// One report or a history (hokoku JSON or a Statuspage export).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The folder to write the site into (created when missing).
    #[arg(long, short, value_name = "DIR")]
    pub out: PathBuf,
    /// The app's build (`dist/` of `trunk build --release`) to copy beside the pages, so the
    /// interactive app takes over where JavaScript runs.
    #[arg(long, value_name = "DIR")]
    pub app: Option<PathBuf>,
    /// Where the site is published (https://…/): makes feed links absolute.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Language of the pages and feeds; the document's own by default.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

#[derive(Args, Debug)]
pub struct FmtArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Rewrite the file in place instead of printing.
    #[arg(long)]
    pub write: bool,
}

/// A failure that is not about the content of a report: exit status 2.
#[derive(Debug, PartialEq)]
pub struct Fatal(pub String);

impl Fatal {
    fn exit(&self) -> ExitCode {
        eprintln!("hokoku: {}", self.0);
        ExitCode::from(2)
    }
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Schema => {
            print!("{}", crate::format::schema::json_schema_text());
            Ok(ExitCode::SUCCESS)
        }
        Command::Fmt(args) => build::fmt(&args),
    };
    result.unwrap_or_else(|fatal| fatal.exit())
}
