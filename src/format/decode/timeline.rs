//! The timeline: events with their time, actor, kind, quote, phase and services, and the rules
//! of announced recovery times (`eta`); event ids unique, missing ones generated.

use std::collections::HashMap;

use super::*;
use crate::format::json::{Node, Value};
use crate::format::problem::{Problem, ProblemKind, RefKind};
use crate::format::schema as raw;
use crate::format::vocab::*;
use crate::format::walk::Walker;

impl Cx {
    pub(super) fn timeline(
        &mut self,
        node: &Node,
        zone: Zone,
        actors: &[Actor],
        services: &[Service],
        incident: &Incident,
    ) -> Option<Vec<Event>> {
        let list =
            self.list_indexed(node, |cx, n| cx.event(n, zone, actors, services, incident))?;
        let Value::Array(items) = &node.value else {
            return None;
        };
        // Check uniqueness of the given ids, then fill in the missing ones.
        let mut seen: HashMap<String, ()> = HashMap::new();
        for (i, e) in &list {
            let i = *i;
            if !e.id.is_empty() && seen.insert(e.id.clone(), ()).is_some() {
                let pos = items.get(i).map(|n| n.pos);
                let id = e.id.clone();
                self.in_index(i, |cx| {
                    cx.in_key("id", |cx| {
                        cx.walk.problems.push(Problem::error(
                            cx.here(),
                            pos,
                            ProblemKind::DuplicateId(id),
                        ))
                    })
                });
            }
        }
        let mut out: Vec<Event> = list.into_iter().map(|(_, e)| e).collect();
        fill_missing_ids(out.iter_mut().map(|e| &mut e.id), "e");
        Some(out)
    }

    pub(super) fn event(
        &mut self,
        node: &Node,
        zone: Zone,
        actors: &[Actor],
        services: &[Service],
        incident: &Incident,
    ) -> Option<Event> {
        let o = self.object::<raw::Event>(node)?;
        let id = self.opt(&o, "id", |cx, n| cx.text(n)).unwrap_or_default();
        let time = self.time_fields(&o, zone);
        let end = self.opt(&o, "end", |cx, n| cx.time_point(n, zone));
        let local_offset = self.opt(&o, "local_offset", |cx, n| cx.offset(n));
        let actor = match o.get("actor") {
            None => Some(0),
            Some(n) => self.in_key("actor", |cx| {
                let id = cx.text(n)?;
                let idx = actors.iter().position(|a| a.id == id);
                if idx.is_none() {
                    cx.error(
                        n.pos,
                        ProblemKind::UnknownRef {
                            kind: RefKind::Actor,
                            id,
                        },
                    );
                }
                idx
            }),
        };
        let kind = self.opt(&o, "kind", |cx, n| {
            cx.one_of(n, KIND_CODES, EventKind::from_code)
        });
        let kind = kind.unwrap_or_default();
        let text = self.req(&o, "text", |cx, n| cx.text(n));
        let quote = self.opt(&o, "quote", |cx, n| match &n.value {
            Value::String(_) => cx.text(n).map(|text| Quote { source: None, text }),
            Value::Object(_) => {
                let qo = cx.object::<raw::QuoteDetails>(n)?;
                let source = cx.opt(&qo, "source", |cx, n| cx.text(n));
                let text = cx.req(&qo, "text", |cx, n| cx.text(n));
                Some(Quote {
                    source,
                    text: text?,
                })
            }
            _ => {
                cx.wrong_type(n, "string or object");
                None
            }
        });
        let phase = self.opt(&o, "phase", |cx, n| {
            let id = cx.text(n)?;
            let idx = incident
                .phases
                .iter()
                .position(|p| p.id == id && !p.implicit);
            if idx.is_none() {
                cx.error(
                    n.pos,
                    ProblemKind::UnknownRef {
                        kind: RefKind::Phase,
                        id,
                    },
                );
            }
            idx
        });
        let event_services = self
            .opt(&o, "services", |cx, n| {
                cx.list(n, |cx, n| cx.service_ref(n, services))
            })
            .unwrap_or_default();
        let eta = self.opt(&o, "eta", |cx, n| cx.time_point(n, zone));
        let time = time?;
        if let (Some(e), Some(n)) = (end, o.get("end")) {
            if ends_before(&Period {
                start: time,
                end: Some(e),
            }) {
                self.in_key("end", |cx| cx.error(n.pos, ProblemKind::EndBeforeStart));
            }
        }
        if let (Some(eta), Some(n)) = (eta, o.get("eta")) {
            if kind != EventKind::Eta {
                self.in_key("eta", |cx| cx.warn(n.pos, ProblemKind::EtaOnOtherKind));
            }
            if let (Some(announced), Some(at)) = (time.earliest(), eta.latest()) {
                if at < announced {
                    self.in_key("eta", |cx| {
                        cx.error(n.pos, ProblemKind::EtaBeforeAnnouncement)
                    });
                }
            }
        } else if kind == EventKind::Eta && !o.has("eta") {
            self.warn(node.pos, ProblemKind::EtaMissing);
        }
        Some(Event {
            id,
            time,
            end,
            local_offset,
            actor: actor?,
            kind,
            text: crate::model::Text::from_markup(&text?),
            quote,
            phase,
            services: event_services,
            eta,
        })
    }
}
