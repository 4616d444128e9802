//! Loading a report: every way in (download, file, text) takes a ticket from [`Loads`] so the
//! user's latest action wins and a running download is stopped when it is replaced; `?src=` is
//! checked against the deployer's origins ([`crate::app::trust`]) before and after redirects; and
//! the progress line with its cancel button.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::browser as web;
use crate::app::state::{Action, AppState, Ticket};
use crate::app::trust;
use crate::format::problem::{Problem, ProblemKind};
use crate::format::{decode_bytes_with_in, decode_str_in};
use crate::model::i18n::tr;
use crate::model::{safe, Lang};

/// The loads the user asked for, in order. Each new one takes the next ticket (so the reducer
/// drops what older ones still deliver) and stops a download that is still running.
#[derive(Default)]
pub struct Loads {
    /// The language the reader chose (`?lang=`): a Statuspage export is converted in it.
    pub lang: Option<Lang>,
    last: std::cell::Cell<Ticket>,
    download: std::cell::RefCell<Option<(Ticket, web::Download)>>,
}

impl Loads {
    pub fn choosing(lang: Option<Lang>) -> Loads {
        Loads {
            lang,
            ..Loads::default()
        }
    }

    pub fn next(&self) -> Ticket {
        self.stop();
        self.last.set(self.last.get() + 1);
        self.last.get()
    }

    pub fn stop(&self) {
        let running = self.download.borrow_mut().take();
        if let Some((_, download)) = running {
            download.abort();
        }
    }

    /// The user's cancel button: stops the download of `ticket` if it is the one running.
    pub fn cancel(&self, ticket: Ticket, dispatch: &UseReducerDispatcher<AppState>) {
        let running = self
            .download
            .borrow()
            .as_ref()
            .is_some_and(|(t, _)| *t == ticket);
        if running {
            self.stop();
        }
        dispatch.dispatch(Action::Cancel { ticket });
    }
}

/// Starts a download of `url` and feeds the result to the reducer. Only http(s) URLs on the
/// page's origin or one the deployer listed, checked before asking and again on the final URL
/// after redirects; the source shown is that final URL, so the page says where a report came from.
pub fn load_url(
    url: &str,
    sources: Rc<[String]>,
    loads: &Loads,
    dispatch: &UseReducerDispatcher<AppState>,
) {
    let ticket = loads.next();
    let refuse = |source: Rc<str>, kind| {
        let problem = Problem::error("", None, kind);
        dispatch.dispatch(Action::Failed {
            ticket,
            source,
            problem,
        });
    };
    if !safe::is_fetchable_src(url) {
        return refuse(url.into(), ProblemKind::BadSource(url.to_string()));
    }
    let Some((href, origin)) = web::resolve_url(url) else {
        return refuse(url.into(), ProblemKind::BadSource(url.to_string()));
    };
    let page = web::page_origin().unwrap_or_default();
    if !trust::source_allowed(&origin, &page, &sources) {
        return refuse(href.into(), ProblemKind::SourceNotAllowed(origin));
    }
    let source: Rc<str> = href.as_str().into();
    dispatch.dispatch(Action::StartLoading {
        ticket,
        source: source.clone(),
    });
    let progress = dispatch.clone();
    let done = dispatch.clone();
    let lang = loads.lang;
    let download = web::fetch_bytes(
        &href,
        move |loaded, total| {
            progress.dispatch(Action::Progress {
                ticket,
                loaded,
                total,
            })
        },
        move |fetched| {
            // A redirect may have left the allowed origins: the final URL decides, and is the
            // source shown.
            let (source, fetched) = match fetched {
                web::Fetched::Bytes(bytes, Some(final_url)) => {
                    let origin = web::resolve_url(&final_url)
                        .map(|(_, o)| o)
                        .unwrap_or_else(|| final_url.clone());
                    let fetched = if trust::source_allowed(&origin, &page, &sources) {
                        web::Fetched::Bytes(bytes, None)
                    } else {
                        let kind = ProblemKind::SourceNotAllowed(origin);
                        web::Fetched::Failed(Problem::error("", None, kind))
                    };
                    (Rc::from(final_url.as_str()), fetched)
                }
                other => (source, other),
            };
            done.dispatch(fetched_action(ticket, source, fetched, lang))
        },
    );
    *loads.download.borrow_mut() = Some((ticket, download));
}

fn fetched_action(
    ticket: Ticket,
    source: Rc<str>,
    fetched: web::Fetched,
    lang: Option<Lang>,
) -> Action {
    match fetched {
        web::Fetched::Bytes(bytes, _) => Action::Decoded {
            ticket,
            source,
            outcome: decode_bytes_with_in(&bytes, lang, web::decode_legacy),
        },
        web::Fetched::Failed(problem) => Action::Failed {
            ticket,
            source,
            problem,
        },
    }
}

pub fn load_file(file: web_sys::File, loads: &Loads, dispatch: &UseReducerDispatcher<AppState>) {
    let ticket = loads.next();
    let source: Rc<str> = Rc::from(file.name().as_str());
    dispatch.dispatch(Action::StartLoading {
        ticket,
        source: source.clone(),
    });
    let done = dispatch.clone();
    let lang = loads.lang;
    web::read_file(file, move |fetched| {
        done.dispatch(fetched_action(ticket, source, fetched, lang))
    });
}

/// Text the user or the host gave directly (paste, embedded script, message, sample).
pub fn load_text(
    text: &str,
    source: Rc<str>,
    loads: &Loads,
    dispatch: &UseReducerDispatcher<AppState>,
) {
    let ticket = loads.next();
    let outcome = decode_str_in(text, loads.lang);
    dispatch.dispatch(Action::Decoded {
        ticket,
        source,
        outcome,
    });
}

pub fn progress(
    state: &AppState,
    lang: Lang,
    loads: &Rc<Loads>,
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    let Some(loading) = &state.loading else {
        return Html::default();
    };
    let text = progress_text(loading.loaded, loading.total, lang);
    let bar = match loading.total {
        Some(total) if total > 0 => html! {
            <progress max={total.to_string()} value={loading.loaded.to_string()}></progress>
        },
        _ => html! { <progress></progress> },
    };
    let oncancel = {
        let loads = loads.clone();
        let dispatch = dispatch.clone();
        let ticket = loading.ticket;
        Callback::from(move |_| loads.cancel(ticket, &dispatch))
    };
    html! {
        <div class="hk-progress hk-chrome" data-testid="progress" role="status">
            { bar }
            <span>{ tr(lang, "読み込み中: ", "Loading: ") }{ loading.source.to_string() }{ " — " }
                <span data-testid="progress-text">{ text }</span></span>
            <button type="button" class="hk-button" data-testid="cancel-load" onclick={oncancel}>
                { tr(lang, "中止", "Cancel") }
            </button>
        </div>
    }
}

/// "12.3 KB / 40.0 KB", or what has arrived when the server sent no length ("1.2 MB 受信").
pub fn progress_text(loaded: u64, total: Option<u64>, lang: Lang) -> String {
    match total {
        Some(total) if total > 0 => format!("{} / {}", amount(loaded), amount(total)),
        _ => match lang {
            Lang::Ja => format!("{} 受信", amount(loaded)),
            Lang::En => format!("{} received", amount(loaded)),
        },
    }
}

fn amount(bytes: u64) -> String {
    match bytes {
        0..1000 => format!("{bytes} B"),
        1000..1_000_000 => format!("{:.1} KB", bytes as f64 / 1e3),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_without_a_length_says_what_has_arrived() {
        assert_eq!(progress_text(0, None, Lang::Ja), "0 B 受信");
        assert_eq!(progress_text(512, Some(0), Lang::En), "512 B received");
        assert_eq!(progress_text(12_345, None, Lang::Ja), "12.3 KB 受信");
        assert_eq!(progress_text(2_500_000, None, Lang::En), "2.5 MB received");
        assert_eq!(
            progress_text(1_500, Some(40_000), Lang::Ja),
            "1.5 KB / 40.0 KB"
        );
    }
}
