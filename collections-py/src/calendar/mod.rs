//! Calendars: day counts, frequencies and date schedules, business days and holiday calendars.

mod business;
mod daycount;
mod frequency;
mod schedule;

pub use business::PyHolidayCalendar;
pub use daycount::{day_count_arg, day_count_value, PyDayCount};
pub use frequency::{frequency_arg, PyFrequency};
pub use schedule::date_schedule;
