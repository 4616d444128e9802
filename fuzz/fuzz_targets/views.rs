//! Fuzz target: what the views compute from a decoded document, without drawing it.
//!
//! The wasm build aborts on a panic, so a panic in the impact figures, the letter or the timeline
//! layout would leave the reader with a dead page for a file the decoder accepted. This target
//! decodes the input and, for every report, runs the same pure functions the components call.
#![no_main]

use hokoku::format::decode_bytes;
use hokoku::compose::impact;
use hokoku::compose::layout::{chart, ChartSpec, Filter, Prepared};
use hokoku::compose::letter;
use hokoku::model::Lang;
use hokoku::model::timefmt::Fmt;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the chart width and options; the rest is the file.
    let Some((&knob, file)) = data.split_first() else { return };
    let Some(doc) = decode_bytes(file).document else { return };
    for report in &doc.reports {
        for lang in [Lang::Ja, Lang::En] {
            let fmt = Fmt::new(lang, report.letter.date_style, report.zone);
            let _ = impact::Figures::of(report);
            let rows = impact::matrix(report);
            let _ = impact::legend(&rows);
            let _ = impact::outage_length(report).map(|l| l.text(&fmt));
            for s in 0..report.services.len() {
                let _ = impact::service_outage(report, s).map(|l| l.text(&fmt));
            }
            let _ = impact::unaffected_sentence(report, lang);
            let _ = letter::compose(report, lang);
            let _ = fmt.period(&report.incident.period);
            let _ = fmt.period_duration(&report.incident.period);
            for p in &report.incident.phases {
                let _ = impact::PhaseFigures::of(p);
                let _ = fmt.period(&p.period);
            }
            for e in &report.timeline {
                let _ = fmt.time_point(&e.time);
                if let Some(offset) = e.local_offset {
                    let _ = fmt.local_time(&e.time, offset);
                }
            }
            let prepared = Prepared::new(report);
            let spec = ChartSpec {
                width: f64::from(knob) * 8.0,
                real_time: knob & 1 == 1,
                range: None,
                filter: Filter::default(),
            };
            let _ = chart(report, &prepared, &fmt, &spec);
        }
    }
});
