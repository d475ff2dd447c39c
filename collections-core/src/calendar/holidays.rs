//! Built-in holiday rules, computed for any year.
//!
//! - US federal legal public holidays: 5 U.S.C. 6103(a), with the observance rule of 6103(b) and
//!   Executive Order 11582 (a holiday on a Saturday is observed the Friday before, on a Sunday the Monday
//!   after; so New Year's Day on a Saturday is observed on December 31 of the year before). The Monday
//!   holidays follow the Uniform Monday Holiday Act from 1971; Martin Luther King Jr. Day is from 1986,
//!   Juneteenth from 2021; Veterans Day was the fourth Monday of October from 1971 to 1977. Years before
//!   1971 use the dates fixed before that Act (February 22, May 30, October 12, November 11).
//! - England and Wales bank holidays: the Banking and Financial Dealings Act 1971, Schedule 1, and the
//!   royal proclamations that moved or added days (listed in [`ENGLAND_WALES_SPECIAL`]); New Year's Day
//!   from 1974, the early May bank holiday from 1978. A Christmas Day or Boxing Day on a weekend is
//!   substituted by the next weekday not already a holiday; so is a New Year's Day on a weekend.

use std::sync::OnceLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The years whose rule holidays are tabulated once for fast lookups.
const TABLE_FIRST_YEAR: i32 = 1900;
const TABLE_LAST_YEAR: i32 = 2200;

/// A built-in set of holiday rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum HolidayRules {
    /// US federal legal public holidays (5 U.S.C. 6103), as observed.
    UsFederal,
    /// England and Wales bank holidays.
    EnglandAndWales,
}

impl HolidayRules {
    /// The rules' name: `us-federal` or `england-and-wales`.
    pub fn name(&self) -> &'static str {
        match self {
            HolidayRules::UsFederal => "us-federal",
            HolidayRules::EnglandAndWales => "england-and-wales",
        }
    }

    /// Whether `date` is a holiday under these rules.
    ///
    /// Years 1900 to 2200 are answered from a table computed once per rule set (a binary search, no
    /// allocation, no lock after the first call); other years are computed on demand.
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        if (TABLE_FIRST_YEAR..=TABLE_LAST_YEAR).contains(&date.year()) {
            self.table().binary_search(&date).is_ok()
        } else {
            self.holidays(date.year()).iter().any(|(d, _)| *d == date)
        }
    }

    fn table(&self) -> &'static [NaiveDate] {
        static US_FEDERAL: OnceLock<Vec<NaiveDate>> = OnceLock::new();
        static ENGLAND_AND_WALES: OnceLock<Vec<NaiveDate>> = OnceLock::new();
        let cell = match self {
            HolidayRules::UsFederal => &US_FEDERAL,
            HolidayRules::EnglandAndWales => &ENGLAND_AND_WALES,
        };
        // Each year's list is sorted and within its year, so the concatenation is sorted.
        cell.get_or_init(|| {
            (TABLE_FIRST_YEAR..=TABLE_LAST_YEAR)
                .flat_map(|y| self.holidays(y))
                .map(|(d, _)| d)
                .collect()
        })
    }

    /// The holidays observed in `year`, with their names, sorted by date.
    pub fn holidays(&self, year: i32) -> Vec<(NaiveDate, &'static str)> {
        let mut out = Vec::new();
        // An observed date can fall in the year before its holiday (US New Year's Day on a Saturday).
        for y in [year, year.saturating_add(1)] {
            let raw = match self {
                HolidayRules::UsFederal => us_federal(y),
                HolidayRules::EnglandAndWales => england_wales(y),
            };
            out.extend(raw.into_iter().filter(|(d, _)| d.year() == year));
        }
        out.sort();
        out.dedup_by_key(|(d, _)| *d);
        out
    }
}

impl std::str::FromStr for HolidayRules {
    type Err = crate::Error;

    /// `us-federal` (or `US`, `USA`) or `england-and-wales` (or `GB-EAW`, `UK`, `GB`); case and
    /// punctuation are not significant.
    fn from_str(s: &str) -> crate::Result<HolidayRules> {
        let key: String = s
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        match key.as_str() {
            "usfederal" | "us" | "usa" => Ok(HolidayRules::UsFederal),
            "englandandwales" | "gbeaw" | "uk" | "gb" => Ok(HolidayRules::EnglandAndWales),
            _ => Err(crate::Error::InvalidArgument {
                field: "rules",
                value: s.to_string(),
                reason: "expected us-federal or england-and-wales".into(),
            }),
        }
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The n-th (1-based) given weekday of a month.
fn nth_weekday(y: i32, m: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(y, m, weekday, u8::try_from(n).ok()?)
}

/// The last given weekday of a month.
fn last_weekday(y: i32, m: u32, weekday: Weekday) -> Option<NaiveDate> {
    let first_next = if m == 12 {
        ymd(y.checked_add(1)?, 1, 1)?
    } else {
        ymd(y, m + 1, 1)?
    };
    let mut d = first_next.pred_opt()?;
    while d.weekday() != weekday {
        d = d.pred_opt()?;
    }
    Some(d)
}

/// Saturday -> the Friday before; Sunday -> the Monday after.
fn us_observed(d: NaiveDate) -> Option<NaiveDate> {
    match d.weekday() {
        Weekday::Sat => d.pred_opt(),
        Weekday::Sun => d.succ_opt(),
        _ => Some(d),
    }
}

fn us_federal(y: i32) -> Vec<(NaiveDate, &'static str)> {
    let modern = y >= 1971;
    let fixed = |m, d| ymd(y, m, d).and_then(us_observed);
    let candidates: [(Option<NaiveDate>, &'static str); 11] = [
        (fixed(1, 1), "New Year's Day"),
        (
            if y >= 1986 {
                nth_weekday(y, 1, Weekday::Mon, 3)
            } else {
                None
            },
            "Birthday of Martin Luther King, Jr.",
        ),
        (
            if modern {
                nth_weekday(y, 2, Weekday::Mon, 3)
            } else {
                fixed(2, 22)
            },
            "Washington's Birthday",
        ),
        (
            if modern {
                last_weekday(y, 5, Weekday::Mon)
            } else {
                fixed(5, 30)
            },
            "Memorial Day",
        ),
        (
            if y >= 2021 { fixed(6, 19) } else { None },
            "Juneteenth National Independence Day",
        ),
        (fixed(7, 4), "Independence Day"),
        (nth_weekday(y, 9, Weekday::Mon, 1), "Labor Day"),
        (
            if modern {
                nth_weekday(y, 10, Weekday::Mon, 2)
            } else {
                fixed(10, 12)
            },
            "Columbus Day",
        ),
        (
            if (1971..=1977).contains(&y) {
                nth_weekday(y, 10, Weekday::Mon, 4)
            } else {
                fixed(11, 11)
            },
            "Veterans Day",
        ),
        (nth_weekday(y, 11, Weekday::Thu, 4), "Thanksgiving Day"),
        (fixed(12, 25), "Christmas Day"),
    ];
    candidates
        .into_iter()
        .filter_map(|(d, name)| Some((d?, name)))
        .collect()
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, Meeus/Jones/Butcher).
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Days proclaimed as extra bank holidays in England and Wales, or that replaced a regular one.
pub const ENGLAND_WALES_SPECIAL: [(i32, u32, u32, &str); 9] = [
    (1977, 6, 7, "Silver Jubilee of Elizabeth II"),
    (1981, 7, 29, "Wedding of the Prince of Wales"),
    (1999, 12, 31, "Millennium celebrations"),
    (2002, 6, 3, "Golden Jubilee of Elizabeth II"),
    (2011, 4, 29, "Wedding of Prince William"),
    (2012, 6, 5, "Diamond Jubilee of Elizabeth II"),
    (2022, 6, 3, "Platinum Jubilee of Elizabeth II"),
    (2022, 9, 19, "State Funeral of Queen Elizabeth II"),
    (2023, 5, 8, "Coronation of King Charles III"),
];

fn england_wales(y: i32) -> Vec<(NaiveDate, &'static str)> {
    if y < 1971 {
        return Vec::new();
    }
    let mut days: Vec<(NaiveDate, &'static str)> = Vec::new();
    let weekend = |d: NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
    let next_monday = |d: NaiveDate| {
        let ahead = (7 - i64::from(d.weekday().num_days_from_monday())) % 7;
        d.checked_add_signed(Duration::days(ahead))
    };
    if y >= 1974 {
        if let Some(d) = ymd(y, 1, 1) {
            let observed = if weekend(d) { next_monday(d) } else { Some(d) };
            days.extend(observed.map(|o| (o, "New Year's Day")));
        }
    }
    if let Some(easter) = easter_sunday(y) {
        days.extend(
            easter
                .checked_sub_signed(Duration::days(2))
                .map(|d| (d, "Good Friday")),
        );
        days.extend(
            easter
                .checked_add_signed(Duration::days(1))
                .map(|d| (d, "Easter Monday")),
        );
    }
    if y >= 1978 {
        let early_may = match y {
            1995 => ymd(1995, 5, 8),
            2020 => ymd(2020, 5, 8),
            _ => nth_weekday(y, 5, Weekday::Mon, 1),
        };
        days.extend(early_may.map(|d| (d, "Early May bank holiday")));
    }
    let spring = match y {
        2002 => ymd(2002, 6, 4),
        2012 => ymd(2012, 6, 4),
        2022 => ymd(2022, 6, 2),
        _ => last_weekday(y, 5, Weekday::Mon),
    };
    days.extend(spring.map(|d| (d, "Spring bank holiday")));
    days.extend(last_weekday(y, 8, Weekday::Mon).map(|d| (d, "Summer bank holiday")));
    // Each on a weekend moves to the next weekday not yet taken. When Christmas is a Sunday, Boxing Day
    // (Monday the 26th) keeps its day and Christmas is substituted on the Tuesday.
    let christmas_on_sunday = ymd(y, 12, 25).is_some_and(|d| d.weekday() == Weekday::Sun);
    let order = if christmas_on_sunday {
        [(26, "Boxing Day"), (25, "Christmas Day")]
    } else {
        [(25, "Christmas Day"), (26, "Boxing Day")]
    };
    for (day, name) in order {
        let Some(mut d) = ymd(y, 12, day) else {
            continue;
        };
        while weekend(d) || days.iter().any(|(taken, _)| *taken == d) {
            let Some(next) = d.succ_opt() else { break };
            d = next;
        }
        days.push((d, name));
    }
    for (sy, sm, sd, name) in ENGLAND_WALES_SPECIAL {
        if sy == y {
            days.extend(ymd(sy, sm, sd).map(|d| (d, name)));
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_and_direct_computation_agree() {
        for rules in [HolidayRules::UsFederal, HolidayRules::EnglandAndWales] {
            for year in [1899, 1900, 1971, 2021, 2026, 2200, 2201] {
                let mut d = ymd(year, 1, 1).unwrap();
                while d.year() == year {
                    let direct = rules.holidays(year).iter().any(|(h, _)| *h == d);
                    assert_eq!(rules.is_holiday(d), direct, "{rules:?} {d}");
                    d = d.succ_opt().unwrap();
                }
            }
        }
    }

    #[test]
    fn easter_dates() {
        for (y, m, d) in [
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2038, 4, 25),
        ] {
            assert_eq!(easter_sunday(y), ymd(y, m, d), "{y}");
        }
    }

    #[test]
    fn christmas_substitutes() {
        // 2021: Christmas on a Saturday -> Mon 27 and Tue 28. 2022: Sunday -> Boxing Mon 26, Christmas Tue 27.
        let dates = |y| {
            HolidayRules::EnglandAndWales
                .holidays(y)
                .into_iter()
                .map(|(d, _)| d)
                .collect::<Vec<_>>()
        };
        assert!(dates(2021).ends_with(&[ymd(2021, 12, 27).unwrap(), ymd(2021, 12, 28).unwrap()]));
        assert!(dates(2022).ends_with(&[ymd(2022, 12, 26).unwrap(), ymd(2022, 12, 27).unwrap()]));
    }
}
