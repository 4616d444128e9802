//! The printable apology letter: lays out the blocks `letter::compose` wrote as an A4 page, and
//! the "印刷 / PDF" button that prints it under a meaningful document title.
//!
//! Every word comes from `crate::compose::letter`; this file only decides markup. The phase table and the
//! matrix are the impact view's own components, so the letter and that view cannot disagree.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::app::components::impact_table::{ImpactMatrix, PhaseTable};
use crate::app::components::rich_text::rich_text;
use crate::app::components::typeset::typeset;
use crate::compose::impact::group_digits;
use crate::compose::letter::{
    compose, Block, ContactBlock, Field, Letter, LetterSection, ListStyle, Table, TimelineTable,
};
use crate::model::i18n::tr;
use crate::model::{Form, Lang, Report};

#[derive(Properties, PartialEq)]
pub struct LetterViewProps {
    pub report: Rc<Report>,
    pub lang: Lang,
}

#[function_component]
pub fn LetterView(props: &LetterViewProps) -> Html {
    let letter = use_memo((props.report.clone(), props.lang), |(report, lang)| {
        compose(report, *lang)
    });
    let title = use_print_title(letter.print_title.clone());
    let onprint = Callback::from(move |_: MouseEvent| {
        title.enter();
        if let Some(window) = web_sys::window() {
            // Fails only where printing is disabled; the page then simply stays as it is.
            let _ = window.print();
        }
    });
    let lang = props.lang;
    let ja = lang == Lang::Ja;
    let class = classes!(
        "hk-letter",
        format!("hk-letter--{}", lang.code()),
        (letter.form == Form::Notice).then_some("hk-letter--notice")
    );
    html! {
        <article {class} data-testid="letter" lang={lang.code()}>
            <div class="hk-letter__toolbar hk-chrome">
                <button type="button" class="hk-letter__print hk-chrome" data-testid="print"
                    onclick={onprint}>
                    { tr(lang, "印刷 / PDF", "Print / PDF") }
                </button>
            </div>
            <div class="hk-letter__paper">
                { head(&letter, &props.report) }
                { subject(&letter) }
                if let Some(opening) = &letter.opening {
                    <p class="hk-letter__opening">{ opening.clone() }</p>
                }
                { for letter.body.iter().map(|p| html! { <p class="hk-letter__para">{ typeset(p) }</p> }) }
                if let Some(p) = &letter.closing_paragraph {
                    <p class="hk-letter__para hk-letter__para--last">{ typeset(p) }</p>
                }
                if let Some(closing) = &letter.closing {
                    <p class="hk-letter__closing">{ closing.clone() }</p>
                }
                if !ja {
                    { issuer(&letter, "hk-letter__signature") }
                }
                if let Some(mark) = &letter.record_mark {
                    <p class="hk-letter__record">{ mark.clone() }</p>
                }
                <div class="hk-letter__items">
                    { for letter.items.iter().map(|item| section(item, letter.form, &props.report, lang)) }
                </div>
                // 以上 and the contact box print together, with the end of the last item: a
                // page holding only 以上 or only the box reads as a page left over.
                <div class="hk-letter__close">
                    if let Some(mark) = &letter.end_mark {
                        <p class="hk-letter__end">{ mark.clone() }</p>
                    }
                    if let Some(contact) = &letter.contact {
                        { contact_block(contact) }
                    }
                </div>
                if !letter.revisions.is_empty() {
                    { revisions(&letter) }
                }
            </div>
        </article>
    }
}

/// 文書番号, 発信日 and 改訂 on the right, 宛名 on the left, 発信者 on the right (Japanese); the
/// English letter signs below "Sincerely," instead.
fn head(letter: &Letter, report: &Report) -> Html {
    let iso = report
        .header
        .issued
        .map(|d| d.format("%Y-%m-%d").to_string());
    html! {
        <header class="hk-letter__head">
            if let Some(number) = &letter.document_number {
                <p class="hk-letter__docno">{ number.clone() }</p>
            }
            if let (Some(date), Some(iso)) = (&letter.issued, iso) {
                <p class="hk-letter__date"><time datetime={iso}>{ date.clone() }</time></p>
            }
            if let Some(revised) = &letter.revised {
                <p class="hk-letter__revised">{ revised.clone() }</p>
            }
            if let Some(addressee) = &letter.addressee {
                <p class="hk-letter__addressee">{ addressee.clone() }</p>
            }
            if letter.lang == Lang::Ja {
                { issuer(letter, "hk-letter__issuer") }
            }
        </header>
    }
}

/// 件名, with the series marker (（最終報告）) kept on one line; nothing when no title is stated.
fn subject(letter: &Letter) -> Html {
    let Some(subject) = &letter.subject else {
        return Html::default();
    };
    let series = letter.series.as_deref().unwrap_or("");
    let title = subject.strip_suffix(series).unwrap_or(subject);
    // A space before the marker (English) stays outside the unbreakable span, where it counts.
    let marker = series.trim_start();
    let space = &series[..series.len() - marker.len()];
    html! {
        <h2 class="hk-letter__subject">
            { format!("{title}{space}") }
            if !marker.is_empty() {
                <span class="hk-letter__series">{ marker.to_string() }</span>
            }
        </h2>
    }
}

fn issuer(letter: &Letter, class: &'static str) -> Html {
    html! {
        <div {class}>
            { for letter.issuer.iter().map(|line| html! { <p>{ line.clone() }</p> }) }
        </div>
    }
}

/// One 記 item; in a notice a headed section without its number.
fn section(item: &LetterSection, form: Form, report: &Rc<Report>, lang: Lang) -> Html {
    html! {
        <section class="hk-letter__item" data-item={item.item.code()}>
            <h3 class="hk-letter__heading">
                if form == Form::Letter {
                    <span class="hk-letter__number">{ format!("{}.", item.number) }</span>
                }
                { item.heading.clone() }
            </h3>
            <div class="hk-letter__content">
                { for item.blocks.iter().map(|b| block(b, report, lang)) }
            </div>
        </section>
    }
}

fn block(b: &Block, report: &Rc<Report>, lang: Lang) -> Html {
    match b {
        Block::Paragraph(text) => html! { <p class="hk-letter__text">{ typeset(text) }</p> },
        Block::Note(text) => html! { <p class="hk-letter__note">{ typeset(text) }</p> },
        Block::List {
            style: ListStyle::Numbered,
            entries,
        } => html! {
            <ol class="hk-letter__list hk-letter__list--numbered">
                { for entries.iter().map(|e| html! { <li>{ typeset(e) }</li> }) }
            </ol>
        },
        Block::List { style, entries } => {
            let class = classes!(
                "hk-letter__list",
                (*style == ListStyle::Plain).then_some("hk-letter__list--plain")
            );
            html! {
                <ul {class}>
                    { for entries.iter().map(|e| html! { <li>{ typeset(e) }</li> }) }
                </ul>
            }
        }
        Block::Fields(fields) => html! {
            <dl class="hk-letter__fields">{ for fields.iter().map(field) }</dl>
        },
        Block::Table(table) => plain_table(table),
        Block::PhaseTable => html! {
            <div class="hk-letter__impact">
                <PhaseTable report={report.clone()} {lang} />
            </div>
        },
        Block::ImpactMatrix => html! {
            <div class="hk-letter__impact">
                <ImpactMatrix report={report.clone()} {lang} />
            </div>
        },
        Block::Timeline(t) => timeline(t, lang),
    }
}

fn field(f: &Field) -> Html {
    html! {
        <div class="hk-letter__field">
            <dt>{ f.label.clone() }</dt>
            <dd>{ for f.values.iter().map(|v| html! { <span class="hk-letter__value">{ typeset(v) }</span> }) }</dd>
        </div>
    }
}

fn plain_table(t: &Table) -> Html {
    html! {
        <table class="hk-letter__table hk-letter__measures">
            <thead>
                <tr>{ for t.head.iter().map(|h| html! { <th scope="col">{ h.clone() }</th> }) }</tr>
            </thead>
            <tbody>
                { for t.rows.iter().map(|row| html! {
                    <tr>
                        { for row.iter().enumerate().map(|(i, cell)| if i == 0 {
                            html! { <td class="hk-letter__cell-main">{ typeset(cell) }</td> }
                        } else {
                            html! { <td class="hk-letter__cell-aside">{ typeset(cell) }</td> }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// 経緯: one body per day, its date as a full-width row; the header repeats on each printed page.
fn timeline(t: &TimelineTable, lang: Lang) -> Html {
    let [time, actor, text] = t.head.clone();
    let (open, close) = match lang {
        Lang::Ja => ("「", "」"),
        Lang::En => ("“", "”"),
    };
    let days = t.days.iter().map(|day| {
        let rows = day.rows.iter().map(|r| {
            html! {
                <tr class="hk-letter__event">
                    <td class="hk-letter__time">
                        { typeset(&r.time) }
                        if let Some(local) = &r.local_time {
                            <span class="hk-letter__local">{ typeset(local) }</span>
                        }
                    </td>
                    <td class="hk-letter__actor">{ r.actor.clone() }</td>
                    <td class="hk-letter__event-text">
                        { rich_text(&r.text) }
                        if let Some(q) = &r.quote {
                            <blockquote class="hk-letter__quote">
                                if let Some(source) = &q.source {
                                    <span class="hk-letter__quote-source">{ source.clone() }</span>
                                }
                                <span class="hk-letter__quote-text">{ format!("{open}{}{close}", q.text) }</span>
                            </blockquote>
                        }
                    </td>
                </tr>
            }
        });
        let omitted = (day.omitted > 0).then(|| {
            let words = match lang {
                Lang::Ja => format!("（この日のほかの記録 {} 件は記載を省略しております）", group_digits(day.omitted as u64)),
                Lang::En => format!("({} other records of this day are not listed)", group_digits(day.omitted as u64)),
            };
            html! {
                <tr class="hk-letter__omitted" data-testid="letter-omitted">
                    <td colspan="3">{ words }</td>
                </tr>
            }
        });
        html! {
            <tbody class="hk-letter__day">
                <tr class="hk-letter__day-row">
                    <th colspan="3" scope="colgroup">{ day.label.clone() }</th>
                </tr>
                { for rows }
                { for omitted }
            </tbody>
        }
    });
    html! {
        <>
        if let Some(summary) = &t.summary {
            <p class="hk-letter__timeline-summary" data-testid="letter-timeline-summary">{ summary.clone() }</p>
        }
        <table class="hk-letter__table hk-letter__timeline">
            <thead>
                <tr>
                    <th scope="col" class="hk-letter__time">{ time }</th>
                    <th scope="col" class="hk-letter__actor">{ actor }</th>
                    <th scope="col">{ text }</th>
                </tr>
            </thead>
            { for days }
        </table>
        </>
    }
}

/// お問い合わせ窓口, boxed; links only where `letter` built one through `safe`.
fn contact_block(c: &ContactBlock) -> Html {
    let lines = c.lines.iter().map(|line| {
        let value = match &line.href {
            Some(href) => {
                html! { <a href={href.clone()} rel="noopener noreferrer">{ line.text.clone() }</a> }
            }
            None => html! { { typeset(&line.text) } },
        };
        html! {
            <p class="hk-letter__contact-line">
                if let Some(label) = &line.label {
                    <span class="hk-letter__contact-label">{ format!("{label}: ") }</span>
                }
                { value }
            </p>
        }
    });
    html! {
        <section class="hk-letter__contact" aria-label={c.label.clone()}>
            <p class="hk-letter__contact-title">{ c.label.clone() }</p>
            { for lines }
        </section>
    }
}

fn revisions(letter: &Letter) -> Html {
    let heading = tr(letter.lang, "改訂履歴", "Revision history");
    html! {
        <section class="hk-letter__revisions" aria-label={heading}>
            <p class="hk-letter__revisions-title">{ heading }</p>
            <ul>
                { for letter.revisions.iter().map(|(date, note)| html! {
                    <li>
                        if let Some(date) = date {
                            <span class="hk-letter__revision-date">{ date.clone() }</span>
                        }
                        { typeset(note) }
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// Swaps `document.title` for the letter's while printing, so the PDF's default file name says
/// what it is, and puts the page's own title back afterwards. Entered from the button and from
/// the browser's `beforeprint` (Ctrl+P); entering twice keeps the first saved title.
#[derive(Clone)]
struct PrintTitle {
    title: Rc<RefCell<String>>,
    saved: Rc<RefCell<Option<String>>>,
}

impl PrintTitle {
    fn enter(&self) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let mut saved = self.saved.borrow_mut();
        if saved.is_none() {
            *saved = Some(doc.title());
        }
        doc.set_title(&crate::model::safe::one_line(&self.title.borrow()));
    }

    fn leave(&self) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(old) = self.saved.borrow_mut().take() {
            doc.set_title(&old);
        }
    }
}

#[hook]
fn use_print_title(title: String) -> PrintTitle {
    let handle = use_memo((), |_| PrintTitle {
        title: Rc::new(RefCell::new(String::new())),
        saved: Rc::new(RefCell::new(None)),
    });
    handle.title.replace(title);
    {
        let handle = (*handle).clone();
        use_effect_with((), move |_| {
            let (h_before, h_after) = (handle.clone(), handle.clone());
            let listener = crate::app::browser::PrintListener::new(
                move || h_before.enter(),
                move || h_after.leave(),
            );
            move || {
                drop(listener);
                handle.leave();
            }
        });
    }
    (*handle).clone()
}
