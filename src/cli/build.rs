//! `hokoku build` (the static site of one file) and `hokoku fmt` (its normalized form).
//!
//! A file with an error builds nothing: its problems are printed as `check` prints them and
//! the status is 1. Warnings are printed and the site is built. The output folder is created
//! when missing; files of an earlier build are overwritten, other files left alone.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::check::{check_and_keep, display};
use crate::cli::report::text_line;
use crate::cli::{inputs, BuildArgs, Fatal, FmtArgs};
use crate::format::export;
use crate::model::{Document, Lang};
use crate::site;

pub const EXAMPLES: &str = "\
Examples:
  hokoku build report.json --out site/
  hokoku build history.json --out site/ --app dist/ --base-url https://status.example.com/
  hokoku build statuspage/incidents.json --out site/ --lang en

Writes, for one report: index.html (timeline with its list and a static chart, impact table,
letter; print-ready), hokoku.css, feed.atom, feeds/<service>.atom and maintenance.ics.
For a history: index.html lists every report, and each has reports/<id>.html.
With --app, the app's boot.js, hokoku.js and hokoku_bg.wasm are copied beside the pages: where
JavaScript runs, the interactive app takes over from the same embedded document.";

/// The app files a page loads, as `trunk build` names them (Trunk.toml: `filehash = false`).
pub const APP_FILES: &[&str] = &["boot.js", "hokoku.js", "hokoku_bg.wasm"];

/// Reads and decodes one file; its problems are printed to stderr. `Ok(None)` when it has an
/// error.
fn load(path: &Path, lang: Option<Lang>) -> Result<Option<Document>, Fatal> {
    let bytes = inputs::read(path)?;
    let file = display(path);
    let (checked, document) = check_and_keep(&file, &bytes, lang);
    for p in &checked.problems {
        eprintln!("{}", text_line(p, &checked));
    }
    Ok(document)
}

fn write(out: &Path, relative: &str, bytes: &[u8]) -> Result<(), Fatal> {
    let path = relative
        .split('/')
        .fold(out.to_path_buf(), |p, part| p.join(part));
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| {
            Fatal(format!(
                "{}: cannot create directory: {e}",
                parent.display()
            ))
        })?;
    }
    fs::write(&path, bytes).map_err(|e| Fatal(format!("{}: cannot write: {e}", path.display())))
}

fn app_files(app: &Path) -> Result<Vec<(String, PathBuf)>, Fatal> {
    if !app.is_dir() {
        return Err(Fatal(format!(
            "--app {}: no such directory (build the app with `trunk build --release`)",
            app.display()
        )));
    }
    APP_FILES
        .iter()
        .map(|name| {
            let path = app.join(name);
            if path.is_file() {
                Ok((name.to_string(), path))
            } else {
                Err(Fatal(format!(
                    "--app {}: {name} is missing (is this the dist/ of `trunk build --release`?)",
                    app.display()
                )))
            }
        })
        .collect()
}

pub fn run(args: &BuildArgs) -> Result<ExitCode, Fatal> {
    let lang = args.lang.map(Lang::from);
    // Everything that can be refused is checked before anything is written.
    let app = args.app.as_deref().map(app_files).transpose()?;
    if args.out.exists() && !args.out.is_dir() {
        return Err(Fatal(format!(
            "--out {}: exists and is not a directory",
            args.out.display()
        )));
    }
    let Some(doc) = load(&args.file, lang)? else {
        eprintln!(
            "hokoku: {}: has errors; nothing was built",
            args.file.display()
        );
        return Ok(ExitCode::from(1));
    };
    let built = site::build(
        &doc,
        &site::Options {
            lang,
            base_url: args.base_url.clone(),
            with_app: app.is_some(),
        },
    );
    fs::create_dir_all(&args.out).map_err(|e| {
        Fatal(format!(
            "--out {}: cannot create directory: {e}",
            args.out.display()
        ))
    })?;
    for file in &built.files {
        write(&args.out, &file.path, &file.bytes)?;
    }
    for (name, from) in app.iter().flatten() {
        fs::copy(from, args.out.join(name)).map_err(|e| {
            Fatal(format!(
                "{}: cannot copy to {}: {e}",
                from.display(),
                args.out.display()
            ))
        })?;
    }
    for note in &built.notes {
        eprintln!("hokoku: {note}");
    }
    let pages = built
        .files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .count();
    eprintln!(
        "hokoku: wrote {} files ({pages} page{}) to {}{}",
        built.files.len() + app.as_ref().map_or(0, Vec::len),
        if pages == 1 { "" } else { "s" },
        args.out.display(),
        if app.is_some() { ", with the app" } else { "" }
    );
    Ok(ExitCode::SUCCESS)
}

pub fn fmt(args: &FmtArgs) -> Result<ExitCode, Fatal> {
    let Some(doc) = load(&args.file, None)? else {
        eprintln!("hokoku: {}: has errors; not formatted", args.file.display());
        return Ok(ExitCode::from(1));
    };
    let text = export::to_json(&doc);
    if args.write {
        fs::write(&args.file, text)
            .map_err(|e| Fatal(format!("{}: cannot write: {e}", args.file.display())))?;
    } else {
        print!("{text}");
    }
    Ok(ExitCode::SUCCESS)
}
