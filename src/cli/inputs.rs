//! Which files a command reads: the paths as given, folders searched (recursively, hidden
//! entries skipped) for `*.json` files in name order. Each failure says exactly what is wrong:
//! a path that does not exist, a folder with no report in it, a file that cannot be read.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::cli::Fatal;

/// Every file to read, in the order given (each folder's files sorted by path).
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Fatal> {
    let mut out = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| match e.kind() {
            ErrorKind::NotFound => Fatal(format!("{}: no such file or directory", path.display())),
            _ => Fatal(format!("{}: {e}", path.display())),
        })?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            if found.is_empty() {
                return Err(Fatal(format!(
                    "{}: no report in this directory (no .json file)",
                    path.display()
                )));
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), Fatal> {
    let entries =
        fs::read_dir(dir).map_err(|e| Fatal(format!("{}: cannot list: {e}", dir.display())))?;
    for entry in entries {
        let entry = entry.map_err(|e| Fatal(format!("{}: cannot list: {e}", dir.display())))?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // Follows symbolic links, as a shell glob would.
        let meta = fs::metadata(&path);
        match meta {
            Ok(m) if m.is_dir() => walk(&path, found)?,
            Ok(m) if m.is_file() && is_json(&path) => found.push(path),
            _ => {}
        }
    }
    Ok(())
}

fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// The bytes of a file, with the reason in words when it cannot be read.
pub fn read(path: &Path) -> Result<Vec<u8>, Fatal> {
    fs::read(path).map_err(|e| match e.kind() {
        ErrorKind::NotFound => Fatal(format!("{}: no such file or directory", path.display())),
        ErrorKind::IsADirectory => Fatal(format!("{}: is a directory", path.display())),
        _ => Fatal(format!("{}: cannot read: {e}", path.display())),
    })
}
