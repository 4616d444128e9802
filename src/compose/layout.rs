//! Timeline layout math: time scale with gap compression, axis ticks, lanes, label collision,
//! clustering and visible-window selection. Pure functions, no yew: the timeline component only
//! draws what [`chart::chart`] returns, and every rule here is tested natively.

pub mod chart;
pub mod events;
pub mod scale;
pub mod text;
pub mod ticks;

#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;

pub use chart::{chart, ChartLayout, ChartSpec, Symbol};
pub use events::{day_groups, DayGroup, Filter, Prepared};
pub use scale::View;
