//! Server-side rendering of yew components to HTML text, on one current-thread runtime.
//!
//! yew's renderer is async; the site is built synchronously, so each render is driven to
//! completion here. The components are the app's own, so a page shows what the app shows.

use yew::{BaseComponent, LocalServerRenderer};

thread_local! {
    // Building a runtime without I/O or timers only allocates; failing here means the process
    // is out of memory, where nothing better can be done than to stop.
    static RUNTIME: tokio::runtime::Runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
}

/// Renders a component with its props to HTML (yew escapes every text and attribute).
pub fn html<C>(props: C::Properties) -> String
where
    C: BaseComponent,
{
    RUNTIME.with(|runtime| {
        runtime.block_on(
            LocalServerRenderer::<C>::with_props(props)
                .hydratable(false)
                .render(),
        )
    })
}
