//! Calendars: day counts, frequencies and date schedules, business days and holiday calendars.

mod business;
mod daycount;
mod frequency;
mod holidays;
mod schedule;

pub use business::{BusinessDayConvention, HolidayCalendar, MAX_BUSINESS_DAY_STEP};
pub use daycount::{DayCount, DayCountParams};
pub(crate) use frequency::shift_months as frequency_shift_months;
pub use frequency::{days_in_month, is_month_end, Frequency, SemiMonthlyDays};
pub use holidays::{easter_sunday, HolidayRules, ENGLAND_WALES_SPECIAL};
pub use schedule::{date_schedule, ScheduleEnd, MAX_SCHEDULE_LEN};
