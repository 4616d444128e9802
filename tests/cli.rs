//! Integration tests of the `hokoku` command line (feature `cli`): `check` on good and bad
//! files, folders and Statuspage exports, in the text, JSON and GitHub formats, with exact
//! lines and exit statuses; usage and I/O errors; `--help`; `schema` and `fmt`.
//! The static site of `build` is tested in tests/cli_site.rs.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs the binary in the crate's folder: (exit status, stdout, stderr).
fn hokoku(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hokoku"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the hokoku binary runs");
    (
        out.status.code().expect("an exit status"),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

/// A fresh, empty scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hokoku-cli-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn good_files_exit_0_and_print_no_problem() {
    let (code, out, err) = hokoku(&["check", "examples/sample.json", "examples/history.json"]);
    assert_eq!((code, out.as_str()), (0, ""), "stderr: {err}");
    assert_eq!(
        err,
        "hokoku: 2 files checked, 0 with errors; 0 errors, 0 warnings\n"
    );
}

#[test]
fn a_bad_file_exits_1_with_exact_lines_in_the_documents_language() {
    let (code, out, _) = hokoku(&["check", "tests/bad-inputs/end-before-start.json"]);
    assert_eq!(code, 1);
    let f = "tests/bad-inputs/end-before-start.json";
    assert_eq!(
        out,
        format!(
            "{f}:41:12: error end-before-start: 終了が開始より前になっています。日時を確認してください。 [incident.end]\n\
             {f}:43:7: warning phase-outside-period: このフェーズは障害期間 (incident の start～end) の外にはみ出しています。期間かフェーズの日時を確認してください。 [incident.phases[0]]\n\
             {f}:51:7: warning phase-outside-period: このフェーズは障害期間 (incident の start～end) の外にはみ出しています。期間かフェーズの日時を確認してください。 [incident.phases[1]]\n"
        )
    );
}

#[test]
fn lang_overrides_the_language_and_syntax_errors_have_their_position() {
    let (code, out, _) = hokoku(&["check", "--lang", "en", "e2e/fixtures/syntax-error.json"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "e2e/fixtures/syntax-error.json:6:3: error syntax: JSON syntax error: a trailing comma after the last element.\n"
    );
}

#[test]
fn a_document_that_does_not_decode_is_reported_in_the_language_it_states() {
    let dir = scratch("english");
    let file = dir.join("en.json");
    fs::write(
        &file,
        r#"{ "version": 1, "lang": "en", "report": { "title": "Outage", "issued": "2026-02-30", "issuer": "Example Ltd" },
  "incident": { "start": "2026-02-01T10:00:00Z" } }"#,
    )
    .unwrap();
    let (code, out, _) = hokoku(&["check", s(&file)]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!("{}:1:72: error bad-date: \"2026-02-30\" is not a valid date. Use an existing date as YYYY-MM-DD, e.g. 2026-03-04. [report.issued]\n", s(&file))
    );
}

#[test]
fn a_folder_is_searched_recursively_for_json_files_in_name_order() {
    let dir = scratch("folder");
    fs::create_dir_all(dir.join("b/deeper")).unwrap();
    fs::create_dir_all(dir.join(".hidden")).unwrap();
    fs::copy("examples/minimal.json", dir.join("a.json")).unwrap();
    fs::copy(
        "e2e/fixtures/syntax-error.json",
        dir.join("b/deeper/z.json"),
    )
    .unwrap();
    fs::copy("e2e/fixtures/syntax-error.json", dir.join(".hidden/x.json")).unwrap();
    fs::write(dir.join("notes.txt"), "not a report").unwrap();
    let (code, out, err) = hokoku(&["check", s(&dir)]);
    assert_eq!(code, 1);
    let z = dir.join("b/deeper/z.json");
    assert_eq!(
        out,
        format!(
            "{}:6:3: error syntax: JSON の構文エラー: 最後の要素の後に余分な「,」があります。\n",
            s(&z)
        )
    );
    assert_eq!(
        err,
        "hokoku: 2 files checked, 1 with errors; 1 error, 0 warnings\n"
    );
}

#[test]
fn statuspage_exports_are_checked_like_the_app_reads_them() {
    let (code, out, err) = hokoku(&["check", "tests/fixtures/statuspage"]);
    // Every fixture reads; the only remarks are the warnings a backfilled incident is meant to
    // give (tests/fixtures/statuspage/backfilled.json). The folder grows with each fixture.
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.lines()
            .all(|l| l.contains("backfilled.json") && l.contains(": warning ")),
        "{out}"
    );
    assert!(
        err.contains(" files checked, 0 with errors; 0 errors"),
        "{err}"
    );
}

#[test]
fn json_format_has_stable_fields() {
    let (code, out, err) = hokoku(&[
        "check",
        "--format",
        "json",
        "tests/bad-inputs/bom.json",
        "e2e/fixtures/syntax-error.json",
    ]);
    assert_eq!(code, 1);
    assert_eq!(err, "", "nothing but the JSON");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["format"], 1);
    assert_eq!(
        (v["errors"].as_u64(), v["warnings"].as_u64()),
        (Some(1), Some(1))
    );
    let bom = &v["files"][0];
    assert_eq!(bom["file"], "tests/bad-inputs/bom.json");
    assert_eq!(
        (bom["ok"].as_bool(), bom["reports"].as_u64()),
        (Some(true), Some(1))
    );
    assert_eq!(
        bom["problems"][0],
        serde_json::json!({
            "severity": "warning", "code": "bom", "path": "", "line": null, "column": null,
            "message": "先頭に BOM (U+FEFF) があります。無視して読み込みましたが、BOM なしの UTF-8 で保存することをおすすめします。"
        })
    );
    let syntax = &v["files"][1];
    assert_eq!(
        (syntax["ok"].as_bool(), syntax["lang"].as_str()),
        (Some(false), Some("ja"))
    );
    let p = &syntax["problems"][0];
    assert_eq!(
        (&p["severity"], &p["code"], &p["line"], &p["column"]),
        (&"error".into(), &"syntax".into(), &6.into(), &3.into())
    );
}

#[test]
fn github_format_writes_workflow_commands_with_escaped_values() {
    let (code, out, _) = hokoku(&[
        "check",
        "--format",
        "github",
        "--lang",
        "en",
        "tests/bad-inputs/end-before-start.json",
    ]);
    assert_eq!(code, 1);
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        "::error file=tests/bad-inputs/end-before-start.json,line=41,col=12,title=hokoku end-before-start::The end is before the start. Check the times. [incident.end]"
    );
    assert!(out.lines().nth(1).unwrap().starts_with("::warning file="));

    // A file name with the characters workflow commands reserve.
    let dir = scratch("github");
    let odd = dir.join("a,b:c%.json");
    fs::copy("tests/bad-inputs/bom.json", &odd).unwrap();
    let (code, out, _) = hokoku(&["check", "--format", "github", s(&odd)]);
    assert_eq!(code, 0, "a warning is not an error");
    let escaped = s(&odd)
        .replace('%', "%25")
        .replace(':', "%3A")
        .replace(',', "%2C");
    assert!(
        out.starts_with(&format!("::warning file={escaped},title=hokoku bom::")),
        "{out}"
    );
}

#[test]
fn io_and_usage_errors_exit_2_and_say_exactly_what_is_wrong() {
    let (code, out, err) = hokoku(&["check", "no-such-report.json"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "hokoku: no-such-report.json: no such file or directory\n"
    );

    let empty = scratch("empty");
    fs::write(empty.join("README.txt"), "nothing here").unwrap();
    let (code, _, err) = hokoku(&["check", s(&empty)]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        format!(
            "hokoku: {}: no report in this directory (no .json file)\n",
            s(&empty)
        )
    );

    let (code, _, err) = hokoku(&["check"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("required arguments were not provided"),
        "{err}"
    );
    let (code, _, err) = hokoku(&["check", "--format", "xml", "a.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'xml'"), "{err}");
}

#[test]
fn help_shows_examples_for_each_command() {
    let (code, out, _) = hokoku(&["--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Examples:\n  hokoku check incidents/"),
        "{out}"
    );
    for (command, example) in [
        ("check", "hokoku check --format github incidents/"),
        ("build", "hokoku build history.json --out site/ --app dist/"),
        ("schema", "hokoku schema > schema/v1.json"),
        ("fmt", "hokoku fmt report.json --write"),
    ] {
        let (code, out, _) = hokoku(&[command, "--help"]);
        assert_eq!(code, 0);
        assert!(out.contains(example), "{command}: {out}");
    }
}

#[test]
fn schema_prints_the_committed_json_schema() {
    let (code, out, _) = hokoku(&["schema"]);
    assert_eq!(code, 0);
    assert_eq!(out, fs::read_to_string("schema/v1.json").unwrap());
}

#[test]
fn fmt_prints_the_normalized_form_and_write_rewrites_the_file() {
    let (code, out, _) = hokoku(&["fmt", "examples/minimal.json"]);
    assert_eq!(code, 0);
    let doc = hokoku::format::decode_str(&out)
        .document
        .expect("normalized form decodes");
    let original =
        hokoku::format::decode_str(&fs::read_to_string("examples/minimal.json").unwrap())
            .document
            .unwrap();
    assert_eq!(doc, original);

    let dir = scratch("fmt");
    let file = dir.join("r.json");
    fs::copy("examples/minimal.json", &file).unwrap();
    let (code, _, _) = hokoku(&["fmt", "--write", s(&file)]);
    assert_eq!(code, 0);
    assert_eq!(fs::read_to_string(&file).unwrap(), out);

    let (code, out, err) = hokoku(&["fmt", "e2e/fixtures/syntax-error.json"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.ends_with("hokoku: e2e/fixtures/syntax-error.json: has errors; not formatted\n"),
        "{err}"
    );
}
