//! Small reports built in code for the layout tests: three actors, a zone of +09:00, events on
//! 2016-10-11 unless a test says otherwise.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};

use crate::model::*;

pub fn jst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).unwrap()
}

/// 2016-10-11 at h:m JST.
pub fn at(h: u32, m: u32) -> DateTime<FixedOffset> {
    jst().with_ymd_and_hms(2016, 10, 11, h, m, 0).unwrap()
}

pub fn event(actor: usize, time: Option<DateTime<FixedOffset>>) -> Event {
    Event {
        id: String::new(),
        time: time.map(TimePoint::exact).unwrap_or(TimePoint::UNKNOWN),
        end: None,
        local_offset: None,
        actor,
        kind: EventKind::Action,
        text: "ストレージ装置の再起動を実施".into(),
        quote: None,
        phase: None,
        services: vec![],
        eta: None,
    }
}

/// A date-only event on 2016-10-`day`.
pub fn day_event(actor: usize, day: u32) -> Event {
    let date = NaiveDate::from_ymd_opt(2016, 10, day).unwrap();
    Event {
        time: TimePoint {
            when: When::Day {
                date,
                part: None,
                zone: jst().into(),
            },
            approx: Approx::Exact,
        },
        ..event(actor, None)
    }
}

pub fn phase(
    label: &str,
    start: DateTime<FixedOffset>,
    end: Option<DateTime<FixedOffset>>,
) -> Phase {
    Phase {
        id: label.into(),
        label: label.into(),
        period: Period {
            start: TimePoint::exact(start),
            end: end.map(TimePoint::exact),
        },
        summary: None,
        impact: vec![],
        notes: vec![],
        customers: None,
        implicit: false,
    }
}

/// A report around `events`; ids are filled as e1, e2… and the incident spans the known times.
pub fn report(mut events: Vec<Event>) -> Report {
    for (i, e) in events.iter_mut().enumerate() {
        e.id = format!("e{}", i + 1);
    }
    let times: Vec<_> = events.iter().filter_map(|e| e.time.earliest()).collect();
    let start = times.iter().min().copied();
    let end = times.iter().max().copied();
    let period = Period {
        start: start.map(TimePoint::exact).unwrap_or(TimePoint::UNKNOWN),
        end: end.map(TimePoint::exact),
    };
    let actor = |id: &str, name: &str, role| Actor {
        id: id.into(),
        name: name.into(),
        role,
    };
    Report {
        id: "r1".into(),
        header: Header {
            title: Some("テスト障害のご報告".into()),
            issued: NaiveDate::from_ymd_opt(2016, 10, 20),
            kind: ReportKind::Final,
            addressee: None,
            issuer: Issuer {
                organization: "株式会社テスト".into(),
                ..Issuer::default()
            },
            document_number: None,
            summary: None,
            contact: None,
            revisions: vec![],
        },
        services: vec![Service {
            id: "pop".into(),
            name: "POP".into(),
        }],
        actors: vec![
            actor("us", "弊社", ActorRole::Us),
            actor("dc", "データセンター", ActorRole::DataCenter),
            actor("mon", "監視", ActorRole::Monitoring),
        ],
        incident: Incident {
            period,
            phases: vec![Phase {
                period,
                implicit: true,
                ..phase("①", start.unwrap_or(at(9, 0)), end)
            }],
            scope: Scope::default(),
            unaffected: vec![],
            cause: None,
            unaffected_note: None,
            actions: vec![],
            measures: vec![],
            data_loss: None,
            sections: vec![],
            service_states: vec![],
        },
        timeline: events,
        letter: LetterOptions::default(),
        zone: jst().into(),
    }
}
