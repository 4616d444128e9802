//! The numbered 記 items (障害発生日時, 対象サービス, 影響範囲, 原因, 対処, 今後の対策, データ,
//! free sections), each only when the report has something for it.

use super::*;

pub(super) fn heading(item: LetterItem, lang: Lang) -> String {
    let (ja, en) = match item {
        LetterItem::Period => ("障害発生日時", "Date and time"),
        LetterItem::Services => ("対象サービス", "Affected services"),
        LetterItem::Impact => ("影響範囲・障害内容", "Impact"),
        LetterItem::Cause => ("原因", "Cause"),
        LetterItem::Actions => ("対処", "Actions taken"),
        LetterItem::Measures => ("今後の対策", "Measures against recurrence"),
        LetterItem::Data => ("データについて", "Data"),
        LetterItem::Sections => ("", ""),
        LetterItem::Timeline => ("経緯", "Timeline"),
    };
    pick(lang, ja, en)
}

/// The 記 items in the order the options give, each only when it has something to say;
/// numbered as shown.
pub(super) fn items(report: &Report, fmt: &Fmt) -> Vec<LetterSection> {
    let mut out: Vec<LetterSection> = Vec::new();
    let mut push = |item: LetterItem, heading: String, blocks: Vec<Block>| {
        if !blocks.is_empty() {
            let number = out.len() + 1;
            out.push(LetterSection {
                number,
                item,
                heading,
                blocks,
            });
        }
    };
    for &item in &report.letter.items {
        let blocks = match item {
            LetterItem::Period => period_blocks(report, fmt),
            LetterItem::Services => services_blocks(report, fmt.lang),
            LetterItem::Impact => impact_blocks(report, fmt),
            LetterItem::Cause => cause_blocks(report),
            LetterItem::Actions => actions_blocks(&report.incident.actions),
            LetterItem::Measures => measures_blocks(report, fmt),
            LetterItem::Data => paragraphs(report.incident.data_loss.iter()),
            LetterItem::Sections => {
                for section in &report.incident.sections {
                    push(
                        item,
                        section.heading.trim().to_string(),
                        paragraphs(section.body.iter()),
                    );
                }
                continue;
            }
            LetterItem::Timeline => timeline_blocks(report, fmt),
        };
        push(item, heading(item, fmt.lang), blocks);
    }
    out
}

pub(super) fn paragraphs<'a>(texts: impl Iterator<Item = &'a String>) -> Vec<Block> {
    texts
        .filter(|t| !t.trim().is_empty())
        .map(|t| Block::Paragraph(unindent(t)))
        .collect()
}

/// A ※ remark is set as a note; anything else the author wrote stays a paragraph.
pub(super) fn remark(text: &str) -> Block {
    let text = unindent(text);
    if text.starts_with('※') || text.starts_with('*') {
        Block::Note(text)
    } else {
        Block::Paragraph(text)
    }
}

pub(super) fn list_of(entries: &[String], style: ListStyle) -> Vec<Block> {
    let entries: Vec<String> = entries
        .iter()
        .filter(|e| !e.trim().is_empty())
        .map(|e| unindent(e))
        .collect();
    if entries.is_empty() {
        Vec::new()
    } else {
        vec![Block::List { style, entries }]
    }
}

/// 対処: steps as a bulleted list; a group as its lead sentence, its steps and its closing
/// sentence, in the writer's order.
pub(super) fn actions_blocks(actions: &[Action]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut steps: Vec<String> = Vec::new();
    for action in actions {
        match action {
            Action::Step(text) => steps.push(text.clone()),
            Action::Group {
                lead,
                items,
                closing,
            } => {
                blocks.extend(list_of(&std::mem::take(&mut steps), ListStyle::Bullet));
                blocks.push(Block::Paragraph(unindent(lead)));
                blocks.extend(list_of(items, ListStyle::Bullet));
                blocks.extend(closing.iter().map(|c| Block::Paragraph(unindent(c))));
            }
        }
    }
    blocks.extend(list_of(&steps, ListStyle::Bullet));
    blocks
}

pub(super) fn several_phases(report: &Report) -> bool {
    report.incident.phases.len() > 1
}

/// `（約11時間50分）` after a period, when its length is known.
pub(super) fn length_suffix(length: Length, fmt: &Fmt) -> String {
    match length {
        Length::Known(_) => match fmt.lang {
            Lang::Ja => format!("（{}）", length.text(fmt)),
            Lang::En => format!(" ({})", length.text(fmt)),
        },
        _ => String::new(),
    }
}

/// 障害発生日時: the period, or each phase's period, and once for the whole letter which clock
/// the times use.
pub(super) fn period_blocks(report: &Report, fmt: &Fmt) -> Vec<Block> {
    let incident = &report.incident;
    if !incident.period.start.is_known()
        && incident.phases.iter().all(|p| !p.period.start.is_known())
    {
        return Vec::new();
    }
    let mut blocks = Vec::new();
    if several_phases(report) {
        let fields = incident
            .phases
            .iter()
            .map(|p| Field {
                label: p.label.clone(),
                values: vec![format!(
                    "{}{}",
                    fmt.period(&p.period),
                    length_suffix(Length::of(&p.period), fmt)
                )],
            })
            .collect();
        blocks.push(Block::Fields(fields));
    } else {
        blocks.push(Block::Paragraph(format!(
            "{}{}",
            fmt.period(&incident.period),
            length_suffix(Length::of(&incident.period), fmt)
        )));
    }
    if let Some(note) = clock_note(report, fmt) {
        blocks.push(Block::Note(note));
    }
    blocks
}

/// 「※時刻は日本時間（24時間表記）で記載しております。」: said once, under the first dates.
pub(super) fn clock_note(report: &Report, fmt: &Fmt) -> Option<String> {
    let jst = report.zone.is_japan();
    let h24 = matches!(fmt.style.clock, Clock::H24 | Clock::Hhmm);
    if let (Some(name), false) = (report.zone.name(), jst) {
        // A named zone's offset changes with daylight saving: each time carries its own.
        return Some(match (fmt.lang, h24) {
            (Lang::Ja, true) => format!(
                "※時刻は{name}の現地時刻（24時間表記、UTCとの時差を併記）で記載しております。"
            ),
            (Lang::Ja, false) => {
                format!("※時刻は{name}の現地時刻（UTCとの時差を併記）で記載しております。")
            }
            (Lang::En, true) => {
                format!(
                    "All times are local time in {name}, each with its UTC offset (24-hour clock)."
                )
            }
            (Lang::En, false) => {
                format!("All times are local time in {name}, each with its UTC offset.")
            }
        });
    }
    match (fmt.lang, h24, jst) {
        (Lang::Ja, true, true) => Some("※時刻は日本時間（24時間表記）で記載しております。".into()),
        (Lang::Ja, false, true) => Some("※時刻は日本時間で記載しております。".into()),
        (Lang::Ja, true, false) => Some(format!(
            "※時刻は{}（24時間表記）で記載しております。",
            fmt.zone_label()
        )),
        (Lang::Ja, false, false) => {
            Some(format!("※時刻は{}で記載しております。", fmt.zone_label()))
        }
        (Lang::En, true, _) => Some(format!(
            "All times are {} (24-hour clock).",
            fmt.zone_label()
        )),
        (Lang::En, false, _) => Some(format!("All times are {}.", fmt.zone_label())),
    }
}

/// 対象サービス: which services, which customers, which networks, how many.
pub(super) fn services_blocks(report: &Report, lang: Lang) -> Vec<Block> {
    let scope = &report.incident.scope;
    let names = affected_names(report);
    let mut fields = Vec::new();
    let mut field = |label: String, values: Vec<String>| {
        if !values.is_empty() {
            fields.push(Field { label, values });
        }
    };
    let services = match names.is_empty() {
        true => Vec::new(),
        false => vec![names.join(if lang == Lang::Ja { "、" } else { ", " })],
    };
    // Under the heading 対象サービス a label 「サービス」 says nothing more (and reads
    // 「サービス サービス」 for a service of that name): the names stand alone unless other fields
    // follow, which then need the label to tell them apart.
    let alone = scope.customers.is_none()
        && scope.exclusions.is_empty()
        && scope.networks.is_empty()
        && scope.users.is_none();
    if alone && !services.is_empty() {
        let mut blocks: Vec<Block> = services.into_iter().map(Block::Paragraph).collect();
        blocks.extend(scope.notes.iter().map(|n| remark(n)));
        return blocks;
    }
    field(pick(lang, "サービス名", "Services"), services);
    field(
        pick(lang, "対象のお客様", "Customers"),
        scope.customers.iter().cloned().collect(),
    );
    field(
        pick(lang, "対象外", "Not affected"),
        scope.exclusions.clone(),
    );
    field(
        pick(lang, "対象ネットワーク", "Networks"),
        scope.networks.clone(),
    );
    field(
        pick(lang, "対象ユーザー数", "Users"),
        scope.users.map(group_digits).into_iter().collect(),
    );
    let mut blocks = Vec::new();
    if !fields.is_empty() {
        blocks.push(Block::Fields(fields));
    }
    blocks.extend(scope.notes.iter().map(|n| remark(n)));
    blocks
}

/// 影響範囲・障害内容: for one phase its summary, services and notes; for several the phase
/// table and the service × phase matrix of the impact view (which names the services that kept
/// working under it); otherwise that sentence closes the item.
pub(super) fn impact_blocks(report: &Report, fmt: &Fmt) -> Vec<Block> {
    let lang = fmt.lang;
    let mut blocks = Vec::new();
    if several_phases(report) {
        blocks.push(Block::PhaseTable);
        let rows = impact::matrix(report);
        if rows.iter().any(|r| r.cells.iter().any(Option::is_some)) {
            blocks.push(Block::ImpactMatrix);
            return blocks;
        }
    } else if let Some(phase) = report.incident.phases.first() {
        if let Some(summary) = phase.summary.as_ref().filter(|s| !s.trim().is_empty()) {
            blocks.push(Block::Paragraph(unindent(summary)));
        }
        let hit: Vec<String> = phase
            .impact
            .iter()
            .filter(|(_, l)| *l != ImpactLevel::Operational)
            .filter_map(|(s, l)| {
                let name = &report.services.get(*s)?.name;
                Some(match lang {
                    Lang::Ja => format!("{} {}：{}", l.symbol(), name, l.label(lang)),
                    Lang::En => format!("{} {}: {}", l.symbol(), name, l.label(lang)),
                })
            })
            .collect();
        blocks.extend(list_of(&hit, ListStyle::Plain));
        blocks.extend(phase.notes.iter().map(|n| remark(n)));
        if let Some(c) = phase.customers {
            blocks.push(Block::Paragraph(match lang {
                Lang::Ja => format!("影響を受けたお客様数：{}", group_digits(c)),
                Lang::En => format!("Customers affected: {}", group_digits(c)),
            }));
        }
    }
    blocks.extend(impact::unaffected_sentence(report, lang).map(Block::Paragraph));
    blocks
}

pub(super) fn cause_blocks(report: &Report) -> Vec<Block> {
    let Some(cause) = &report.incident.cause else {
        return Vec::new();
    };
    let mut blocks: Vec<Block> = cause
        .summary
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| Block::Paragraph(unindent(s)))
        .collect();
    let style = if cause.chain.len() > 1 {
        ListStyle::Numbered
    } else {
        ListStyle::Plain
    };
    blocks.extend(list_of(&cause.chain, style));
    blocks
}

pub(super) fn measures_blocks(report: &Report, fmt: &Fmt) -> Vec<Block> {
    let lang = fmt.lang;
    let measures: Vec<_> = report
        .incident
        .measures
        .iter()
        .filter(|m| !m.text.trim().is_empty())
        .collect();
    if measures.is_empty() {
        return Vec::new();
    }
    if measures
        .iter()
        .all(|m| m.due.is_none() && m.status.is_none())
    {
        let texts: Vec<String> = measures.iter().map(|m| m.text.clone()).collect();
        return list_of(&texts, ListStyle::Bullet);
    }
    let head = vec![
        pick(lang, "対策", "Measure"),
        pick(lang, "時期", "Target"),
        pick(lang, "状況", "Status"),
    ];
    let rows = measures
        .iter()
        .map(|m| {
            vec![
                unindent(&m.text),
                m.due
                    .as_ref()
                    .map(|d| due(d, fmt))
                    .unwrap_or_else(|| "—".into()),
                m.status
                    .map(|s| status(s, lang))
                    .unwrap_or_else(|| "—".into()),
            ]
        })
        .collect();
    vec![Block::Table(Table { head, rows })]
}

pub(super) fn due(d: &Due, fmt: &Fmt) -> String {
    fmt.due(d)
}

pub(super) fn status(s: MeasureStatus, lang: Lang) -> String {
    match s {
        MeasureStatus::Planned => pick(lang, "予定", "Planned"),
        MeasureStatus::InProgress => pick(lang, "実施中", "In progress"),
        MeasureStatus::Done => pick(lang, "完了", "Done"),
    }
}
