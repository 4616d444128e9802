//! The browser app: the shell component and its one reducer ([`state`]), how it was started
//! ([`config`]), the components that
//! draw each view, the browser I/O helpers ([`browser`]), loading reports ([`loading`]), who the
//! deployer trusts ([`trust`]), deep links ([`fragment`]), talking with a host page ([`host`])
//! and mounting into one ([`embed`]). Everything it shows comes from [`crate::compose`].

pub mod browser;
pub mod components;
pub mod config;
pub mod drafts;
pub mod embed;
pub mod fragment;
pub mod host;
pub mod loading;
pub mod shell;
pub mod state;
pub mod trust;

pub use shell::{install_panic_hook, start};
