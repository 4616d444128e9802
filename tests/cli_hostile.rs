//! The hostile-string fixture of e2e/xss.test.mjs, built into a static site (feature `cli`):
//! every free-text string of the example history gets a payload appended, report ids try to
//! leave the output folder, and the built pages and feeds must contain no element, attribute,
//! script or `javascript:` link from the data — only the app's own markup, with the payloads
//! as text.

use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const PAYLOADS: &[&str] = &[
    r#"<script>alert("xss-script")</script>"#,
    r#"<img src=x onerror=alert("xss-img")>"#,
    r#"</style><svg onload=alert("xss-svg")><style>"#,
    r#""><a href="javascript:alert(1)">link</a>"#,
    "\u{202E}gnp.exe\u{202C} reversed",
    r#"javascript:alert("xss-text")"#,
    "]]></content><script>alert(1)</script>",
    "</script><script>alert(\"xss-data\")</script>",
];

/// Keys whose strings are ids, codes or times (as in e2e/xss.test.mjs).
const STRUCTURAL: &[&str] = &[
    "$schema",
    "id",
    "at",
    "date",
    "part",
    "approx",
    "kind",
    "actor",
    "phase",
    "role",
    "issued",
    "due",
    "status",
    "lang",
    "zone",
    "local_offset",
    "opening",
    "closing",
    "calendar",
    "clock",
    "items",
    "services",
    "unaffected",
    "impact",
    "eta",
    "start",
    "end",
    "url",
];

fn walk(value: &mut Value, n: &mut usize) {
    match value {
        Value::String(s) => {
            s.push(' ');
            s.push_str(PAYLOADS[*n % PAYLOADS.len()]);
            *n += 1;
        }
        Value::Array(items) => items.iter_mut().for_each(|v| walk(v, n)),
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                // `services` holds objects with free text at the top level, ids elsewhere.
                let service_list = k == "services"
                    && v.as_array()
                        .is_some_and(|a| a.first().is_some_and(Value::is_object));
                if !STRUCTURAL.contains(&k.as_str()) || service_list {
                    walk(v, n);
                }
            }
        }
        _ => {}
    }
}

/// A tag of the built HTML: its name and attributes (name, value).
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

/// Reads the tags of HTML as yew writes it (attribute values always in double quotes, text
/// escaped), returning the tags and the text of `<script>` elements. Anything unexpected fails.
fn tags(html: &str) -> (Vec<Tag>, Vec<String>) {
    let mut out = Vec::new();
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(r) = rest.strip_prefix("!doctype html>") {
            rest = r;
            continue;
        }
        let closing = rest.starts_with('/');
        if closing {
            rest = &rest[1..];
        }
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(rest.len());
        assert!(
            name_len > 0,
            "a `<` that starts no tag: {:?}",
            &rest[..rest.len().min(40)]
        );
        let name = rest[..name_len].to_ascii_lowercase();
        rest = &rest[name_len..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(r) = rest.strip_prefix('>') {
                rest = r;
                break;
            }
            if let Some(r) = rest.strip_prefix("/>") {
                rest = r;
                break;
            }
            let n = rest.find(['=', ' ', '>', '/']).expect("attribute name");
            let attr = rest[..n].to_ascii_lowercase();
            rest = &rest[n..];
            let value = if let Some(r) = rest.strip_prefix("=\"") {
                let end = r.find('"').expect("closing quote");
                let v = r[..end].to_string();
                rest = &r[end + 1..];
                v
            } else {
                String::new()
            };
            attrs.push((attr, value));
        }
        if name == "script" && !closing {
            let end = rest.find("</script>").expect("script end");
            scripts.push(rest[..end].to_string());
            rest = &rest[end..];
        }
        if !closing {
            out.push(Tag { name, attrs });
        }
    }
    (out, scripts)
}

/// No element or attribute in `html` came from data.
fn assert_inert(html: &str, where_: &str, allowed_scripts: usize) {
    let (tags, scripts) = tags(html);
    for tag in &tags {
        assert!(
            ![
                "iframe",
                "object",
                "embed",
                "img",
                "style",
                "foreignobject",
                "base",
                "form-data"
            ]
            .contains(&tag.name.as_str()),
            "{where_}: <{}> from data",
            tag.name
        );
        for (name, value) in &tag.attrs {
            assert!(
                !name.starts_with("on"),
                "{where_}: handler {name}={value:?} on <{}>",
                tag.name
            );
            let v = value.trim().to_ascii_lowercase();
            assert!(
                !v.starts_with("javascript:"),
                "{where_}: {name}={value:?} on <{}>",
                tag.name
            );
            assert!(
                !(name == "style" && v.contains("url(")),
                "{where_}: style {value:?}"
            );
        }
    }
    let script_tags: Vec<&Tag> = tags.iter().filter(|t| t.name == "script").collect();
    assert_eq!(
        script_tags.len(),
        allowed_scripts,
        "{where_}: only our own scripts"
    );
    for (tag, text) in script_tags.iter().zip(&scripts) {
        let ty = tag
            .attrs
            .iter()
            .find(|(n, _)| n == "type")
            .map(|(_, v)| v.as_str());
        match ty {
            Some("application/json") => {
                assert!(
                    !text.contains('<'),
                    "{where_}: a `<` in the embedded JSON could end it"
                );
                serde_json::from_str::<Value>(text).expect("the embedded data is JSON");
            }
            Some("module") => assert!(text.is_empty(), "{where_}: our loader has no inline code"),
            other => panic!("{where_}: a script of type {other:?}"),
        }
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hokoku-hostile-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn hostile_strings_in_every_field_build_a_site_that_executes_nothing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut doc: Value =
        serde_json::from_str(&fs::read_to_string(root.join("examples/history.json")).unwrap())
            .unwrap();
    let mut n = 0;
    walk(&mut doc, &mut n);
    assert!(n > 100, "payloads placed: {n}");
    doc["reports"][0]["report"]["id"] = "../../escaped".into();
    doc["reports"][1]["report"]["id"] = "<b>".into();
    doc["reports"][2]["report"]["contact"] =
        serde_json::json!({ "url": "javascript:alert(\"xss-url\")" });
    let dir = scratch("site");
    let input = dir.join("hostile.json");
    fs::write(&input, serde_json::to_string(&doc).unwrap()).unwrap();
    let out = dir.join("out");
    let app = scratch("app");
    for name in ["boot.js", "hokoku.js", "hokoku_bg.wasm"] {
        fs::write(app.join(name), "").unwrap();
    }
    let status = Command::new(env!("CARGO_BIN_EXE_hokoku"))
        .args([
            "build",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--app",
            app.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        status.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );

    let mut all = Vec::new();
    files(&dir, &mut all);
    assert!(
        all.iter().all(|p| p.starts_with(&dir)),
        "nothing outside the output folder"
    );
    assert!(!dir.join("escaped.html").exists() && !out.join("escaped.html").exists());
    let numbered = fs::read_dir(out.join("reports"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("report-")
        })
        .count();
    assert_eq!(numbered, 2, "ids that are no file names get numbered names");

    let mut pages = 0;
    let mut payloads_seen = false;
    for path in all.iter().filter(|p| p.starts_with(&out)) {
        let text = fs::read_to_string(path).unwrap_or_default();
        let where_ = path.display().to_string();
        match path.extension().and_then(|e| e.to_str()) {
            Some("html") => {
                pages += 1;
                assert_inert(&text, &where_, 2);
                payloads_seen |=
                    text.contains("&lt;script&gt;alert(&quot;xss-script&quot;)&lt;/script&gt;");
                assert!(
                    !text.contains('\u{202E}'),
                    "{where_}: direction overrides are removed"
                );
            }
            Some("atom") => {
                let feed = atom_syndication::Feed::read_from(BufReader::new(text.as_bytes()))
                    .unwrap_or_else(|e| panic!("{where_}: {e}"));
                for entry in feed.entries() {
                    let content = entry.content().and_then(|c| c.value()).unwrap_or_default();
                    assert_inert(content, &format!("{where_} {}", entry.id()), 0);
                    assert!(
                        entry.title().as_str().contains('<') || !entry.title().as_str().is_empty()
                    );
                }
            }
            Some("ics") => {
                let mut parser = ical::IcalParser::new(BufReader::new(text.as_bytes()));
                let cal = parser
                    .next()
                    .unwrap()
                    .unwrap_or_else(|e| panic!("{where_}: {e}"));
                assert!(!cal.events.is_empty());
            }
            _ => {}
        }
    }
    assert_eq!(pages, 13);
    assert!(payloads_seen, "the payloads are in the pages, as text");
}
