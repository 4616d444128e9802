//! `incident.service_states`: each service's own states over time, as a status page gives its
//! components' statuses. Per-service times are computed from them (`compose::impact`).

use super::*;
use crate::format::json::Node;
use crate::format::problem::ProblemKind;
use crate::format::schema as raw;
use crate::format::vocab::LEVEL_CODES;
use crate::format::walk::Walker;

impl Cx {
    /// One `{ "service", "level", "start", "end" }`. An end before the start is an error, as
    /// for a phase; `"end": {}` is an end not known, absent or null a state that still holds.
    pub(super) fn service_state(
        &mut self,
        node: &Node,
        zone: Zone,
        services: &[Service],
    ) -> Option<ServiceState> {
        let o = self.object::<raw::ServiceState>(node)?;
        let service = self.req(&o, "service", |cx, n| cx.service_ref(n, services));
        let level = self.req(&o, "level", |cx, n| {
            cx.one_of(n, LEVEL_CODES, ImpactLevel::from_code)
        });
        let start = self.req(&o, "start", |cx, n| cx.time_point(n, zone));
        let end = self.opt(&o, "end", |cx, n| cx.time_point(n, zone));
        let period = Period { start: start?, end };
        if let Some(n) = o.get("end") {
            if ends_before(&period) {
                self.in_key("end", |cx| cx.error(n.pos, ProblemKind::EndBeforeStart));
            }
        }
        Some(ServiceState {
            service: service?,
            level: level?,
            period,
        })
    }
}
