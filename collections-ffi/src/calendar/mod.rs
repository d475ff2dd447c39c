//! Calendars across the ABI: dates, day counts, frequencies and date schedules, business days and
//! holiday calendars. The rules are the core's `calendar` module.

mod business;
mod date;
mod daycount;
mod frequency;
mod schedule;

pub use business::*;
pub use date::*;
pub use daycount::*;
pub use frequency::*;
pub use schedule::*;
