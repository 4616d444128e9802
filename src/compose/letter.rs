//! The formal apology letter (障害のご報告とお詫び) composed from a report: pure blocks of text in
//! the order a Japanese reader expects them (../shared/design/letter.md), no yew.
//!
//! `compose` decides every word; `components::letter_view` only lays the blocks out. Keeping the
//! wording here lets it be tested natively with exact strings, and keeps the view free of
//! decisions such as which 結語 follows which 頭語 or when a 記 item is left out.
//!
//! Why the default 前文 is 「貴社ますますご盛栄のこととお慶び申し上げます。」 followed by
//! 「平素は格別のご高配を賜り、厚く御礼申し上げます。」: the rule book names the 繁栄の挨拶 as the
//! usual 前文 of an apology (the 時候の挨拶 is left out, as apologies do), and both reference
//! letters follow it with the 感謝の挨拶 before turning to the apology. 「略儀ながら」 never appears:
//! it would excuse the form of a letter whose form is the apology.

use chrono::NaiveDate;

use crate::compose::impact::{self, group_digits, Length};
use crate::compose::timefmt::Fmt;
use crate::model::safe;
use crate::model::{
    Action, Clock, Due, Event, Form, ImpactLevel, Lang, LetterItem, MeasureStatus, Report,
    ReportKind,
};

/// Default 前文 (繁栄の挨拶 + 感謝の挨拶) for a Japanese letter.
pub const DEFAULT_PREAMBLE_JA: &str =
    "貴社ますますご盛栄のこととお慶び申し上げます。平素は格別のご高配を賜り、厚く御礼申し上げます。";

/// The whole letter, top to bottom.
#[derive(Clone, Debug, PartialEq)]
pub struct Letter {
    pub lang: Lang,
    /// A formal letter, or a web notice (no 頭語/結語, no 記/以上, items headed without numbers).
    pub form: Form,
    /// 文書番号, right-aligned above the date.
    pub document_number: Option<String>,
    /// 発信日: `2026年3月3日`, `March 3, 2026`; `None` when the report does not state it (no
    /// date line is made up).
    pub issued: Option<String>,
    /// The latest revision, under the date: `2026年3月5日改訂`.
    pub revised: Option<String>,
    /// 宛名: `お客様各位`; in a notice only when the file gives one.
    pub addressee: Option<String>,
    /// 発信者, one line each (organization, department, person).
    pub issuer: Vec<String>,
    /// 件名, with the report's place in a series when the title does not say it; `None` when the
    /// report states no title.
    pub subject: Option<String>,
    /// The end of `subject` that says the place in the series (`（最終報告）`), if it was added.
    pub series: Option<String>,
    /// 頭語 + 前文 as one line (`拝啓　貴社…`), or the English salutation (`Dear Customers,`).
    pub opening: Option<String>,
    /// 主文 paragraphs (indented one full-width space by the layout).
    pub body: Vec<String>,
    /// 末文.
    pub closing_paragraph: Option<String>,
    /// 結語 (`敬具`) or the English complimentary close (`Sincerely,`); `None` in a notice.
    pub closing: Option<String>,
    /// `記`, centred above the items; `None` in English.
    pub record_mark: Option<String>,
    pub items: Vec<LetterSection>,
    /// `以上`, right-aligned after the last item; `None` in English.
    pub end_mark: Option<String>,
    pub contact: Option<ContactBlock>,
    /// 改訂履歴: (date when stated, what changed).
    pub revisions: Vec<(Option<String>, String)>,
    /// The document title while printing, which becomes the PDF's default file name:
    /// `2026-03-03 …障害のご報告とお詫び`.
    pub print_title: String,
}

/// One numbered 記書き item.
#[derive(Clone, Debug, PartialEq)]
pub struct LetterSection {
    /// 1-based, counting only the items shown.
    pub number: usize,
    /// Which option produced it (free sections all come from `LetterItem::Sections`).
    pub item: LetterItem,
    pub heading: String,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(String),
    /// A ※ remark, set smaller.
    Note(String),
    List {
        style: ListStyle,
        entries: Vec<String>,
    },
    /// Label / value lines without rules: 対象のお客様, 対象外, ….
    Fields(Vec<Field>),
    Table(Table),
    /// The impact view's phase table (`components::impact_table::PhaseTable`), drawn from the
    /// report so the letter and the impact view never disagree.
    PhaseTable,
    /// The impact view's service × phase matrix with its legend and the sentence naming the
    /// services that kept working.
    ImpactMatrix,
    /// The 経緯 table, grouped by day.
    Timeline(TimelineTable),
}

/// How list entries are marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListStyle {
    /// ・ before each entry.
    Bullet,
    /// (1), (2)… : an order that matters, such as a chain of causes.
    Numbered,
    /// No mark: each entry starts with its own (× ▲ △ for levels).
    Plain,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub label: String,
    pub values: Vec<String>,
}

/// A plain ruled table (the measures); the first cell of each row is the row's header.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineTable {
    /// 時刻 / 主体 / 内容.
    pub head: [String; 3],
    pub days: Vec<TimelineDay>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineDay {
    /// `2026年2月17日(火)`; `日時不明` for events before any known day.
    pub label: String,
    pub rows: Vec<TimelineRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    /// `9時40分頃`, `早朝`, `時刻不明`; empty for a day without a time.
    pub time: String,
    /// `（現地時間2月16日16時20分頃）`.
    pub local_time: Option<String>,
    pub actor: String,
    pub text: String,
    pub quote: Option<QuoteText>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuoteText {
    pub source: Option<String>,
    pub text: String,
}

/// お問い合わせ窓口.
#[derive(Clone, Debug, PartialEq)]
pub struct ContactBlock {
    pub label: String,
    pub lines: Vec<ContactLine>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ContactLine {
    /// `TEL`, `FAX`, `E-mail`…; `None` for name and address lines.
    pub label: Option<String>,
    pub text: String,
    /// Only from `safe`: `tel:`, `mailto:` or an http(s) URL.
    pub href: Option<String>,
}

/// Composes the letter for one report in one language.
pub fn compose(report: &Report, lang: Lang) -> Letter {
    let fmt = Fmt::new(lang, report.letter.date_style, report.zone);
    let header = &report.header;
    let ja = lang == Lang::Ja;

    let issuer = [
        Some(header.issuer.organization.clone()),
        header.issuer.department.clone(),
        header.issuer.person.clone(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    .collect();

    let revised = header
        .revisions
        .iter()
        .filter_map(|r| r.date)
        .max()
        .map(|d| {
            let date = fmt.date_without_weekday(d);
            if ja {
                format!("{date}改訂")
            } else {
                format!("Revised {date}")
            }
        });

    let body: Vec<String> = if report.letter.body.is_empty() {
        default_body(report, &fmt)
    } else {
        report.letter.body.iter().map(|p| unindent(p)).collect()
    };
    let closing_paragraph = Some(match &report.letter.closing_paragraph {
        Some(p) => unindent(p),
        None => default_closing_paragraph(report, lang),
    });

    let form = report.letter.form;
    let letter_form = form == Form::Letter;
    let (opening, body) = opening_and_body(report, lang, body);
    let title = header.title.as_deref();

    Letter {
        lang,
        form,
        document_number: header.document_number.clone(),
        issued: header.issued.map(|d| fmt.date_without_weekday(d)),
        revised,
        addressee: match (&header.addressee, form) {
            (Some(a), _) => Some(a.clone()),
            (None, Form::Letter) => Some(pick(lang, "お客様各位", "To our customers")),
            // A web notice is addressed to whoever reads the page.
            (None, Form::Notice) => None,
        },
        issuer,
        subject: title.map(|t| subject(t, header.kind, lang)),
        series: title.and_then(|t| series_marker(t, header.kind, lang)),
        opening,
        body,
        closing_paragraph,
        closing: match (letter_form, ja) {
            (false, _) => None,
            (true, true) => Some(report.letter.closing.text().to_string()),
            (true, false) => Some("Sincerely,".to_string()),
        },
        record_mark: (ja && letter_form).then(|| "記".to_string()),
        items: items(report, &fmt),
        end_mark: (ja && letter_form).then(|| "以上".to_string()),
        contact: contact(report, lang),
        revisions: header
            .revisions
            .iter()
            .map(|r| (r.date.map(|d| fmt.date_without_weekday(d)), r.note.clone()))
            .collect(),
        print_title: print_title(header.issued, title, &report.id),
    }
}

/// `2026-03-03 <title>`: sorts by date in a folder of saved PDFs. What the report does not state
/// is left out; with neither date nor title the report's id names the file.
pub fn print_title(issued: Option<NaiveDate>, title: Option<&str>, id: &str) -> String {
    let parts: Vec<String> = [
        issued.map(|d| d.format("%Y-%m-%d").to_string()),
        title.map(|t| t.trim().to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        id.to_string()
    } else {
        parts.join(" ")
    }
}

fn pick(lang: Lang, ja: &str, en: &str) -> String {
    match lang {
        Lang::Ja => ja.to_string(),
        Lang::En => en.to_string(),
    }
}

/// Indentation comes from the layout; a paragraph typed with its own leading spaces would be
/// indented twice.
fn unindent(p: &str) -> String {
    p.trim_start_matches([' ', '\u{3000}', '\t'])
        .trim_end()
        .to_string()
}

/// The title with the report's place in a series, unless the title already says it.
pub fn subject(title: &str, kind: ReportKind, lang: Lang) -> String {
    let title = title.trim();
    match series_marker(title, kind, lang) {
        Some(marker) => format!("{title}{marker}"),
        None => title.to_string(),
    }
}

/// The part `subject` adds to the title (`（最終報告）`, ` (Final Report)`), apart so the layout
/// can keep it on one line; `None` when the title already says it.
pub fn series_marker(title: &str, kind: ReportKind, lang: Lang) -> Option<String> {
    let title = title.trim();
    let (marker, already): (String, bool) = match (lang, kind) {
        (Lang::Ja, ReportKind::First) => (
            "第1報".into(),
            title.contains("第1報") || title.contains("第一報"),
        ),
        (Lang::Ja, ReportKind::Interim(n)) => {
            let m = format!("第{}報", n.max(1));
            let already = title.contains(&m);
            (m, already)
        }
        (Lang::Ja, ReportKind::Final) => ("最終報告".into(), title.contains("最終")),
        (Lang::Ja, ReportKind::Recovery) => ("復旧報告".into(), title.contains("復旧")),
        (Lang::En, kind) => {
            let lower = title.to_lowercase();
            match kind {
                ReportKind::First => ("Report No. 1".into(), lower.contains("report no")),
                ReportKind::Interim(n) => (
                    format!("Report No. {}", n.max(1)),
                    lower.contains("report no"),
                ),
                ReportKind::Final => ("Final Report".into(), lower.contains("final report")),
                ReportKind::Recovery => ("Recovery Notice".into(), lower.contains("recover")),
            }
        }
    };
    match (already, lang) {
        (true, _) => None,
        (false, Lang::Ja) => Some(format!("（{marker}）")),
        (false, Lang::En) => Some(format!(" ({marker})")),
    }
}

/// Joins names as a sentence lists them: `A、BおよびC`, `A, B and C`.
fn join_names(names: &[&str], lang: Lang) -> String {
    let (sep, last) = match lang {
        Lang::Ja => ("、", "および"),
        Lang::En => (", ", " and "),
    };
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., tail] => format!("{}{last}{tail}", init.join(sep)),
    }
}

fn is_ongoing(report: &Report) -> bool {
    report.incident.period.end.is_none()
}

fn affected_names(report: &Report) -> Vec<&str> {
    report
        .affected_services()
        .into_iter()
        .filter_map(|s| report.services.get(s))
        .map(|s| s.name.as_str())
        .collect()
}

/// The 主文 when the JSON gives none: what happened and the apology, the author's summary, what
/// this report is (第N報 / 最終報告 / 復旧のご報告), and a resolve when it is over.
fn default_body(report: &Report, fmt: &Fmt) -> Vec<String> {
    let lang = fmt.lang;
    let period = &report.incident.period;
    let ongoing = is_ongoing(report);
    let names = affected_names(report);
    let start = period
        .start
        .is_known()
        .then(|| fmt.time_point(&period.start));
    let end = period
        .end
        .filter(|e| e.is_known())
        .map(|e| fmt.time_point(&e));
    let mut body = Vec::new();

    body.push(match lang {
        Lang::Ja => {
            let when = start.map(|s| format!("{s}より、")).unwrap_or_default();
            let target = if names.is_empty() {
                "弊社サービス".to_string()
            } else {
                format!("弊社の{}", join_names(&names, lang))
            };
            if ongoing {
                format!(
                    "このたび、{when}{target}におきまして障害が発生しており、現在も復旧に向けた対応を続けております。ご利用のお客様には多大なるご迷惑とご心配をおかけしておりますことを、深くお詫び申し上げます。"
                )
            } else {
                format!(
                    "このたび、{when}{target}におきまして障害が発生いたしました。ご利用のお客様には多大なるご迷惑とご心配をおかけいたしましたことを、深くお詫び申し上げます。"
                )
            }
        }
        Lang::En => {
            let target = if names.is_empty() {
                "our services".to_string()
            } else {
                format!("our {}", join_names(&names, lang))
            };
            match (ongoing, start) {
                (true, Some(s)) => format!(
                    "Since {s}, a failure has affected {target}, and we are still working to restore service. We sincerely apologize for the considerable inconvenience and concern this is causing our customers."
                ),
                (true, None) => format!(
                    "A failure has affected {target}, and we are still working to restore service. We sincerely apologize for the considerable inconvenience and concern this is causing our customers."
                ),
                (false, Some(s)) => format!(
                    "On {s}, a failure occurred in {target}. We sincerely apologize for the considerable inconvenience and concern this has caused our customers."
                ),
                (false, None) => format!(
                    "A failure occurred in {target}. We sincerely apologize for the considerable inconvenience and concern this has caused our customers."
                ),
            }
        }
    });

    if let Some(summary) = &report.header.summary {
        if !summary.trim().is_empty() {
            body.push(unindent(summary));
        }
    }

    body.push(match (lang, report.header.kind) {
        (Lang::Ja, ReportKind::First) | (Lang::Ja, ReportKind::Interim(0 | 1)) => {
            "第1報として、現時点で判明している状況を下記のとおりご報告いたします。原因および今後の対策につきましては、判明し次第あらためてご報告いたします。".to_string()
        }
        (Lang::Ja, ReportKind::Interim(n)) => format!(
            "第{n}報として、第{}報以降に判明した内容を含め、下記のとおりご報告いたします。引き続き調査を進め、あらためてご報告いたします。",
            n - 1
        ),
        (Lang::Ja, ReportKind::Final) => {
            "本障害の原因および再発防止策がまとまりましたので、最終報告として下記のとおりご報告いたします。".to_string()
        }
        (Lang::Ja, ReportKind::Recovery) => match &end {
            Some(e) => format!("本障害は{e}に復旧いたしましたので、下記のとおりご報告いたします。"),
            None => "本障害は復旧いたしましたので、下記のとおりご報告いたします。".to_string(),
        },
        (Lang::En, ReportKind::First) | (Lang::En, ReportKind::Interim(0 | 1)) => {
            "In this first report we describe what we know at present. We will report again on the cause and our measures as soon as they are known.".to_string()
        }
        (Lang::En, ReportKind::Interim(n)) => format!(
            "In this report No. {n} we describe what we have learned since report No. {}. We are continuing our investigation and will report again.",
            n - 1
        ),
        (Lang::En, ReportKind::Final) => {
            "Now that the cause and our measures against recurrence have been determined, we present our final report below.".to_string()
        }
        (Lang::En, ReportKind::Recovery) => match &end {
            Some(e) => format!("Service was restored on {e}. The details are given below."),
            None => "Service has been restored. The details are given below.".to_string(),
        },
    });

    if !ongoing {
        body.push(pick(
            lang,
            "弊社では、今回の事態を重く受け止め、再発防止に全力で取り組んでまいります。",
            "We take this incident very seriously and will do everything we can to prevent a recurrence.",
        ));
    }
    body
}

/// The 末文 when the JSON gives none. Never 「略儀ながら」.
fn default_closing_paragraph(report: &Report, lang: Lang) -> String {
    match (lang, is_ongoing(report)) {
        (Lang::Ja, false) => "このたびは多大なるご迷惑をおかけいたしましたことを重ねてお詫び申し上げます。今後とも変わらぬお引き立てを賜りますよう、何卒よろしくお願い申し上げます。".to_string(),
        (Lang::Ja, true) => "ご不便をおかけしておりますことを重ねてお詫び申し上げますとともに、何卒ご理解賜りますようお願い申し上げます。".to_string(),
        (Lang::En, false) => "We apologize once again for the inconvenience and ask for your continued understanding and support.".to_string(),
        (Lang::En, true) => "We apologize again for the inconvenience and ask for your understanding.".to_string(),
    }
}

/// The 頭語 line. In Japanese it carries the 前文 (`拝啓　貴社…`); with the greeting switched off
/// (`"greeting": null`) the first 主文 paragraph follows the 頭語 on its line instead, as a 頭語
/// never stands alone. In English `greeting` replaces the salutation (`Dear Customers,`).
fn opening_and_body(
    report: &Report,
    lang: Lang,
    mut body: Vec<String>,
) -> (Option<String>, Vec<String>) {
    let greeting = &report.letter.greeting;
    if report.letter.form == Form::Notice {
        // A notice has no 頭語 and no salutation: only a greeting line the writer gave.
        let line = match greeting {
            Some(Some(text)) => Some(unindent(text)),
            _ => None,
        };
        return (line, body);
    }
    match lang {
        Lang::Ja => {
            let head = report.letter.opening.text();
            let preamble = match greeting {
                None => Some(DEFAULT_PREAMBLE_JA.to_string()),
                Some(Some(text)) => Some(unindent(text)),
                Some(None) => None,
            };
            let line = match preamble {
                Some(p) => format!("{head}\u{3000}{p}"),
                None if !body.is_empty() => format!("{head}\u{3000}{}", body.remove(0)),
                None => head.to_string(),
            };
            (Some(line), body)
        }
        Lang::En => {
            let salutation = match greeting {
                None => Some("Dear Customers,".to_string()),
                Some(Some(text)) => Some(text.trim().to_string()),
                Some(None) => None,
            };
            (salutation, body)
        }
    }
}

fn heading(item: LetterItem, lang: Lang) -> String {
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
fn items(report: &Report, fmt: &Fmt) -> Vec<LetterSection> {
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

fn paragraphs<'a>(texts: impl Iterator<Item = &'a String>) -> Vec<Block> {
    texts
        .filter(|t| !t.trim().is_empty())
        .map(|t| Block::Paragraph(unindent(t)))
        .collect()
}

/// A ※ remark is set as a note; anything else the author wrote stays a paragraph.
fn remark(text: &str) -> Block {
    let text = unindent(text);
    if text.starts_with('※') || text.starts_with('*') {
        Block::Note(text)
    } else {
        Block::Paragraph(text)
    }
}

fn list_of(entries: &[String], style: ListStyle) -> Vec<Block> {
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
fn actions_blocks(actions: &[Action]) -> Vec<Block> {
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

fn several_phases(report: &Report) -> bool {
    report.incident.phases.len() > 1
}

/// `（約11時間50分）` after a period, when its length is known.
fn length_suffix(length: Length, fmt: &Fmt) -> String {
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
fn period_blocks(report: &Report, fmt: &Fmt) -> Vec<Block> {
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
fn clock_note(report: &Report, fmt: &Fmt) -> Option<String> {
    let jst = report.zone.local_minus_utc() == 9 * 3600;
    let h24 = matches!(fmt.style.clock, Clock::H24 | Clock::Hhmm);
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
fn services_blocks(report: &Report, lang: Lang) -> Vec<Block> {
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
    field(pick(lang, "サービス", "Services"), services);
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
fn impact_blocks(report: &Report, fmt: &Fmt) -> Vec<Block> {
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

fn cause_blocks(report: &Report) -> Vec<Block> {
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

fn measures_blocks(report: &Report, fmt: &Fmt) -> Vec<Block> {
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

fn due(d: &Due, fmt: &Fmt) -> String {
    fmt.due(d)
}

fn status(s: MeasureStatus, lang: Lang) -> String {
    match s {
        MeasureStatus::Planned => pick(lang, "予定", "Planned"),
        MeasureStatus::InProgress => pick(lang, "実施中", "In progress"),
        MeasureStatus::Done => pick(lang, "完了", "Done"),
    }
}

/// 経緯: the timeline's events in time order, grouped by day. An event whose time is unknown
/// stays after the event it follows in the file (its author put it there) and shows 時刻不明.
fn timeline_blocks(report: &Report, fmt: &Fmt) -> Vec<Block> {
    if report.timeline.is_empty() {
        return Vec::new();
    }
    let lang = fmt.lang;
    let mut keyed: Vec<(Option<i64>, usize, &Event)> = Vec::new();
    let mut last: Option<i64> = None;
    for (i, e) in report.timeline.iter().enumerate() {
        if let Some(k) = e.time.sort_key() {
            last = Some(k);
        }
        keyed.push((last, i, e));
    }
    keyed.sort_by_key(|(k, i, _)| (*k, *i));

    let mut days: Vec<TimelineDay> = Vec::new();
    let mut current: Option<Option<NaiveDate>> = None;
    for (_, _, e) in keyed {
        let day = fmt.day_of(&e.time);
        // Unknown times join the day they are listed under.
        let day = match (day, current) {
            (None, Some(c)) => c,
            (d, _) => d,
        };
        if current != Some(day) {
            current = Some(day);
            days.push(TimelineDay {
                label: match day {
                    Some(d) => fmt.date(d),
                    None => pick(lang, "日時不明", "Date unknown"),
                },
                rows: Vec::new(),
            });
        }
        let row = TimelineRow {
            time: fmt.event_time_of_day(e),
            local_time: e.local_offset.and_then(|o| fmt.local_time(&e.time, o)),
            actor: report
                .actor(e.actor)
                .map(|a| a.name.clone())
                .unwrap_or_default(),
            text: unindent(&e.text),
            quote: e.quote.as_ref().map(|q| QuoteText {
                source: q.source.clone(),
                text: q.text.trim().to_string(),
            }),
        };
        if let Some(d) = days.last_mut() {
            d.rows.push(row);
        }
    }
    vec![Block::Timeline(TimelineTable {
        head: [
            pick(lang, "時刻", "Time"),
            pick(lang, "主体", "Party"),
            pick(lang, "内容", "Event"),
        ],
        days,
    })]
}

/// お問い合わせ窓口, each link only through `safe`.
fn contact(report: &Report, lang: Lang) -> Option<ContactBlock> {
    let c = report.header.contact.as_ref()?;
    let mut lines = Vec::new();
    let mut plain = |text: String| {
        if !text.trim().is_empty() {
            lines.push(ContactLine {
                label: None,
                text,
                href: None,
            });
        }
    };
    let name: Vec<&str> = [c.organization.as_deref(), c.department.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    plain(name.join(" "));
    let address: Vec<String> = [
        c.postal_code.as_ref().map(|p| match lang {
            Lang::Ja => format!("〒{p}"),
            Lang::En => p.clone(),
        }),
        c.address.clone(),
    ]
    .into_iter()
    .flatten()
    .collect();
    plain(address.join(" "));
    let mut labelled =
        |ja: &str, en: &str, value: &Option<String>, href: fn(&str) -> Option<String>| {
            if let Some(v) = value.as_ref().filter(|v| !v.trim().is_empty()) {
                lines.push(ContactLine {
                    label: Some(pick(lang, ja, en)),
                    text: v.clone(),
                    href: href(v),
                });
            }
        };
    labelled("TEL", "Phone", &c.phone, safe::tel);
    labelled("FAX", "Fax", &c.fax, |_| None);
    labelled("E-mail", "Email", &c.email, safe::mailto);
    labelled("URL", "Web", &c.url, |u| {
        safe::is_web_url(u).then(|| u.trim().to_string())
    });
    labelled("受付時間", "Hours", &c.hours, |_| None);
    if lines.is_empty() {
        return None;
    }
    let label = c
        .label
        .clone()
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| pick(lang, "お問い合わせ窓口", "Contact"));
    Some(ContactBlock { label, lines })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::decode_str;
    use crate::model::Document;

    /// A small report; `report_extra` and `letter` are spliced into the JSON.
    fn doc(lang: &str, report_extra: &str, rest: &str) -> Document {
        let text = format!(
            r#"{{
  "version": 1,
  "lang": "{lang}",
  "report": {{
    "title": "メール配送遅延のご報告とお詫び",
    "issued": "2026-05-12",
    "issuer": {{ "organization": "株式会社ミナモ通信", "department": "運用部" }}{report_extra}
  }},
  "services": [ {{ "id": "mx", "name": "メール配送" }}, {{ "id": "web", "name": "Web" }} ],
  "actors": [ {{ "id": "us", "name": "弊社" }} ],
  "incident": {{
    "start": {{ "at": "2026-05-11T14:20:00+09:00", "approx": "about" }},
    "end": "2026-05-11T15:05:00+09:00",
    "phases": [ {{ "id": "p1", "start": {{ "at": "2026-05-11T14:20:00+09:00", "approx": "about" }},
      "end": "2026-05-11T15:05:00+09:00", "impact": {{ "mx": "degraded", "web": "operational" }} }} ]
  }}{rest}
}}"#
        );
        let outcome = decode_str(&text);
        match outcome.document {
            Some(d) => d,
            None => panic!("test JSON does not decode: {:?}\n{text}", outcome.problems),
        }
    }

    fn letter(lang: &str, report_extra: &str, rest: &str) -> Letter {
        let d = doc(lang, report_extra, rest);
        compose(&d.reports[0], d.lang)
    }

    fn ja(report_extra: &str, rest: &str) -> Letter {
        letter("ja", report_extra, rest)
    }

    fn headings(l: &Letter) -> Vec<String> {
        l.items
            .iter()
            .map(|i| format!("{}. {}", i.number, i.heading))
            .collect()
    }

    const SAMPLE: &str = include_str!("../../examples/sample.json");
    const SAMPLE_EN: &str = include_str!("../../examples/sample-en.json");
    const HISTORY: &str = include_str!("../../examples/history.json");
    const MINIMAL: &str = include_str!("../../examples/minimal.json");

    fn example(text: &str) -> Document {
        decode_str(text).document.expect("example decodes")
    }

    #[test]
    fn default_letter_frame() {
        let l = ja("", "");
        assert_eq!(l.issued.as_deref(), Some("2026年5月12日"));
        assert_eq!(l.addressee.as_deref(), Some("お客様各位"));
        assert_eq!(l.issuer, vec!["株式会社ミナモ通信", "運用部"]);
        assert_eq!(
            l.subject.as_deref(),
            Some("メール配送遅延のご報告とお詫び（最終報告）")
        );
        assert_eq!(l.series.as_deref(), Some("（最終報告）"));
        assert_eq!(
            l.opening.as_deref(),
            Some("拝啓　貴社ますますご盛栄のこととお慶び申し上げます。平素は格別のご高配を賜り、厚く御礼申し上げます。")
        );
        assert_eq!(l.closing.as_deref(), Some("敬具"));
        assert_eq!(l.record_mark.as_deref(), Some("記"));
        assert_eq!(l.end_mark.as_deref(), Some("以上"));
        assert_eq!(l.print_title, "2026-05-12 メール配送遅延のご報告とお詫び");
        assert_eq!(l.document_number, None);
        assert_eq!(l.revised, None);
        assert_eq!(l.contact, None);
    }

    #[test]
    fn opening_and_closing_pairs() {
        assert_eq!(
            ja("", r#", "letter": { "opening": "拝啓" }"#)
                .closing
                .as_deref(),
            Some("敬具")
        );
        let kinkei = ja("", r#", "letter": { "opening": "謹啓" }"#);
        assert!(kinkei
            .opening
            .as_deref()
            .is_some_and(|o| o.starts_with("謹啓　")));
        assert_eq!(kinkei.closing.as_deref(), Some("謹白"));
        assert_eq!(
            ja(
                "",
                r#", "letter": { "opening": "謹啓", "closing": "敬白" }"#
            )
            .closing
            .as_deref(),
            Some("敬白")
        );
        assert_eq!(
            ja(
                "",
                r#", "letter": { "opening": "謹啓", "closing": "謹白" }"#
            )
            .closing
            .as_deref(),
            Some("謹白")
        );
    }

    #[test]
    fn a_mismatched_pair_is_a_warning_and_the_letter_uses_the_matching_closing() {
        let text = include_str!("../../examples/minimal.json").replacen(
            "\"incident\"",
            "\"letter\": { \"opening\": \"拝啓\", \"closing\": \"謹白\" },\n  \"incident\"",
            1,
        );
        let outcome = decode_str(&text);
        assert!(outcome
            .problems
            .iter()
            .any(|p| p.code() == "closing-mismatch"));
        let d = outcome.document.expect("a warning only");
        assert_eq!(
            compose(&d.reports[0], Lang::Ja).closing.as_deref(),
            Some("敬具")
        );
    }

    #[test]
    fn default_body_of_a_final_report() {
        let l = ja("", "");
        assert_eq!(
            l.body,
            vec![
                "このたび、2026年5月11日(月)14時20分頃より、弊社のメール配送におきまして障害が発生いたしました。ご利用のお客様には多大なるご迷惑とご心配をおかけいたしましたことを、深くお詫び申し上げます。",
                "本障害の原因および再発防止策がまとまりましたので、最終報告として下記のとおりご報告いたします。",
                "弊社では、今回の事態を重く受け止め、再発防止に全力で取り組んでまいります。",
            ]
        );
        assert_eq!(
            l.closing_paragraph.as_deref(),
            Some("このたびは多大なるご迷惑をおかけいたしましたことを重ねてお詫び申し上げます。今後とも変わらぬお引き立てを賜りますよう、何卒よろしくお願い申し上げます。")
        );
    }

    #[test]
    fn default_wording_for_each_kind() {
        let first = ja(r#", "kind": "first""#, "");
        assert_eq!(
            first.subject.as_deref(),
            Some("メール配送遅延のご報告とお詫び（第1報）")
        );
        assert_eq!(
            first.body[1],
            "第1報として、現時点で判明している状況を下記のとおりご報告いたします。原因および今後の対策につきましては、判明し次第あらためてご報告いたします。"
        );

        let second = ja(r#", "kind": "interim", "number": 2"#, "");
        assert_eq!(
            second.subject.as_deref(),
            Some("メール配送遅延のご報告とお詫び（第2報）")
        );
        assert_eq!(
            second.body[1],
            "第2報として、第1報以降に判明した内容を含め、下記のとおりご報告いたします。引き続き調査を進め、あらためてご報告いたします。"
        );

        let recovery = ja(r#", "kind": "recovery""#, "");
        assert_eq!(
            recovery.subject.as_deref(),
            Some("メール配送遅延のご報告とお詫び（復旧報告）")
        );
        assert_eq!(
            recovery.body[1],
            "本障害は2026年5月11日(月)15時05分に復旧いたしましたので、下記のとおりご報告いたします。"
        );

        let fin = ja(r#", "kind": "final""#, "");
        assert_eq!(
            fin.subject.as_deref(),
            Some("メール配送遅延のご報告とお詫び（最終報告）")
        );
    }

    #[test]
    fn the_subject_does_not_repeat_what_the_title_says() {
        assert_eq!(
            subject("障害のご報告（第2報）", ReportKind::Interim(2), Lang::Ja),
            "障害のご報告（第2報）"
        );
        assert_eq!(
            subject("障害の最終報告", ReportKind::Final, Lang::Ja),
            "障害の最終報告"
        );
        assert_eq!(
            subject("障害復旧のお知らせ", ReportKind::Recovery, Lang::Ja),
            "障害復旧のお知らせ"
        );
        assert_eq!(
            subject(" 障害のご報告 ", ReportKind::First, Lang::Ja),
            "障害のご報告（第1報）"
        );
        assert_eq!(
            subject("Outage", ReportKind::Interim(3), Lang::En),
            "Outage (Report No. 3)"
        );
        assert_eq!(
            subject("Outage: final report", ReportKind::Final, Lang::En),
            "Outage: final report"
        );
    }

    #[test]
    fn an_ongoing_incident_is_not_written_as_over() {
        let text = include_str!("../../examples/minimal.json")
            .replace("\"end\": \"2026-05-11T15:05:00+09:00\"", "\"end\": null")
            .replace(
                "\"issued\": \"2026-05-12\"",
                "\"issued\": \"2026-05-12\", \"kind\": \"first\"",
            );
        let outcome = decode_str(&text);
        let d = outcome
            .document
            .unwrap_or_else(|| panic!("{:?}", outcome.problems));
        assert_eq!(
            d.reports[0].incident.period.end, None,
            "the edit made it ongoing"
        );
        let l = compose(&d.reports[0], Lang::Ja);
        assert_eq!(
            l.body[0],
            "このたび、2026年5月11日(月)14時20分頃より、弊社サービスにおきまして障害が発生しており、現在も復旧に向けた対応を続けております。ご利用のお客様には多大なるご迷惑とご心配をおかけしておりますことを、深くお詫び申し上げます。"
        );
        assert!(!l.body.iter().any(|p| p.contains("再発防止に全力")));
        assert_eq!(
            l.closing_paragraph.as_deref(),
            Some("ご不便をおかけしておりますことを重ねてお詫び申し上げますとともに、何卒ご理解賜りますようお願い申し上げます。")
        );
        assert_eq!(
            l.items[0].blocks[0],
            Block::Paragraph("2026年5月11日(月)14時20分頃～継続中".into())
        );
    }

    #[test]
    fn json_overrides_are_used_verbatim() {
        let l = ja(
            "",
            r#", "letter": {
                "greeting": "時下ますますご清栄のこととお慶び申し上げます。",
                "body": ["　先日は大変ご迷惑をおかけしました。", "詳細は下記のとおりです。"],
                "closing_paragraph": "今後ともよろしくお願い申し上げます。"
            }"#,
        );
        assert_eq!(
            l.opening.as_deref(),
            Some("拝啓　時下ますますご清栄のこととお慶び申し上げます。")
        );
        assert_eq!(
            l.body,
            vec![
                "先日は大変ご迷惑をおかけしました。",
                "詳細は下記のとおりです。"
            ]
        );
        assert_eq!(
            l.closing_paragraph.as_deref(),
            Some("今後ともよろしくお願い申し上げます。")
        );
    }

    #[test]
    fn without_a_greeting_the_body_follows_the_opening_word() {
        let l = ja(
            "",
            r#", "letter": { "greeting": null, "body": ["このたびは申し訳ございません。", "下記のとおりご報告いたします。"] }"#,
        );
        assert_eq!(
            l.opening.as_deref(),
            Some("拝啓　このたびは申し訳ございません。")
        );
        assert_eq!(l.body, vec!["下記のとおりご報告いたします。"]);
    }

    #[test]
    fn items_follow_the_options_and_empty_ones_are_left_out() {
        // The small report has a period, services and an impact, nothing else.
        assert_eq!(
            headings(&ja("", "")),
            vec![
                "1. 障害発生日時",
                "2. 対象サービス",
                "3. 影響範囲・障害内容"
            ]
        );
        let reordered = ja(
            "",
            r#", "letter": { "items": ["impact", "cause", "period"] }"#,
        );
        assert_eq!(
            headings(&reordered),
            vec!["1. 影響範囲・障害内容", "2. 障害発生日時"]
        );
        let hidden = ja("", r#", "letter": { "items": ["period"] }"#);
        assert_eq!(headings(&hidden), vec!["1. 障害発生日時"]);
    }

    #[test]
    fn the_sample_has_every_item_in_the_conventional_order() {
        let d = example(SAMPLE);
        let l = compose(&d.reports[0], Lang::Ja);
        assert_eq!(
            headings(&l),
            vec![
                "1. 障害発生日時",
                "2. 対象サービス",
                "3. 影響範囲・障害内容",
                "4. 原因",
                "5. 対処",
                "6. 今後の対策",
                "7. データについて",
                "8. 障害中に届いたメールについて",
                "9. 復旧見込みのご案内について",
                "10. 経緯",
            ]
        );
        assert_eq!(l.document_number.as_deref(), Some("ハ運発第2026-014号"));
        assert_eq!(l.revised.as_deref(), Some("2026年3月5日改訂"));
        assert_eq!(
            l.issuer,
            vec![
                "株式会社ハルカゼネット",
                "サービス運用本部",
                "本部長 三浦 恭介"
            ]
        );
    }

    #[test]
    fn period_item_lists_each_phase_and_notes_the_clock_once() {
        let d = example(SAMPLE);
        let l = compose(&d.reports[0], Lang::Ja);
        assert_eq!(
            l.items[0].blocks,
            vec![
                Block::Fields(vec![
                    Field {
                        label: "①".into(),
                        values: vec!["2026年2月17日(火)9時40分頃～21時30分（約11時間50分）".into()]
                    },
                    Field {
                        label: "②".into(),
                        values: vec![
                            "2026年2月17日(火)21時30分～2月18日(水)16時頃（約18時間30分）".into()
                        ]
                    },
                    Field {
                        label: "③ 再発".into(),
                        values: vec!["2026年2月24日(火)10時12分～11時50分（1時間38分）".into()]
                    },
                ]),
                Block::Note("※時刻は日本時間（24時間表記）で記載しております。".into()),
            ]
        );
        let all: String = format!("{l:?}");
        assert_eq!(all.matches("24時間表記").count(), 1);
    }

    #[test]
    fn twelve_hour_and_japanese_calendar_throughout() {
        let l = ja(
            "",
            r#", "letter": { "calendar": "japanese", "clock": "12h" }"#,
        );
        assert_eq!(l.issued.as_deref(), Some("令和8年5月12日"));
        assert_eq!(
            l.items[0].blocks[0],
            Block::Paragraph("令和8年5月11日(月)午後2時20分頃～午後3時05分（約45分）".into())
        );
        assert_eq!(
            l.items[0].blocks[1],
            Block::Note("※時刻は日本時間で記載しております。".into())
        );
        let text = format!("{l:?}");
        assert!(
            !text.contains("2026年"),
            "西暦 and 和暦 are never mixed: {text}"
        );
    }

    #[test]
    fn impact_of_a_single_phase_and_the_unaffected_services() {
        let l = ja("", "");
        assert_eq!(
            l.items[2].blocks,
            vec![
                Block::List {
                    style: ListStyle::Plain,
                    entries: vec!["△ メール配送：遅延・性能低下".into()]
                },
                Block::Paragraph("なお、Webは正常に稼働しておりました。".into()),
            ]
        );
    }

    #[test]
    fn the_sample_impact_has_the_phase_table_and_the_matrix() {
        let d = example(SAMPLE);
        let l = compose(&d.reports[0], Lang::Ja);
        assert_eq!(
            l.items[2].blocks,
            vec![Block::PhaseTable, Block::ImpactMatrix]
        );
    }

    #[test]
    fn phases_without_levels_get_the_table_but_no_matrix() {
        let text = SAMPLE
            .replace("\"impact\": {", "\"x_impact\": {")
            .replace("\"unaffected\": [\"smtp\", \"web\", \"dns\"],", "");
        let d = decode_str(&text).document.expect("decodes with warnings");
        let l = compose(&d.reports[0], Lang::Ja);
        assert_eq!(l.items[2].blocks, vec![Block::PhaseTable]);
    }

    #[test]
    fn cause_actions_measures_and_data() {
        let d = example(SAMPLE);
        let l = compose(&d.reports[0], Lang::Ja);
        let cause = &l.items[3].blocks;
        assert!(
            matches!(&cause[0], Block::Paragraph(p) if p.starts_with("米国データセンターの冷却設備"))
        );
        assert!(
            matches!(&cause[1], Block::List { style: ListStyle::Numbered, entries } if entries.len() == 4)
        );
        assert!(
            matches!(&l.items[4].blocks[0], Block::List { style: ListStyle::Bullet, entries } if entries.len() == 4)
        );
        let Block::Table(measures) = &l.items[5].blocks[0] else {
            panic!("measures table")
        };
        assert_eq!(measures.head, vec!["対策", "時期", "状況"]);
        let row = |i: usize| -> Vec<String> { measures.rows[i][1..].to_vec() };
        assert_eq!(row(0), vec!["2026年2月27日", "完了"]);
        assert_eq!(row(1), vec!["2026年4月30日", "実施中"]);
        assert_eq!(row(3), vec!["2026年9月末まで", "予定"]);
        assert!(
            matches!(&l.items[6].blocks[..], [Block::Paragraph(p)] if p.starts_with("本障害によるメールデータの消失はございません。"))
        );
    }

    #[test]
    fn the_timeline_is_grouped_by_day_with_unknown_times_in_place() {
        let d = example(SAMPLE);
        let l = compose(&d.reports[0], Lang::Ja);
        let Some(Block::Timeline(t)) = l.items.last().and_then(|i| i.blocks.first()) else {
            panic!("経緯 is last")
        };
        assert_eq!(
            t.head,
            ["時刻".to_string(), "主体".to_string(), "内容".to_string()]
        );
        let labels: Vec<&str> = t.days.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(
            labels,
            vec![
                "2026年2月17日(火)",
                "2026年2月18日(水)",
                "2026年2月19日(木)",
                "2026年2月20日(金)",
                "2026年2月24日(火)",
                "2026年2月27日(金)",
                "2026年3月3日(火)",
            ]
        );
        let rows: usize = t.days.iter().map(|d| d.rows.len()).sum();
        assert_eq!(rows, d.reports[0].timeline.len(), "every event once");
        let first = &t.days[0].rows[0];
        assert_eq!(first.time, "9時20分頃");
        assert_eq!(
            first.local_time.as_deref(),
            Some("（現地時間2月16日16時20分頃）")
        );
        assert_eq!(
            first.actor,
            "米国データセンター(ノースリッジ・コロケーション社)"
        );
        assert_eq!(t.days[1].rows[0].time, "早朝");
        let feb20 = &t.days[3].rows;
        assert_eq!(
            feb20.iter().map(|r| r.time.as_str()).collect::<Vec<_>>(),
            vec!["", "時刻不明"]
        );
        let quoted = t.days[0]
            .rows
            .iter()
            .find_map(|r| r.quote.as_ref())
            .expect("a quote");
        assert_eq!(
            quoted.source.as_deref(),
            Some("ノースリッジ・コロケーション社 障害通知(弊社訳)")
        );
    }

    #[test]
    fn contact_block_with_safe_links() {
        let d = example(SAMPLE);
        let c = compose(&d.reports[0], Lang::Ja).contact.expect("contact");
        assert_eq!(c.label, "本件に関するお問い合わせ窓口");
        let shown: Vec<String> = c
            .lines
            .iter()
            .map(|l| match &l.label {
                Some(label) => format!("{label}: {}", l.text),
                None => l.text.clone(),
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                "株式会社ハルカゼネット カスタマーサポートセンター",
                "〒104-0043 東京都中央区湊川三丁目8番2号 ハルカゼビル7階",
                "TEL: 0120-000-814",
                "FAX: 03-0000-8150",
                "E-mail: support@harukaze-net.example",
                "URL: https://www.harukaze-net.example/support/",
                "受付時間: 平日 9:00〜18:00(土日祝日・年末年始を除く)",
            ]
        );
        let hrefs: Vec<Option<&str>> = c.lines.iter().map(|l| l.href.as_deref()).collect();
        assert_eq!(
            hrefs,
            vec![
                None,
                None,
                Some("tel:0120000814"),
                None,
                Some("mailto:support@harukaze-net.example"),
                Some("https://www.harukaze-net.example/support/"),
                None,
            ]
        );
    }

    #[test]
    fn english_letter() {
        let d = example(SAMPLE_EN);
        let l = compose(&d.reports[0], Lang::En);
        assert_eq!(l.issued.as_deref(), Some("September 12, 2025"));
        assert_eq!(l.addressee.as_deref(), Some("To our customers"));
        assert_eq!(
            l.subject.as_deref(),
            Some("Form submission outage on September 9, 2025 (Final Report)")
        );
        assert_eq!(l.opening.as_deref(), Some("Dear Customers,"));
        assert_eq!(l.closing.as_deref(), Some("Sincerely,"));
        assert_eq!(l.record_mark, None);
        assert_eq!(l.end_mark, None);
        assert_eq!(
            l.body[0],
            "On Tue, September 9, 2025, 13:02, a failure occurred in our Form submission, Email notifications and Form editor. We sincerely apologize for the considerable inconvenience and concern this has caused our customers."
        );
        assert_eq!(
            l.body[2],
            "Now that the cause and our measures against recurrence have been determined, we present our final report below."
        );
        assert_eq!(
            l.closing_paragraph.as_deref(),
            Some("We are sorry for the trouble this caused you and the people who fill in your forms."),
            "the sample's own closing paragraph"
        );
        let default = letter("en", "", "");
        assert_eq!(
            default.closing_paragraph.as_deref(),
            Some("We apologize once again for the inconvenience and ask for your continued understanding and support.")
        );
        assert_eq!(default.body[0], "On Mon, May 11, 2026, about 14:20, a failure occurred in our メール配送. We sincerely apologize for the considerable inconvenience and concern this has caused our customers.");
        assert_eq!(headings(&l)[0], "1. Date and time");
        assert!(headings(&l).iter().any(|h| h.ends_with(". Timeline")));
        assert_eq!(
            l.contact.as_ref().map(|c| c.label.as_str()),
            Some("Questions about this report")
        );
        let text = format!("{l:?}");
        for japanese in ["拝啓", "敬具", "記", "以上", "年", "お客様"] {
            assert!(
                !text.contains(japanese),
                "no {japanese} in an English letter"
            );
        }
    }

    #[test]
    fn an_english_greeting_replaces_the_salutation() {
        let l = letter(
            "en",
            "",
            r#", "letter": { "greeting": "Dear valued customers," }"#,
        );
        assert_eq!(l.opening.as_deref(), Some("Dear valued customers,"));
    }

    #[test]
    fn every_example_composes_a_letter_without_略儀ながら() {
        for text in [SAMPLE, SAMPLE_EN, HISTORY, MINIMAL] {
            let d = example(text);
            for r in &d.reports {
                let l = compose(r, d.lang);
                let all = format!("{l:?}");
                assert!(!all.contains("略儀"), "{:?}", r.header.title);
                assert!(!l.items.is_empty(), "{:?}", r.header.title);
                assert!(!l.body.is_empty(), "{:?}", r.header.title);
            }
        }
    }

    #[test]
    fn minimal_report() {
        let d = example(MINIMAL);
        let l = compose(&d.reports[0], Lang::Ja);
        assert_eq!(l.issuer, vec!["株式会社ミナモ通信"]);
        assert_eq!(headings(&l), vec!["1. 障害発生日時"]);
        assert_eq!(
            l.items[0].blocks[0],
            Block::Paragraph("2026年5月11日(月)14時20分頃～15時05分（約45分）".into())
        );
    }
}
