//! What is computed from a validated report for the views to show, without yew: impact figures
//! ([`impact`]), history figures ([`history`]), the letter's parts ([`letter`]), its phrases
//! ([`phrase`]) and the timeline's geometry ([`layout`]), all writing dates and times through
//! [`crate::model::timefmt`]. Each depends only on [`crate::model`] and is tested natively; the
//! components only draw what these return.

pub mod history;
pub mod impact;
pub mod layout;
pub mod letter;
pub mod phrase;
