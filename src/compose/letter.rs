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
//!
//! The parts live beside this file: `head` (件名, 頭語 line), `body` (主文 and 末文), `items` (the
//! 記 items), `timeline` (経緯), `contact` (お問い合わせ窓口); this file holds the letter's types
//! and puts the parts together.

mod body;
mod contact;
mod head;
mod items;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_items;
#[cfg(test)]
mod tests_wording;
mod timeline;

use chrono::NaiveDate;

use crate::compose::impact::{self, group_digits, Length};
use crate::model::safe;
use crate::model::timefmt::Fmt;
use crate::model::Text;
use crate::model::{
    Action, Approx, Clock, Due, Event, Form, ImpactLevel, Lang, LetterItem, MeasureStatus, Report,
    ReportKind,
};
use body::{affected_names, default_body, default_closing_paragraph};
pub use body::{body_of, closing_of, Facts};
use contact::contact;
use head::opening_and_body;
pub use head::{series_marker, subject};
use items::items;
use timeline::timeline_blocks;

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
    /// Said above the table when a long timeline is summarised: how many of how many events it
    /// lists, and which (see `timeline::LETTER_ROWS`).
    pub summary: Option<String>,
    pub days: Vec<TimelineDay>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineDay {
    /// `2026年2月17日(火)`; `日時不明` for events before any known day.
    pub label: String,
    pub rows: Vec<TimelineRow>,
    /// Events of this day the summarised table leaves out (0 when every event is listed).
    pub omitted: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    /// `9時40分頃`, `早朝`, `時刻不明`; empty for a day without a time.
    pub time: String,
    /// `（現地時間2月16日16時20分頃）`.
    pub local_time: Option<String>,
    pub actor: String,
    pub text: Text,
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
    let fmt = Fmt::of_report(report, lang);
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
    // A title of megabytes would fill pages of the printout and freeze its layout.
    let title = header
        .title
        .as_deref()
        .map(|t| crate::model::long::clipped(t, crate::model::long::TITLE_CHARS));
    let title = title.as_deref();

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
/// A text without the indentation that opens its paragraphs and items: the table sets them.
fn unindent_text(t: &Text) -> Text {
    use crate::model::text::{Block as TextBlock, Inline};
    let trim = |inlines: &[Inline]| -> Vec<Inline> {
        let mut v = inlines.to_vec();
        if let Some(Inline::Plain(s)) = v.first_mut() {
            // Only the start: the end of a first piece is the space before what follows it.
            *s = s.trim_start_matches([' ', '\u{3000}', '\t']).to_string();
        }
        v
    };
    Text::new(
        t.blocks
            .iter()
            .map(|b| match b {
                TextBlock::Paragraph(i) => TextBlock::Paragraph(trim(i)),
                TextBlock::List(items) => TextBlock::List(items.iter().map(|i| trim(i)).collect()),
            })
            .collect(),
    )
}

fn unindent(p: &str) -> String {
    p.trim_start_matches([' ', '\u{3000}', '\t'])
        .trim_end()
        .to_string()
}
