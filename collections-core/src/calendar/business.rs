//! Business days: weekend days plus holidays, and the conventions for rolling a date that is not one.
//!
//! Conventions are those of the 2006 ISDA Definitions, section 4.12 (Following, Modified Following,
//! Preceding) plus Modified Preceding and Unadjusted.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::holidays::HolidayRules;
use crate::error::{Error, Result};

/// The most days a roll or a business-day step may search before giving up (a calendar whose holidays
/// cover years on end is a mistake, not a reason to loop).
const MAX_SEARCH_DAYS: u32 = 3660;

/// The most business days [`HolidayCalendar::add_business_days`] moves in one call.
pub const MAX_BUSINESS_DAY_STEP: i64 = 1_000_000;

/// How a date that is not a business day is rolled.
///
/// ```
/// use collections_core::BusinessDayConvention;
///
/// let c: BusinessDayConvention = "modified following".parse().unwrap();
/// assert_eq!(c, BusinessDayConvention::ModifiedFollowing);
/// assert_eq!(c.to_string(), "modified-following");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BusinessDayConvention {
    /// Leave the date as it is.
    Unadjusted,
    /// The next business day.
    #[default]
    Following,
    /// The next business day, unless that is in the next month: then the previous one.
    ModifiedFollowing,
    /// The previous business day.
    Preceding,
    /// The previous business day, unless that is in the previous month: then the next one.
    ModifiedPreceding,
}

impl BusinessDayConvention {
    /// Every convention, in declaration order.
    pub const ALL: [BusinessDayConvention; 5] = [
        BusinessDayConvention::Unadjusted,
        BusinessDayConvention::Following,
        BusinessDayConvention::ModifiedFollowing,
        BusinessDayConvention::Preceding,
        BusinessDayConvention::ModifiedPreceding,
    ];

    /// `unadjusted`, `following`, `modified-following`, `preceding` or `modified-preceding`.
    pub fn name(self) -> &'static str {
        match self {
            BusinessDayConvention::Unadjusted => "unadjusted",
            BusinessDayConvention::Following => "following",
            BusinessDayConvention::ModifiedFollowing => "modified-following",
            BusinessDayConvention::Preceding => "preceding",
            BusinessDayConvention::ModifiedPreceding => "modified-preceding",
        }
    }
}

impl fmt::Display for BusinessDayConvention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for BusinessDayConvention {
    type Err = Error;

    /// Parses a name; case, `-`, `_` and spaces are not significant.
    fn from_str(s: &str) -> Result<Self> {
        let key: String = s
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect::<String>()
            .to_lowercase();
        BusinessDayConvention::ALL
            .into_iter()
            .find(|c| c.name().replace('-', "") == key)
            .ok_or_else(|| {
                Error::invalid(
                    "convention",
                    s,
                    "expected unadjusted, following, modified-following, preceding or modified-preceding",
                )
            })
    }
}

/// A holiday calendar: weekend days, listed holidays and built-in holiday rules.
///
/// ```
/// use chrono::{NaiveDate, Weekday};
/// use collections_core::{BusinessDayConvention, HolidayCalendar};
///
/// let us = HolidayCalendar::us_federal();
/// let july4 = NaiveDate::from_ymd_opt(2026, 7, 4).unwrap(); // a Saturday, observed Friday July 3
/// assert!(us.is_holiday(NaiveDate::from_ymd_opt(2026, 7, 3).unwrap()));
/// assert_eq!(us.adjust(july4, BusinessDayConvention::Following).unwrap().to_string(), "2026-07-06");
///
/// let company = HolidayCalendar::new(&[Weekday::Fri, Weekday::Sat], [july4]).unwrap();
/// assert!(!company.is_business_day(july4));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CalendarRepr")]
pub struct HolidayCalendar {
    weekend: Vec<Weekday>,
    holidays: BTreeSet<NaiveDate>,
    rules: Vec<HolidayRules>,
}

/// The serialized form, validated on the way in like [`HolidayCalendar::new`].
#[derive(Deserialize)]
struct CalendarRepr {
    weekend: Vec<Weekday>,
    #[serde(default)]
    holidays: BTreeSet<NaiveDate>,
    #[serde(default)]
    rules: Vec<HolidayRules>,
}

impl TryFrom<CalendarRepr> for HolidayCalendar {
    type Error = Error;
    fn try_from(r: CalendarRepr) -> Result<HolidayCalendar> {
        let mut cal = HolidayCalendar::new(&r.weekend, r.holidays)?;
        cal.rules = r.rules;
        cal.rules.sort();
        cal.rules.dedup();
        Ok(cal)
    }
}

impl HolidayCalendar {
    /// A calendar with the given weekend days and listed holidays. At least one day of the week must be a
    /// working day.
    pub fn new(
        weekend: &[Weekday],
        holidays: impl IntoIterator<Item = NaiveDate>,
    ) -> Result<HolidayCalendar> {
        let mut days: Vec<Weekday> = weekend.to_vec();
        days.sort_by_key(Weekday::num_days_from_monday);
        days.dedup();
        if days.len() >= 7 {
            return Err(Error::invalid(
                "weekend",
                "all seven days",
                "at least one day of the week must be a business day",
            ));
        }
        Ok(HolidayCalendar {
            weekend: days,
            holidays: holidays.into_iter().collect(),
            rules: Vec::new(),
        })
    }

    /// Saturday and Sunday, no holidays.
    pub fn weekends_only() -> HolidayCalendar {
        HolidayCalendar {
            weekend: vec![Weekday::Sat, Weekday::Sun],
            holidays: BTreeSet::new(),
            rules: Vec::new(),
        }
    }

    /// A Saturday/Sunday calendar with built-in rules.
    pub fn from_rules(rules: HolidayRules) -> HolidayCalendar {
        HolidayCalendar {
            rules: vec![rules],
            ..HolidayCalendar::weekends_only()
        }
    }

    /// US federal legal public holidays (5 U.S.C. 6103), as observed, with Saturday/Sunday weekends.
    pub fn us_federal() -> HolidayCalendar {
        HolidayCalendar::from_rules(HolidayRules::UsFederal)
    }

    /// England and Wales bank holidays, with Saturday/Sunday weekends.
    pub fn england_and_wales() -> HolidayCalendar {
        HolidayCalendar::from_rules(HolidayRules::EnglandAndWales)
    }

    /// A built-in calendar by name: `us-federal` (or `US`), `england-and-wales` (or `GB-EAW`, `UK`), or
    /// `weekends` for Saturday/Sunday only.
    ///
    /// ```
    /// use collections_core::HolidayCalendar;
    ///
    /// assert_eq!(HolidayCalendar::builtin("US").unwrap(), HolidayCalendar::us_federal());
    /// assert!(HolidayCalendar::builtin("Narnia").is_err());
    /// ```
    pub fn builtin(name: &str) -> Result<HolidayCalendar> {
        let key: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        if key == "weekends" || key == "weekendsonly" {
            return Ok(HolidayCalendar::weekends_only());
        }
        name.parse::<HolidayRules>()
            .map(HolidayCalendar::from_rules)
            .map_err(|_| {
                Error::invalid(
                    "calendar",
                    name,
                    "expected us-federal, england-and-wales or weekends",
                )
            })
    }

    /// This calendar with more listed holidays.
    pub fn with_holidays(
        mut self,
        holidays: impl IntoIterator<Item = NaiveDate>,
    ) -> HolidayCalendar {
        self.holidays.extend(holidays);
        self
    }

    /// A date is a business day of the union when it is one of both calendars.
    pub fn union(&self, other: &HolidayCalendar) -> Result<HolidayCalendar> {
        let weekend: Vec<Weekday> = self.weekend.iter().chain(&other.weekend).copied().collect();
        let mut joined = HolidayCalendar::new(
            &weekend,
            self.holidays.iter().chain(&other.holidays).copied(),
        )?;
        joined.rules = self.rules.iter().chain(&other.rules).copied().collect();
        joined.rules.sort();
        joined.rules.dedup();
        Ok(joined)
    }

    /// This calendar with more built-in holiday rules (a custom weekend with US federal holidays, say).
    ///
    /// ```
    /// use chrono::{NaiveDate, Weekday};
    /// use collections_core::{HolidayCalendar, HolidayRules};
    ///
    /// let cal = HolidayCalendar::new(&[Weekday::Sun], []).unwrap().with_rules([HolidayRules::UsFederal]);
    /// assert!(!cal.is_business_day(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())); // Thanksgiving
    /// assert!(cal.is_business_day(NaiveDate::from_ymd_opt(2026, 11, 28).unwrap())); // a Saturday
    /// ```
    pub fn with_rules(mut self, rules: impl IntoIterator<Item = HolidayRules>) -> HolidayCalendar {
        self.rules.extend(rules);
        self.rules.sort();
        self.rules.dedup();
        self
    }

    /// The listed holidays (those given to [`HolidayCalendar::new`] or added), sorted; rule holidays are
    /// in [`HolidayCalendar::holidays`].
    pub fn listed_holidays(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.holidays.iter().copied()
    }

    /// The weekend days, Monday first.
    pub fn weekend(&self) -> &[Weekday] {
        &self.weekend
    }

    /// The built-in rules in force.
    pub fn rules(&self) -> &[HolidayRules] {
        &self.rules
    }

    /// Whether the date falls on a weekend day.
    pub fn is_weekend(&self, date: NaiveDate) -> bool {
        self.weekend.contains(&date.weekday())
    }

    /// Whether the date is a listed holiday or a holiday under the built-in rules (weekends aside).
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.contains(&date) || self.rules.iter().any(|r| r.is_holiday(date))
    }

    /// Whether the date is neither a weekend day nor a holiday.
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        !self.is_weekend(date) && !self.is_holiday(date)
    }

    /// The holidays in `year` (listed and by rule), sorted, with names (`"holiday"` for listed ones).
    ///
    /// ```
    /// use collections_core::HolidayCalendar;
    ///
    /// let uk = HolidayCalendar::england_and_wales().holidays(2026);
    /// assert_eq!(uk.len(), 8);
    /// assert_eq!(uk[1].0.to_string(), "2026-04-03");
    /// assert_eq!(uk[1].1, "Good Friday");
    /// ```
    pub fn holidays(&self, year: i32) -> Vec<(NaiveDate, &'static str)> {
        let mut out: Vec<(NaiveDate, &'static str)> =
            self.rules.iter().flat_map(|r| r.holidays(year)).collect();
        out.extend(
            self.holidays
                .iter()
                .filter(|d| d.year() == year)
                .map(|d| (*d, "holiday")),
        );
        out.sort();
        out.dedup_by_key(|(d, _)| *d);
        out
    }

    /// Rolls `date` to a business day by `convention`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::{BusinessDayConvention as Bdc, HolidayCalendar};
    ///
    /// let cal = HolidayCalendar::weekends_only();
    /// let sat = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
    /// assert_eq!(cal.adjust(sat, Bdc::Following).unwrap().to_string(), "2026-11-02");
    /// assert_eq!(cal.adjust(sat, Bdc::ModifiedFollowing).unwrap().to_string(), "2026-10-30");
    /// ```
    pub fn adjust(&self, date: NaiveDate, convention: BusinessDayConvention) -> Result<NaiveDate> {
        use BusinessDayConvention as C;
        match convention {
            C::Unadjusted => Ok(date),
            C::Following => self.roll(date, true),
            C::Preceding => self.roll(date, false),
            C::ModifiedFollowing => {
                let next = self.roll(date, true)?;
                if (next.year(), next.month()) == (date.year(), date.month()) {
                    Ok(next)
                } else {
                    self.roll(date, false)
                }
            }
            C::ModifiedPreceding => {
                let prev = self.roll(date, false)?;
                if (prev.year(), prev.month()) == (date.year(), date.month()) {
                    Ok(prev)
                } else {
                    self.roll(date, true)
                }
            }
        }
    }

    /// The first business day on or after (`forward`) or on or before `date`.
    fn roll(&self, date: NaiveDate, forward: bool) -> Result<NaiveDate> {
        let mut d = date;
        for _ in 0..MAX_SEARCH_DAYS {
            if self.is_business_day(d) {
                return Ok(d);
            }
            d = self
                .step(d, forward)
                .ok_or_else(|| Error::date_range("date", date))?;
        }
        Err(Error::invalid(
            "date",
            date,
            format!("no business day within {MAX_SEARCH_DAYS} days"),
        ))
    }

    fn step(&self, d: NaiveDate, forward: bool) -> Option<NaiveDate> {
        if forward {
            d.succ_opt()
        } else {
            d.pred_opt()
        }
    }

    /// The date `n` business days after `date` (before it when `n` is negative).
    ///
    /// Counting starts from `date` whether or not it is a business day, so one business day after a
    /// Saturday is the Monday (when that is a business day). `n = 0` gives `date` rolled to the following
    /// business day. `|n|` is at most 1,000,000.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::HolidayCalendar;
    ///
    /// let uk = HolidayCalendar::england_and_wales();
    /// let thu = NaiveDate::from_ymd_opt(2026, 4, 2).unwrap(); // before Good Friday and Easter Monday
    /// assert_eq!(uk.add_business_days(thu, 1).unwrap().to_string(), "2026-04-07");
    /// assert_eq!(uk.add_business_days(NaiveDate::from_ymd_opt(2026, 4, 7).unwrap(), -1).unwrap(), thu);
    /// ```
    pub fn add_business_days(&self, date: NaiveDate, n: i64) -> Result<NaiveDate> {
        if n == 0 {
            return self.roll(date, true);
        }
        if !(-MAX_BUSINESS_DAY_STEP..=MAX_BUSINESS_DAY_STEP).contains(&n) {
            return Err(Error::invalid(
                "n",
                n,
                format!("must be between -{MAX_BUSINESS_DAY_STEP} and {MAX_BUSINESS_DAY_STEP}"),
            ));
        }
        let forward = n > 0;
        let out_of_range = || Error::date_range("date", format!("{date} + {n} business days"));
        let mut d = date;
        for _ in 0..n.unsigned_abs() {
            let mut searched = 0;
            loop {
                d = self.step(d, forward).ok_or_else(out_of_range)?;
                if self.is_business_day(d) {
                    break;
                }
                searched += 1;
                if searched > MAX_SEARCH_DAYS {
                    return Err(Error::invalid(
                        "date",
                        date,
                        format!("no business day within {MAX_SEARCH_DAYS} days"),
                    ));
                }
            }
        }
        Ok(d)
    }

    /// Rolls each date by `convention` (a schedule of due dates moved to business days).
    pub fn adjust_all(
        &self,
        dates: &[NaiveDate],
        convention: BusinessDayConvention,
    ) -> Result<Vec<NaiveDate>> {
        dates.iter().map(|d| self.adjust(*d, convention)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("bad date {y}-{m}-{d}"))
    }

    #[test]
    fn us_new_year_on_saturday_is_observed_in_december() {
        let us = HolidayCalendar::us_federal();
        assert!(us.is_holiday(ymd(2021, 12, 31)));
        assert!(!us.is_holiday(ymd(2022, 1, 3)));
        assert_eq!(us.holidays(2022).len(), 10); // its New Year's Day was observed in 2021
        assert_eq!(us.holidays(2021).len(), 12);
    }

    #[test]
    fn serde_round_trip_validates() {
        let uk = HolidayCalendar::england_and_wales().with_holidays([ymd(2026, 6, 1)]);
        let json = serde_json::to_string(&uk).unwrap();
        assert_eq!(serde_json::from_str::<HolidayCalendar>(&json).unwrap(), uk);
        let all = r#"{"weekend":["Mon","Tue","Wed","Thu","Fri","Sat","Sun"]}"#;
        assert!(serde_json::from_str::<HolidayCalendar>(all).is_err());
    }

    #[test]
    fn all_weekend_is_refused() {
        let all = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        assert_eq!(
            HolidayCalendar::new(&all, []).unwrap_err().field(),
            "weekend"
        );
    }

    #[test]
    fn long_holiday_runs_are_errors() {
        let start = ymd(2024, 1, 1);
        let cal = HolidayCalendar::weekends_only()
            .with_holidays((0..4000).filter_map(|i| start.checked_add_days(chrono::Days::new(i))));
        assert!(cal.adjust(start, BusinessDayConvention::Following).is_err());
        assert!(cal.add_business_days(start, 1).is_err());
        assert!(cal.add_business_days(start, i64::MAX).is_err());
    }
}
