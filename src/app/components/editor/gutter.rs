//! The line-number gutter beside the text area, with a marker on each line that has a
//! problem. Lines without one are drawn as runs of plain text, so a 10,000-line file costs a
//! few nodes, not 10,000. A mouse convenience: the problems list is the accessible way, so the
//! gutter is hidden from assistive technology.

use std::rc::Rc;

use yew::prelude::*;

use crate::format::problem::{Problem, Severity};
use crate::model::Lang;

#[derive(Properties, PartialEq)]
pub struct GutterProps {
    pub lines: usize,
    pub problems: Rc<[Problem]>,
    pub lang: Lang,
    pub gutter_ref: NodeRef,
    /// A marker was clicked: go to (line, column).
    pub ongoto: Callback<(u32, u32)>,
}

#[function_component]
pub fn Gutter(props: &GutterProps) -> Html {
    // The worst problem and its first position, per marked line.
    let mut marks: Vec<(u32, u32, Severity, String)> = Vec::new();
    for p in props.problems.iter() {
        let Some(pos) = p.pos else { continue };
        if pos.line as usize > props.lines.max(1) {
            continue;
        }
        match marks.iter_mut().find(|m| m.0 == pos.line) {
            Some(m) => {
                if p.severity < m.2 {
                    m.2 = p.severity;
                }
                m.3.push('\n');
                m.3.push_str(&p.message(props.lang));
            }
            None => marks.push((pos.line, pos.column, p.severity, p.message(props.lang))),
        }
    }
    crate::model::sort::sort_by_key(&mut marks, |m| m.0);
    let mut parts = Vec::new();
    let mut next = 1u32;
    let run = |from: u32, to: u32| -> Html {
        let text = (from..to)
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join("\n");
        html! { <span class="hk-gutter__run">{ text }</span> }
    };
    for (line, column, severity, message) in marks {
        if line > next {
            parts.push(run(next, line));
        }
        let ongoto = props.ongoto.clone();
        let class = match severity {
            Severity::Error => "hk-gutter__mark hk-gutter__mark--error",
            Severity::Warning => "hk-gutter__mark hk-gutter__mark--warning",
        };
        parts.push(html! {
            <span class={class} data-testid="gutter-mark" data-line={line.to_string()}
                title={message} onclick={move |_| ongoto.emit((line, column))}>
                { line }
            </span>
        });
        next = line + 1;
    }
    let last = props.lines.max(1) as u32;
    if next <= last {
        parts.push(run(next, last + 1));
    }
    html! {
        <div class="hk-gutter" ref={props.gutter_ref.clone()} aria-hidden="true">
            { for parts }
        </div>
    }
}
