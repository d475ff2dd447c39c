//! Payment frequencies and the arithmetic of stepping a date by whole periods.
//!
//! Month-based steps are taken from the anchor date, never chained, so a schedule anchored on the 31st
//! keeps the 31st wherever the month has one (Jan 31 -> Feb 28/29 -> Mar 31). With the end-of-month rule,
//! an anchor on the last day of its month (Feb 28) steps to the last day of every month (Mar 31, Apr 30).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The two days of the month of a semi-monthly frequency: `first` in 1..=27, `second` in
/// (`first` + 1)..=31. A day past a month's end falls on its last day (31 means "the last day"); `first`
/// stops at 27 so the two days stay distinct even in a 28-day February.
///
/// ```
/// use collections_core::SemiMonthlyDays;
///
/// let days = SemiMonthlyDays::new(15, 31).unwrap();
/// assert_eq!((days.first(), days.second()), (15, 31));
/// assert!(SemiMonthlyDays::new(15, 15).is_err());
/// assert!(SemiMonthlyDays::new(28, 31).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "(u32, u32)", into = "(u32, u32)")]
pub struct SemiMonthlyDays {
    first: u8,
    second: u8,
}

impl SemiMonthlyDays {
    /// Validates the pair of days.
    pub fn new(first: u32, second: u32) -> Result<SemiMonthlyDays> {
        if !(1..=27).contains(&first) {
            return Err(Error::invalid(
                "first_day",
                first,
                "must be between 1 and 27",
            ));
        }
        if second <= first || second > 31 {
            return Err(Error::invalid(
                "second_day",
                second,
                format!("must be after the first day ({first}) and at most 31"),
            ));
        }
        // Both are at most 31, so they fit a u8.
        Ok(SemiMonthlyDays {
            first: first as u8,
            second: second as u8,
        })
    }

    /// The first day of the month.
    pub fn first(&self) -> u32 {
        u32::from(self.first)
    }

    /// The second day of the month (past the month's end means its last day).
    pub fn second(&self) -> u32 {
        u32::from(self.second)
    }
}

impl TryFrom<(u32, u32)> for SemiMonthlyDays {
    type Error = Error;
    fn try_from((a, b): (u32, u32)) -> Result<Self> {
        SemiMonthlyDays::new(a, b)
    }
}

impl From<SemiMonthlyDays> for (u32, u32) {
    fn from(d: SemiMonthlyDays) -> Self {
        (d.first(), d.second())
    }
}

impl Default for SemiMonthlyDays {
    /// The 1st and the 15th.
    fn default() -> Self {
        SemiMonthlyDays {
            first: 1,
            second: 15,
        }
    }
}

/// How often a payment falls due.
///
/// ```
/// use collections_core::Frequency;
///
/// let f: Frequency = "four-weekly".parse().unwrap();
/// assert_eq!(f, Frequency::FourWeekly);
/// assert_eq!(f.periods_per_year(), 13);
/// assert_eq!("semi-monthly(15,31)".parse::<Frequency>().unwrap().to_string(), "semi-monthly(15,31)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Frequency {
    /// Every 7 days (52 a year).
    Weekly,
    /// Every 14 days, "fortnightly" (26 a year).
    Biweekly,
    /// Every 28 days (13 a year).
    FourWeekly,
    /// Twice a month on two given days (24 a year).
    SemiMonthly(SemiMonthlyDays),
    /// Every month (12 a year).
    Monthly,
    /// Every two months (6 a year).
    Bimonthly,
    /// Every three months (4 a year).
    Quarterly,
    /// Every six months (2 a year).
    SemiAnnual,
    /// Every year.
    Annual,
}

/// What one period of a frequency is made of.
enum Step {
    Days(i64),
    Months(i32),
    SemiMonthly(SemiMonthlyDays),
}

impl Frequency {
    /// Semi-monthly on the two given days; see [`SemiMonthlyDays::new`] for the rules.
    pub fn semi_monthly(first_day: u32, second_day: u32) -> Result<Frequency> {
        Ok(Frequency::SemiMonthly(SemiMonthlyDays::new(
            first_day, second_day,
        )?))
    }

    /// Periods in a year: 52, 26, 13, 24, 12, 6, 4, 2, 1.
    pub fn periods_per_year(&self) -> u32 {
        match self {
            Frequency::Weekly => 52,
            Frequency::Biweekly => 26,
            Frequency::FourWeekly => 13,
            Frequency::SemiMonthly(_) => 24,
            Frequency::Monthly => 12,
            Frequency::Bimonthly => 6,
            Frequency::Quarterly => 4,
            Frequency::SemiAnnual => 2,
            Frequency::Annual => 1,
        }
    }

    /// The months in one period, for frequencies made of whole months.
    pub fn months(&self) -> Option<u32> {
        match self.step() {
            Step::Months(m) => u32::try_from(m).ok(),
            _ => None,
        }
    }

    /// The name without parameters: `weekly`, `biweekly`, `four-weekly`, `semi-monthly`, `monthly`,
    /// `bimonthly`, `quarterly`, `semi-annual`, `annual`.
    pub fn name(&self) -> &'static str {
        match self {
            Frequency::Weekly => "weekly",
            Frequency::Biweekly => "biweekly",
            Frequency::FourWeekly => "four-weekly",
            Frequency::SemiMonthly(_) => "semi-monthly",
            Frequency::Monthly => "monthly",
            Frequency::Bimonthly => "bimonthly",
            Frequency::Quarterly => "quarterly",
            Frequency::SemiAnnual => "semi-annual",
            Frequency::Annual => "annual",
        }
    }

    fn step(&self) -> Step {
        match self {
            Frequency::Weekly => Step::Days(7),
            Frequency::Biweekly => Step::Days(14),
            Frequency::FourWeekly => Step::Days(28),
            Frequency::SemiMonthly(days) => Step::SemiMonthly(*days),
            Frequency::Monthly => Step::Months(1),
            Frequency::Bimonthly => Step::Months(2),
            Frequency::Quarterly => Step::Months(3),
            Frequency::SemiAnnual => Step::Months(6),
            Frequency::Annual => Step::Months(12),
        }
    }

    /// The date `n` periods from `anchor` (n may be negative).
    ///
    /// For month-based frequencies the day of the anchor is kept, or the month's last day when the month
    /// is shorter; with `end_of_month` and an anchor on its month's last day, every result is a month's
    /// last day. For semi-monthly, period 0 is the first of the two days on or after `anchor`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::Frequency;
    ///
    /// let jan31 = NaiveDate::from_ymd_opt(2024, 1, 31).unwrap();
    /// assert_eq!(Frequency::Monthly.add_periods(jan31, 1, false).unwrap().to_string(), "2024-02-29");
    /// assert_eq!(Frequency::Monthly.add_periods(jan31, 2, false).unwrap().to_string(), "2024-03-31");
    /// let feb29 = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    /// assert_eq!(Frequency::Monthly.add_periods(feb29, 1, false).unwrap().to_string(), "2024-03-29");
    /// assert_eq!(Frequency::Monthly.add_periods(feb29, 1, true).unwrap().to_string(), "2024-03-31");
    /// ```
    pub fn add_periods(&self, anchor: NaiveDate, n: i64, end_of_month: bool) -> Result<NaiveDate> {
        let out_of_range =
            || Error::date_range("date", format!("{anchor} + {n} {} periods", self.name()));
        match self.step() {
            Step::Days(d) => {
                let days = d.checked_mul(n).ok_or_else(out_of_range)?;
                let delta = Duration::try_days(days).ok_or_else(out_of_range)?;
                anchor.checked_add_signed(delta).ok_or_else(out_of_range)
            }
            Step::Months(m) => {
                let months = i64::from(m).checked_mul(n).ok_or_else(out_of_range)?;
                let eom = end_of_month && is_month_end(anchor);
                shift_months(anchor, months, eom).ok_or_else(out_of_range)
            }
            Step::SemiMonthly(days) => {
                // Slots are numbered 2 * (month index) + (0 for the first day, 1 for the second).
                let month_index = i64::from(anchor.year()) * 12 + i64::from(anchor.month0());
                let first = clamp_day(anchor.year(), anchor.month(), days.first())
                    .ok_or_else(out_of_range)?;
                let second = clamp_day(anchor.year(), anchor.month(), days.second())
                    .ok_or_else(out_of_range)?;
                let slot0 = if anchor <= first {
                    month_index * 2
                } else if anchor <= second {
                    month_index * 2 + 1
                } else {
                    month_index * 2 + 2
                };
                let slot = slot0.checked_add(n).ok_or_else(out_of_range)?;
                let month_index = slot.div_euclid(2);
                let day = if slot.rem_euclid(2) == 0 {
                    days.first()
                } else {
                    days.second()
                };
                let year = i32::try_from(month_index.div_euclid(12)).map_err(|_| out_of_range())?;
                let month =
                    u32::try_from(month_index.rem_euclid(12) + 1).map_err(|_| out_of_range())?;
                clamp_day(year, month, day).ok_or_else(out_of_range)
            }
        }
    }
}

/// Whether `date` is the last day of its month.
pub fn is_month_end(date: NaiveDate) -> bool {
    date.succ_opt()
        .is_none_or(|next| next.month() != date.month())
}

/// The number of days in the month.
///
/// `None` for a month outside 1..=12 or a year chrono cannot represent.
///
/// ```
/// use collections_core::calendar::days_in_month;
/// assert_eq!(days_in_month(2024, 2), Some(29));
/// assert_eq!(days_in_month(1900, 2), Some(28));
/// assert_eq!(days_in_month(2000, 2), Some(29));
/// assert_eq!(days_in_month(2026, 13), None);
/// ```
pub fn days_in_month(year: i32, month: u32) -> Option<u32> {
    // The proleptic Gregorian calendar, as chrono's; arithmetic rather than date construction (this sits
    // under every schedule row).
    if !(NaiveDate::MIN.year()..=NaiveDate::MAX.year()).contains(&year) {
        return None;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if leap => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// `day` in the given month, or the month's last day when the month is shorter.
fn clamp_day(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let last = days_in_month(year, month)?;
    NaiveDate::from_ymd_opt(year, month, day.min(last))
}

/// `date` moved by `months` calendar months, keeping its day where the month allows.
pub(crate) fn shift_months(date: NaiveDate, months: i64, end_of_month: bool) -> Option<NaiveDate> {
    let index = (i64::from(date.year()) * 12 + i64::from(date.month0())).checked_add(months)?;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u32::try_from(index.rem_euclid(12) + 1).ok()?;
    let day = if end_of_month { 31 } else { date.day() };
    clamp_day(year, month, day)
}

impl fmt::Display for Frequency {
    /// The name; semi-monthly adds its days: `semi-monthly(1,15)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Frequency::SemiMonthly(d) => write!(f, "semi-monthly({},{})", d.first(), d.second()),
            other => f.write_str(other.name()),
        }
    }
}

impl FromStr for Frequency {
    type Err = Error;

    /// Parses a name (case, `-`, `_` and spaces are not significant). Aliases: `fortnightly` for
    /// biweekly, `yearly` for annual, `semiannual`/`half-yearly` for semi-annual. `semi-monthly` alone means
    /// the 1st and 15th; `semi-monthly(15,31)` names the days.
    fn from_str(s: &str) -> Result<Frequency> {
        let key: String = s
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect::<String>()
            .to_lowercase();
        let bad = || {
            Error::invalid(
                "frequency",
                s,
                "expected weekly, biweekly, four-weekly, semi-monthly, monthly, bimonthly, quarterly, semi-annual or annual",
            )
        };
        if let Some(rest) = key.strip_prefix("semimonthly") {
            if rest.is_empty() {
                return Ok(Frequency::SemiMonthly(SemiMonthlyDays::default()));
            }
            let inner = rest
                .strip_prefix('(')
                .and_then(|r| r.strip_suffix(')'))
                .ok_or_else(bad)?;
            let (a, b) = inner.split_once(',').ok_or_else(bad)?;
            let a: u32 = a.parse().map_err(|_| bad())?;
            let b: u32 = b.parse().map_err(|_| bad())?;
            return Frequency::semi_monthly(a, b);
        }
        Ok(match key.as_str() {
            "weekly" => Frequency::Weekly,
            "biweekly" | "fortnightly" => Frequency::Biweekly,
            "fourweekly" => Frequency::FourWeekly,
            "monthly" => Frequency::Monthly,
            "bimonthly" => Frequency::Bimonthly,
            "quarterly" => Frequency::Quarterly,
            "semiannual" | "semiannually" | "halfyearly" => Frequency::SemiAnnual,
            "annual" | "annually" | "yearly" => Frequency::Annual,
            _ => return Err(bad()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap_or_else(|_| panic!("bad date {s}"))
    }

    #[test]
    fn semi_monthly_slots() {
        let f = Frequency::semi_monthly(15, 31).unwrap();
        let got: Vec<String> = (0..4)
            .map(|k| {
                f.add_periods(date("2024-02-10"), k, false)
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(
            got,
            ["2024-02-15", "2024-02-29", "2024-03-15", "2024-03-31"]
        );
        assert_eq!(
            f.add_periods(date("2024-02-15"), -1, false).unwrap(),
            date("2024-01-31")
        );
    }

    #[test]
    fn days_in_month_agrees_with_chrono() {
        for year in (-400..=3000).chain([NaiveDate::MIN.year(), NaiveDate::MAX.year()]) {
            for month in 1..=12u32 {
                let by_dates = NaiveDate::from_ymd_opt(year, month, 1).and_then(|first| {
                    let next = if month == 12 {
                        NaiveDate::from_ymd_opt(year + 1, 1, 1)
                    } else {
                        NaiveDate::from_ymd_opt(year, month + 1, 1)
                    };
                    next.map(|n| n.signed_duration_since(first).num_days())
                });
                if let Some(days) = by_dates {
                    assert_eq!(
                        days_in_month(year, month).map(i64::from),
                        Some(days),
                        "{year}-{month}"
                    );
                }
            }
        }
        assert_eq!(days_in_month(NaiveDate::MAX.year() + 1, 1), None);
        assert_eq!(days_in_month(2024, 0), None);
    }

    #[test]
    fn month_end_helpers() {
        assert!(is_month_end(date("2023-02-28")));
        assert!(!is_month_end(date("2024-02-28")));
        assert_eq!(days_in_month(2024, 2), Some(29));
        assert_eq!(
            shift_months(date("2024-03-31"), -1, false),
            Some(date("2024-02-29"))
        );
    }

    #[test]
    fn huge_steps_are_errors_not_panics() {
        assert!(Frequency::Weekly
            .add_periods(date("2024-01-01"), i64::MAX, false)
            .is_err());
        assert!(Frequency::Monthly
            .add_periods(date("2024-01-01"), i64::MAX, false)
            .is_err());
        assert!(Frequency::semi_monthly(1, 15)
            .unwrap()
            .add_periods(date("2024-01-01"), i64::MAX, false)
            .is_err());
    }
}
