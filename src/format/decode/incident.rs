//! The incident: its period (given, or from the phases), phases with their impact per service,
//! scope, unaffected services, cause, actions, measures, data loss and extra sections.

use super::*;
use crate::format::json::{Node, Value};
use crate::format::problem::{Problem, ProblemKind, RefKind};
use crate::format::schema as raw;
use crate::format::vocab::*;
use crate::format::walk::Walker;

impl Cx {
    pub(super) fn incident(
        &mut self,
        node: &Node,
        zone: Zone,
        services: &[Service],
        header: Option<&(Header, String)>,
    ) -> Option<Incident> {
        let o = self.object::<raw::Incident>(node)?;
        let start = self.opt(&o, "start", |cx, n| cx.time_point(n, zone));
        let end = self.opt(&o, "end", |cx, n| cx.time_point(n, zone));
        let phase_nodes = o.get("phases");
        let phases = self.opt(&o, "phases", |cx, n| {
            let list = cx.list_indexed(n, |cx, n| cx.phase(n, zone, services))?;
            let (sources, list): (Vec<usize>, Vec<Phase>) = list.into_iter().unzip();
            cx.check_ids(n, &list, |p| &p.id);
            Some((sources, list))
        });
        let phases_ok = phase_nodes.is_none() || phases.is_some();
        // Where each decoded phase stands in the source array, for messages about it.
        let (phase_sources, mut phases) = phases.unwrap_or_default();
        for (i, p) in phases.iter_mut().enumerate() {
            if p.label.is_empty() {
                p.label = circled(i + 1);
            }
        }
        fill_missing_ids(phases.iter_mut().map(|p| &mut p.id), "p");

        // The period: as given, else from the phases. Without it the incident cannot be shown,
        // but the rest of it is still checked so that every problem is reported at once.
        let start = match start {
            Some(s) => Some(s),
            None if !phases.is_empty() => phases
                .iter()
                .map(|p| p.period.start)
                .filter(TimePoint::is_known)
                .min_by_key(|t| t.sort_key())
                .or(Some(phases[0].period.start)),
            None => {
                match o.members.iter().find(|(k, _)| k.name == "start") {
                    // `"start": null`: `opt` reads it as absent, but a start is needed here.
                    Some((_, n)) if n.value == Value::Null => self.in_key("start", |cx| {
                        cx.error(
                            n.pos,
                            ProblemKind::WrongType {
                                expected: "string or object",
                                found: "null",
                            },
                        )
                    }),
                    // Present but broken: already reported.
                    Some(_) => {}
                    None if phases_ok => {
                        self.in_key("start", |cx| cx.error(node.pos, ProblemKind::Missing))
                    }
                    None => {}
                }
                None
            }
        };
        let end = match end {
            Some(e) => Some(e),
            None if !o.has("end")
                && !phases.is_empty()
                && phases.iter().all(|p| p.period.end.is_some()) =>
            {
                phases
                    .iter()
                    .filter_map(|p| p.period.end)
                    .filter(TimePoint::is_known)
                    .max_by_key(|t| t.latest().map(|l| l.timestamp_millis()))
                    // Never derive an end before the given start: the export would write it out and
                    // the file would no longer read back (found by fuzzing). The phases are then
                    // reported outside the period instead.
                    .filter(|e| {
                        !start.is_some_and(|s| {
                            ends_before(&Period {
                                start: s,
                                end: Some(*e),
                            })
                        })
                    })
            }
            None => None,
        };
        let period = start.map(|start| Period { start, end });
        if let Some(period) = &period {
            if let Some(n) = o.get("end") {
                if ends_before(period) {
                    self.in_key("end", |cx| cx.error(n.pos, ProblemKind::EndBeforeStart));
                }
            }
            if let Some(Value::Array(items)) = phase_nodes.map(|n| &n.value) {
                for (p, &i) in phases.iter().zip(&phase_sources) {
                    if p.implicit || !outside(&p.period, period) {
                        continue;
                    }
                    let pos = items.get(i).map(|n| n.pos);
                    self.in_key("phases", |cx| {
                        cx.in_index(i, |cx| {
                            cx.walk.problems.push(Problem::warning(
                                cx.here(),
                                pos,
                                ProblemKind::PhaseOutsidePeriod,
                            ))
                        })
                    });
                }
            }
            if phases.is_empty() {
                phases.push(Phase {
                    id: "p1".into(),
                    label: circled(1),
                    period: *period,
                    summary: header.and_then(|h| h.0.summary.clone()),
                    impact: Vec::new(),
                    notes: Vec::new(),
                    customers: None,
                    implicit: true,
                });
            }
        }

        let scope = self
            .opt(&o, "scope", |cx, n| cx.scope(n))
            .unwrap_or_default();
        let unaffected = self
            .opt(&o, "unaffected", |cx, n| {
                cx.list_indexed(n, |cx, n| cx.service_ref(n, services))
            })
            .unwrap_or_default();
        let unaffected_items = match o.get("unaffected").map(|n| &n.value) {
            Some(Value::Array(items)) => items.as_slice(),
            _ => &[],
        };
        for &(i, s) in &unaffected {
            let hit = phases
                .iter()
                .any(|p| p.level_of(s).is_some_and(|l| l != ImpactLevel::Operational));
            if hit {
                let id = services[s].id.clone();
                let pos = unaffected_items.get(i).map(|n| n.pos);
                self.in_key("unaffected", |cx| {
                    cx.in_index(i, |cx| {
                        cx.walk.problems.push(Problem::warning(
                            cx.here(),
                            pos,
                            ProblemKind::UnaffectedButImpacted(id),
                        ))
                    })
                });
            }
        }
        let unaffected: Vec<usize> = unaffected.into_iter().map(|(_, s)| s).collect();
        let cause = self.opt(&o, "cause", |cx, n| match &n.value {
            Value::String(_) => cx.text(n).map(|s| Cause {
                summary: Some(s),
                chain: Vec::new(),
            }),
            Value::Object(_) => {
                let co = cx.object::<raw::CauseDetails>(n)?;
                let summary = cx.opt(&co, "summary", |cx, n| cx.text(n));
                let chain = cx
                    .opt(&co, "chain", |cx, n| cx.texts(n))
                    .unwrap_or_default();
                Some(Cause { summary, chain })
            }
            _ => {
                cx.wrong_type(n, "string or object");
                None
            }
        });
        let unaffected_note = self.opt(&o, "unaffected_note", |cx, n| cx.text(n));
        let actions = self
            .opt(&o, "actions", |cx, n| cx.actions(n))
            .unwrap_or_default();
        let measures = self
            .opt(&o, "measures", |cx, n| cx.list(n, |cx, n| cx.measure(n)))
            .unwrap_or_default();
        let data_loss = self.opt(&o, "data_loss", |cx, n| cx.text(n));
        let sections = self
            .opt(&o, "sections", |cx, n| {
                cx.list(n, |cx, n| {
                    let so = cx.object::<raw::Section>(n)?;
                    let heading = cx.req(&so, "heading", |cx, n| cx.text(n));
                    let body = cx.req(&so, "body", |cx, n| cx.texts(n));
                    Some(Section {
                        heading: heading?,
                        body: body?,
                    })
                })
            })
            .unwrap_or_default();
        let service_states = self
            .opt(&o, "service_states", |cx, n| {
                cx.list(n, |cx, n| cx.service_state(n, zone, services))
            })
            .unwrap_or_default();
        if !phases_ok {
            return None;
        }
        Some(Incident {
            period: period?,
            phases,
            scope,
            unaffected,
            unaffected_note,
            cause,
            actions,
            measures,
            data_loss,
            sections,
            service_states,
        })
    }

    /// 対処: one string, or a list of steps and groups (`{ "lead", "items", "closing" }`).
    pub(super) fn actions(&mut self, node: &Node) -> Option<Vec<Action>> {
        if let Value::String(_) = node.value {
            return self.text(node).map(|t| vec![Action::Step(t)]);
        }
        if !matches!(node.value, Value::Array(_)) {
            self.wrong_type(node, "string or array");
            return None;
        }
        self.list(node, |cx, n| match &n.value {
            Value::String(_) => cx.text(n).map(Action::Step),
            Value::Object(_) => {
                let go = cx.object::<raw::ActionGroup>(n)?;
                let lead = cx.req(&go, "lead", |cx, n| cx.text(n));
                let items = cx.req(&go, "items", |cx, n| cx.texts(n));
                let closing = cx.opt(&go, "closing", |cx, n| cx.text(n));
                Some(Action::Group {
                    lead: lead?,
                    items: items?,
                    closing,
                })
            }
            _ => {
                cx.wrong_type(n, "string or object");
                None
            }
        })
    }

    pub(super) fn phase(&mut self, node: &Node, zone: Zone, services: &[Service]) -> Option<Phase> {
        let o = self.object::<raw::Phase>(node)?;
        let id = self.opt(&o, "id", |cx, n| cx.text(n));
        let label = self
            .opt(&o, "label", |cx, n| cx.text(n))
            .unwrap_or_default();
        let start = self.req(&o, "start", |cx, n| cx.time_point(n, zone));
        let end = self.opt(&o, "end", |cx, n| cx.time_point(n, zone));
        let summary = self.opt(&o, "summary", |cx, n| cx.text(n));
        let impact = self
            .opt(&o, "impact", |cx, n| {
                // Keys here are service ids: checked against the services, not as fields.
                let io = cx.object_with(n, None)?;
                let mut out = Vec::new();
                for (key, value) in io.members {
                    cx.in_key(&key.name, |cx| {
                        let level = cx.one_of(value, LEVEL_CODES, ImpactLevel::from_code);
                        match service_index(services, &key.name) {
                            None => cx.error(
                                key.pos,
                                ProblemKind::UnknownRef {
                                    kind: RefKind::Service,
                                    id: key.name.clone(),
                                },
                            ),
                            Some(s) => {
                                if let Some(l) = level {
                                    out.push((s, l));
                                }
                            }
                        }
                    });
                }
                crate::model::sort::sort_by_key(&mut out, |(s, _)| *s);
                out.dedup_by_key(|(s, _)| *s);
                Some(out)
            })
            .unwrap_or_default();
        let notes = self
            .opt(&o, "notes", |cx, n| cx.texts(n))
            .unwrap_or_default();
        let customers = self.opt(&o, "customers", |cx, n| cx.count(n, 0, 1_000_000_000_000));
        let start = start?;
        let period = Period { start, end };
        if let Some(n) = o.get("end") {
            if ends_before(&period) {
                self.in_key("end", |cx| cx.error(n.pos, ProblemKind::EndBeforeStart));
            }
        }
        Some(Phase {
            id: id.unwrap_or_default(),
            label,
            period,
            summary,
            impact,
            notes,
            customers,
            implicit: false,
        })
    }

    pub(super) fn scope(&mut self, node: &Node) -> Option<Scope> {
        let o = self.object::<raw::Scope>(node)?;
        Some(Scope {
            customers: self.opt(&o, "customers", |cx, n| cx.text(n)),
            exclusions: self
                .opt(&o, "exclusions", |cx, n| cx.item_texts(n))
                .unwrap_or_default(),
            networks: self
                .opt(&o, "networks", |cx, n| cx.item_texts(n))
                .unwrap_or_default(),
            users: self.opt(&o, "users", |cx, n| cx.count(n, 0, 1_000_000_000_000)),
            notes: self
                .opt(&o, "notes", |cx, n| cx.texts(n))
                .unwrap_or_default(),
        })
    }

    pub(super) fn measure(&mut self, node: &Node) -> Option<Measure> {
        if let Value::String(_) = node.value {
            return self.text(node).map(|text| Measure {
                text,
                due: None,
                status: None,
            });
        }
        let o = self.object::<raw::MeasureDetails>(node)?;
        let text = self.req(&o, "text", |cx, n| cx.text(n));
        let due = self.opt(&o, "due", |cx, n| {
            let s = cx.string_any(n)?;
            let due = parse_due(&s);
            if due.is_none() {
                cx.error(n.pos, ProblemKind::BadDue(s));
            }
            due
        });
        let status = self.opt(&o, "status", |cx, n| {
            cx.one_of(n, STATUS_CODES, status_from_code)
        });
        Some(Measure {
            text: text?,
            due,
            status,
        })
    }
}

impl Incident {
    /// Used only to keep checking a timeline whose incident could not be read.
    pub(super) fn placeholder() -> Incident {
        Incident {
            period: Period {
                start: TimePoint::UNKNOWN,
                end: None,
            },
            phases: Vec::new(),
            scope: Scope::default(),
            unaffected: Vec::new(),
            unaffected_note: None,
            cause: None,
            actions: Vec::new(),
            measures: Vec::new(),
            data_loss: None,
            sections: Vec::new(),
            service_states: Vec::new(),
        }
    }
}
