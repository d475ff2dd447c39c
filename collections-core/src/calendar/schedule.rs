//! Date schedules: the due dates of a frequency from a start date, by count or until an end date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::frequency::Frequency;
use crate::error::{Error, Result};

/// The most dates one schedule may hold (a weekly schedule of about 1,900 years); longer requests are an
/// error rather than an allocation the caller did not mean.
pub const MAX_SCHEDULE_LEN: usize = 100_000;

/// Where a date schedule stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScheduleEnd {
    /// Exactly this many dates (at least 1).
    Count(u32),
    /// Every date on or before this one (which must not be before the start).
    Until(NaiveDate),
}

impl ScheduleEnd {
    /// The end of a schedule from the optional `count` and `until` that C and Python callers pass:
    /// exactly one must be given, and a count must be from 1 to [`MAX_SCHEDULE_LEN`].
    ///
    /// ```
    /// use collections_core::ScheduleEnd;
    ///
    /// assert_eq!(ScheduleEnd::from_parts(Some(12), None).unwrap(), ScheduleEnd::Count(12));
    /// assert_eq!(ScheduleEnd::from_parts(Some(-3), None).unwrap_err().field(), "count");
    /// assert_eq!(ScheduleEnd::from_parts(None, None).unwrap_err().field(), "count");
    /// ```
    pub fn from_parts(count: Option<i64>, until: Option<NaiveDate>) -> Result<ScheduleEnd> {
        match (count, until) {
            (Some(n), None) => {
                let limit = i64::try_from(MAX_SCHEDULE_LEN).unwrap_or(i64::MAX);
                if !(1..=limit).contains(&n) {
                    return Err(Error::invalid(
                        "count",
                        n,
                        format!("must be between 1 and {MAX_SCHEDULE_LEN}"),
                    ));
                }
                u32::try_from(n)
                    .map(ScheduleEnd::Count)
                    .map_err(|_| Error::invalid("count", n, "too large"))
            }
            (None, Some(date)) => Ok(ScheduleEnd::Until(date)),
            (Some(n), Some(date)) => Err(Error::invalid(
                "until",
                date,
                format!("give either count ({n}) or until, not both"),
            )),
            (None, None) => Err(Error::invalid(
                "count",
                "none",
                "give either count or until",
            )),
        }
    }
}

/// The dates `start`, `start + 1 period`, `start + 2 periods`, ... of `frequency`.
///
/// Each date is stepped from `start` itself (see [`Frequency::add_periods`]), so the anchor day survives
/// short months; `end_of_month` makes a month-end start produce month ends. For semi-monthly frequencies
/// the schedule begins on the first of the two days on or after `start`.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::{date_schedule, Frequency, ScheduleEnd};
///
/// let start = NaiveDate::from_ymd_opt(2024, 1, 31).unwrap();
/// let dates = date_schedule(start, Frequency::Monthly, ScheduleEnd::Count(4), false).unwrap();
/// let shown: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
/// assert_eq!(shown, ["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"]);
///
/// let until = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
/// let weekly = date_schedule(start, Frequency::Weekly, ScheduleEnd::Until(until), false).unwrap();
/// assert_eq!(weekly.len(), 5);
/// assert!(date_schedule(start, Frequency::Monthly, ScheduleEnd::Count(0), false).is_err());
/// ```
pub fn date_schedule(
    start: NaiveDate,
    frequency: Frequency,
    end: ScheduleEnd,
    end_of_month: bool,
) -> Result<Vec<NaiveDate>> {
    match end {
        ScheduleEnd::Count(count) => {
            let n = usize::try_from(count).unwrap_or(usize::MAX);
            if n == 0 {
                return Err(Error::invalid("count", count, "must be at least 1"));
            }
            if n > MAX_SCHEDULE_LEN {
                return Err(Error::invalid(
                    "count",
                    count,
                    format!("must be at most {MAX_SCHEDULE_LEN}"),
                ));
            }
            (0..i64::from(count))
                .map(|k| frequency.add_periods(start, k, end_of_month))
                .collect()
        }
        ScheduleEnd::Until(until) => {
            if until < start {
                return Err(Error::invalid(
                    "end",
                    until,
                    format!("must not be before the start date {start}"),
                ));
            }
            let mut dates = Vec::new();
            for k in 0.. {
                let date = frequency.add_periods(start, k, end_of_month)?;
                if date > until {
                    break;
                }
                if dates.len() == MAX_SCHEDULE_LEN {
                    return Err(Error::invalid(
                        "end",
                        until,
                        format!("the schedule would have more than {MAX_SCHEDULE_LEN} dates"),
                    ));
                }
                dates.push(date);
            }
            Ok(dates)
        }
    }
}
