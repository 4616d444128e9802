//! Native timings of the hostile inputs of issue 18 (a measuring harness, not a test: nothing
//! here asserts a time). Generate the files, then time reading each one and rendering every view
//! it reaches (server-side, so the DOM's own cost is not in these figures; bench/run.mjs measures
//! the page in Chromium):
//!
//!   node bench/hostile.mjs /tmp/hostile
//!   cargo bench --bench hostile -- /tmp/hostile

use std::rc::Rc;
use std::time::{Duration, Instant};

use hokoku::app::components::history::{History, HistoryProps};
use hokoku::app::components::letter_view::{LetterView, LetterViewProps};
use hokoku::app::components::problems::{ProblemsPanel, ProblemsProps};
use hokoku::app::components::timeline::{Timeline, TimelineProps};
use hokoku::app::state::Selection;
use hokoku::format::decode_bytes;
use hokoku::model::Lang;
use yew::{Callback, LocalServerRenderer};

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let dir = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "/tmp/hostile".into());
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("a directory written by node bench/hostile.mjs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    println!("| input | read | problems | problems panel | history | timeline | letter |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for path in names {
        let bytes = std::fs::read(&path).unwrap();
        let t = Instant::now();
        let outcome = decode_bytes(&bytes);
        let read = t.elapsed();
        let t = Instant::now();
        let problems: Rc<[_]> = outcome.problems.clone().into();
        let count = problems.len();
        let _ = LocalServerRenderer::<ProblemsPanel>::with_props(ProblemsProps {
            problems,
            lang: Lang::Ja,
            title: "problems".into(),
            ondismiss: None,
            broken: Default::default(),
        })
        .hydratable(false)
        .render()
        .await;
        let panel = t.elapsed();
        let (mut history, mut timeline, mut letter) =
            ("-".to_string(), "-".to_string(), "-".to_string());
        if let Some(doc) = outcome.document {
            let doc = Rc::new(doc);
            if doc.reports.len() > 1 {
                let t = Instant::now();
                let _ = LocalServerRenderer::<History>::with_props(yew::props!(HistoryProps {
                    document: doc.clone(),
                    lang: Lang::Ja,
                    onopen: Callback::noop(),
                }))
                .hydratable(false)
                .render()
                .await;
                history = ms(t.elapsed());
            }
            let report = Rc::new(doc.reports[0].clone());
            let t = Instant::now();
            let _ = LocalServerRenderer::<Timeline>::with_props(yew::props!(TimelineProps {
                report: report.clone(),
                lang: Lang::Ja,
                selection: Selection::default(),
                onselect: Callback::noop(),
                range: None,
                onrange: Callback::noop(),
            }))
            .hydratable(false)
            .render()
            .await;
            timeline = ms(t.elapsed());
            let t = Instant::now();
            let _ = LocalServerRenderer::<LetterView>::with_props(LetterViewProps {
                report,
                lang: Lang::Ja,
            })
            .hydratable(false)
            .render()
            .await;
            letter = ms(t.elapsed());
        }
        println!(
            "| {} | {} | {} | {} | {history} | {timeline} | {letter} |",
            path.file_name().unwrap().to_string_lossy(),
            ms(read),
            count,
            ms(panel),
        );
    }
}
