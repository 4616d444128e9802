//! What is computed from a validated report for the views to show, without yew: dates and
//! times in words ([`timefmt`]), impact figures ([`impact`]), history figures ([`history`]),
//! the letter's parts ([`letter`]) and the timeline's geometry ([`layout`]). Each depends only
//! on [`crate::model`] and is tested natively; the components only draw what these return.

pub mod history;
pub mod impact;
pub mod layout;
pub mod letter;
pub mod phrase;
pub mod timefmt;
