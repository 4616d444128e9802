//! How the app was started: the page URL's parameters, the embedded data script and the
//! deployer's `<meta>` settings (or a host page's mount call, see `embed`), read once into a
//! [`Config`] that the shell starts from.

use std::rc::Rc;

use crate::app::browser as web;
use crate::app::state::View;
use crate::app::trust;
use crate::model::Lang;

/// How the app was started: from the page URL, or (later) by a host page's mount call.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    /// `?src=`: a URL to download.
    pub src: Option<String>,
    /// JSON text given directly (embedded script or mount option).
    pub data: Option<String>,
    pub view: Option<View>,
    pub lang: Option<Lang>,
    /// `?report=`: id of the report to open in a history.
    pub report: Option<String>,
    /// `#event-<id>`: the event to select on open.
    pub event: Option<String>,
    /// `?range=<start ms>,<end ms>`
    pub range: Option<(i64, i64)>,
    /// `?theme=light|dark|auto`
    pub theme: Theme,
    /// `?embed=1` (or a mount call): one view, none of the app's own chrome.
    pub embed: bool,
    /// True when hokoku owns the page: it may then keep the URL and the tab title in step.
    pub standalone: bool,
    /// Host origins whose postMessage reports are accepted: the deployer's
    /// `<meta name="hokoku-host-origins">`, never the URL.
    pub host_origins: Rc<[String]>,
    /// Other origins `src` may download from (the page's own always may): the deployer's
    /// `<meta name="hokoku-source-origins">` or `mount`'s `sourceOrigins`, never the URL.
    pub source_origins: Rc<[String]>,
    /// `?restore=1`: reopen the last good document of this tab (the crash screen's reload).
    pub restore: bool,
}

/// Colour theme; `Auto` follows the system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn from_code(code: &str) -> Option<Theme> {
        match code {
            "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The root's `data-theme`; none for `Auto` so the media query decides.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

impl Config {
    /// The view asked for, as far as it is allowed: an embedded frame never opens the edit
    /// view. It sits on someone else's page in front of their readers, who are not the report's
    /// writers, and its drafts would land in that page's storage. See [`Config::refuses_edit`].
    pub fn asked_view(&self) -> Option<View> {
        self.view.filter(|_| !self.refuses_edit())
    }

    /// `?embed=1&view=edit` (or a mount call asking for it): refused, and the frame says so.
    pub fn refuses_edit(&self) -> bool {
        self.embed && self.view == Some(View::Edit)
    }

    /// Reads the page URL and the embedded data script.
    pub fn from_page() -> Config {
        let range = web::query_param("range").and_then(|r| {
            let (a, b) = r.split_once(',')?;
            let (a, b) = (a.parse().ok()?, b.parse().ok()?);
            (a < b).then_some((a, b))
        });
        Config {
            src: web::query_param("src"),
            data: web::embedded_json(),
            view: web::query_param("view").and_then(|v| View::from_code(&v)),
            lang: web::query_param("lang")
                .or_else(|| web::deployer_setting(LANG_META))
                .and_then(|l| Lang::from_code(&l)),
            report: web::query_param("report"),
            event: web::hash().and_then(|h| crate::app::fragment::event_from_fragment(&h)),
            range,
            theme: web::query_param("theme")
                .and_then(|t| Theme::from_code(&t))
                .unwrap_or_default(),
            embed: web::query_param("embed").is_some_and(|v| v == "1" || v == "true"),
            standalone: true,
            restore: web::query_param("restore").is_some_and(|v| v == "1"),
            host_origins: deployer_origins(HOST_ORIGINS_META),
            source_origins: deployer_origins(SOURCE_ORIGINS_META),
        }
    }
}

/// `<meta name>` of the page's interface language (a static site built with `--lang`); a
/// `?lang=` in the URL still wins, as it is the reader's own choice.
pub const LANG_META: &str = "hokoku-lang";
/// `<meta name>` of the deployer's host origins (see [`crate::app::trust`]).
pub const HOST_ORIGINS_META: &str = "hokoku-host-origins";
/// `<meta name>` of the deployer's other source origins.
pub const SOURCE_ORIGINS_META: &str = "hokoku-source-origins";

fn deployer_origins(meta: &str) -> Rc<[String]> {
    if meta == HOST_ORIGINS_META && web::query_param("allow_origin").is_some() {
        // Whoever writes a link could choose it, so it is no longer read; say where it went.
        web_sys::console::warn_1(
            &"hokoku: ?allow_origin= is ignored. List host origins in \
              <meta name=\"hokoku-host-origins\"> (docs/embedding.md)."
                .into(),
        );
    }
    web::deployer_setting(meta)
        .map(|list| trust::parse_origins(&list))
        .unwrap_or_default()
        .into()
}
