//! Reference-rate tables: step functions of a published rate over dates, each row with its mark.
//!
//! A table is a list of rows, each in force from its `effective_from` date up to the day before the next
//! row's date; the last row is in force up to the table's `valid_through` date, the last day the table is
//! known to describe. A lookup before the first row or after `valid_through` is an error naming the date:
//! the library never extrapolates a statutory rate. Rows come with a [`Verification`] mark (V: seen in a
//! primary source or two agreeing ones; U: derived or from a single secondary source), and every result
//! computed from a row reports the mark. The built-in figures are those of the project's reference notes
//! (`late-payment-interest.md`), marks included.

use std::fmt;
use std::str::FromStr;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::name_key;
use crate::error::{Error, Result};

/// How far a rate figure has been checked.
///
/// ```
/// use collections_core::debt::late_interest::Verification;
///
/// let mark: Verification = "U".parse().unwrap();
/// assert_eq!(mark, Verification::Unverified);
/// assert_eq!(mark.mark(), 'U');
/// assert_eq!(Verification::Verified.name(), "verified");
/// assert!("maybe".parse::<Verification>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// V: seen in a primary source or in two agreeing sources.
    Verified,
    /// U: derived, or from a single secondary source; to be confirmed before it is relied on.
    Unverified,
}

impl Verification {
    /// The name: `verified` or `unverified`.
    pub fn name(self) -> &'static str {
        match self {
            Verification::Verified => "verified",
            Verification::Unverified => "unverified",
        }
    }

    /// The one-letter mark of the reference notes: `V` or `U`.
    pub fn mark(self) -> char {
        match self {
            Verification::Verified => 'V',
            Verification::Unverified => 'U',
        }
    }
}

impl fmt::Display for Verification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Verification {
    type Err = Error;

    /// Parses `V`/`U` or `verified`/`unverified` (case-insensitive).
    fn from_str(s: &str) -> Result<Self> {
        match name_key(s).as_str() {
            "v" | "verified" => Ok(Verification::Verified),
            "u" | "unverified" => Ok(Verification::Unverified),
            _ => Err(Error::invalid(
                "verification",
                s,
                "expected V, U, verified or unverified",
            )),
        }
    }
}

/// One row of a [`RateTable`]: a rate in percent, in force from a date.
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::late_interest::{RateRow, Verification};
/// use rust_decimal::Decimal;
///
/// let row = RateRow::new(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(), Decimal::new(127, 2), Verification::Unverified);
/// assert_eq!(row.percent.to_string(), "1.27");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RateRow {
    /// The first day the rate is in force.
    pub effective_from: NaiveDate,
    /// The rate in percent (2.15 for 2.15%); may be negative (the Basiszinssatz was, 2013–2022).
    pub percent: Decimal,
    /// How far the figure has been checked.
    pub verification: Verification,
}

impl RateRow {
    /// A row; checked when it is put into a table.
    pub fn new(effective_from: NaiveDate, percent: Decimal, verification: Verification) -> RateRow {
        RateRow {
            effective_from,
            percent,
            verification,
        }
    }
}

/// A published reference rate as a step function of the date (see the module documentation).
///
/// ```
/// use chrono::NaiveDate;
/// use collections_core::debt::late_interest::{RateRow, RateTable, Verification};
/// use rust_decimal::Decimal;
///
/// let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let mut table = RateTable::de_basiszinssatz();
/// assert_eq!(table.lookup(ymd(2025, 9, 30))?.percent.to_string(), "1.27");
/// assert!(table.lookup(ymd(2023, 12, 31)).is_err()); // before the first row
/// assert!(table.lookup(ymd(2026, 7, 1)).is_err());   // after the last known date
/// // A user adds the next half-year when it is published.
/// table.push(RateRow::new(ymd(2026, 7, 1), Decimal::new(127, 2), Verification::Unverified), ymd(2026, 12, 31))?;
/// assert_eq!(table.lookup(ymd(2026, 7, 1))?.verification, Verification::Unverified);
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RateTableData")]
pub struct RateTable {
    name: String,
    rows: Vec<RateRow>,
    valid_through: NaiveDate,
}

/// The unchecked form a table deserializes through, so a table read from JSON is validated too.
#[derive(Deserialize)]
struct RateTableData {
    name: String,
    rows: Vec<RateRow>,
    valid_through: NaiveDate,
}

impl TryFrom<RateTableData> for RateTable {
    type Error = Error;

    fn try_from(data: RateTableData) -> Result<RateTable> {
        RateTable::new(data.name, data.rows, data.valid_through)
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    // The built-in tables use fixed, valid dates.
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn built_in(
    name: &str,
    rows: &[((i32, u32, u32), i64, Verification)],
    through: NaiveDate,
) -> RateTable {
    RateTable {
        name: name.to_string(),
        rows: rows
            .iter()
            .map(|&((y, m, d), hundredths, mark)| {
                RateRow::new(ymd(y, m, d), Decimal::new(hundredths, 2), mark)
            })
            .collect(),
        valid_through: through,
    }
}

impl RateTable {
    /// A table from rows in strictly increasing date order (no two rows on one date), known through
    /// `valid_through` (on or after the last row's date). Each percent must lie strictly between -100
    /// and 100.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::late_interest::{RateRow, RateTable, Verification::Verified};
    /// use rust_decimal::Decimal;
    ///
    /// let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let rows = vec![RateRow::new(ymd(2025, 1, 1), Decimal::ONE, Verified), RateRow::new(ymd(2025, 1, 1), Decimal::TWO, Verified)];
    /// let err = RateTable::new("mine", rows, ymd(2025, 12, 31)).unwrap_err();
    /// assert_eq!(err.field(), "rows.effective_from");
    /// ```
    pub fn new(
        name: impl Into<String>,
        rows: Vec<RateRow>,
        valid_through: NaiveDate,
    ) -> Result<RateTable> {
        let name = name.into();
        if rows.is_empty() {
            return Err(Error::invalid(
                "rows",
                "[]",
                "a rate table needs at least one row",
            ));
        }
        for (i, row) in rows.iter().enumerate() {
            check_percent(row)?;
            if let Some(previous) = i.checked_sub(1).and_then(|p| rows.get(p)) {
                check_order(previous, row)?;
            }
        }
        let last = rows.last().map_or(valid_through, |r| r.effective_from);
        check_through(last, valid_through)?;
        Ok(RateTable {
            name,
            rows,
            valid_through,
        })
    }

    /// The ECB main refinancing operations rate, from 2023-09-20, known through 2025-12-22 (all V).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::late_interest::RateTable;
    ///
    /// let ecb = RateTable::ecb_main_refinancing();
    /// assert_eq!(ecb.lookup(NaiveDate::from_ymd_opt(2025, 7, 1).unwrap()).unwrap().percent.to_string(), "2.15");
    /// ```
    pub fn ecb_main_refinancing() -> RateTable {
        use Verification::Verified as V;
        built_in(
            "ECB main refinancing rate",
            &[
                ((2023, 9, 20), 450, V),
                ((2024, 6, 12), 425, V),
                ((2024, 9, 18), 365, V),
                ((2024, 10, 23), 340, V),
                ((2024, 12, 18), 315, V),
                ((2025, 2, 5), 290, V),
                ((2025, 3, 12), 265, V),
                ((2025, 4, 23), 240, V),
                ((2025, 6, 11), 215, V),
            ],
            ymd(2025, 12, 22),
        )
    }

    /// The German Basiszinssatz (BGB §247) by half-year, 2024 H1 to 2026 H1, known through 2026-06-30.
    /// Marks: 2024 H1 to 2025 H2 U, 2026 H1 V.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::late_interest::{RateTable, Verification};
    ///
    /// let row = *RateTable::de_basiszinssatz().lookup(NaiveDate::from_ymd_opt(2025, 3, 15).unwrap()).unwrap();
    /// assert_eq!((row.percent.to_string(), row.verification), ("2.27".to_string(), Verification::Unverified));
    /// ```
    pub fn de_basiszinssatz() -> RateTable {
        use Verification::{Unverified as U, Verified as V};
        built_in(
            "Basiszinssatz (BGB 247)",
            &[
                ((2024, 1, 1), 362, U),
                ((2024, 7, 1), 337, U),
                ((2025, 1, 1), 227, U),
                ((2025, 7, 1), 127, U),
                ((2026, 1, 1), 127, V),
            ],
            ymd(2026, 6, 30),
        )
    }

    /// The Bank of England Bank Rate reference values of the Late Payment of Commercial Debts (Interest)
    /// Act 1998, one row per half-year in which a debt falls due (the Bank Rate on the preceding
    /// 31 December or 30 June), 2024 H1 to 2026 H1, known through 2026-06-30.
    /// Marks: 2024 V, 2025 and 2026 H1 U.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::late_interest::RateTable;
    ///
    /// let boe = RateTable::uk_bank_rate_reference();
    /// assert_eq!(boe.lookup(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).unwrap().percent.to_string(), "3.75");
    /// ```
    pub fn uk_bank_rate_reference() -> RateTable {
        use Verification::{Unverified as U, Verified as V};
        built_in(
            "Bank of England Bank Rate reference (Late Payment Act 1998)",
            &[
                ((2024, 1, 1), 525, V),
                ((2024, 7, 1), 525, V),
                ((2025, 1, 1), 475, U),
                ((2025, 7, 1), 425, U),
                ((2026, 1, 1), 375, U),
            ],
            ymd(2026, 6, 30),
        )
    }

    /// The table's name (used in error messages).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The rows, in date order.
    pub fn rows(&self) -> &[RateRow] {
        &self.rows
    }

    /// The last date the table is known to describe.
    pub fn valid_through(&self) -> NaiveDate {
        self.valid_through
    }

    /// Whether every row is marked verified.
    pub fn all_verified(&self) -> bool {
        self.rows
            .iter()
            .all(|r| r.verification == Verification::Verified)
    }

    /// Adds a row after the last one and says through which date the table is now known.
    ///
    /// The row's date must be after the last row's (no duplicates) and no later than the day after the
    /// current `valid_through` (no gap the table would not describe); `valid_through` may not move back.
    /// On error the table is unchanged.
    pub fn push(&mut self, row: RateRow, valid_through: NaiveDate) -> Result<()> {
        check_percent(&row)?;
        if let Some(last) = self.rows.last() {
            check_order(last, &row)?;
        }
        let next_day = self.valid_through.checked_add_days(Days::new(1));
        if next_day.is_some_and(|next| row.effective_from > next) {
            return Err(Error::invalid(
                "rows.effective_from",
                row.effective_from,
                format!(
                    "leaves a gap after the {} table's last known date {}; extend_through first or add the rows between",
                    self.name, self.valid_through
                ),
            ));
        }
        check_through(row.effective_from, valid_through)?;
        self.check_not_back(valid_through)?;
        self.rows.push(row);
        self.valid_through = valid_through;
        Ok(())
    }

    /// Declares the last row still in force through `date` (a rate confirmed unchanged).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::late_interest::RateTable;
    ///
    /// let mut ecb = RateTable::ecb_main_refinancing();
    /// let new_year = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    /// assert!(ecb.lookup(new_year).is_err());
    /// ecb.extend_through(new_year).unwrap();
    /// assert_eq!(ecb.lookup(new_year).unwrap().percent.to_string(), "2.15");
    /// ```
    pub fn extend_through(&mut self, date: NaiveDate) -> Result<()> {
        self.check_not_back(date)?;
        self.valid_through = date;
        Ok(())
    }

    /// A new `valid_through` may not be before the current one.
    fn check_not_back(&self, valid_through: NaiveDate) -> Result<()> {
        if valid_through < self.valid_through {
            return Err(Error::invalid(
                "valid_through",
                valid_through,
                format!(
                    "may not move back from {} (the table's last known date)",
                    self.valid_through
                ),
            ));
        }
        Ok(())
    }

    /// The row in force on `date`; an error naming the date before the first row or after
    /// `valid_through`.
    pub fn lookup(&self, date: NaiveDate) -> Result<&RateRow> {
        self.lookup_for("date", date)
    }

    /// [`RateTable::lookup`] with the error reported against `field`.
    pub(crate) fn lookup_for(&self, field: &'static str, date: NaiveDate) -> Result<&RateRow> {
        if date > self.valid_through {
            return Err(Error::invalid(
                field,
                date,
                format!(
                    "after {}, the last date the {} table is known for; add a row or extend it",
                    self.valid_through, self.name
                ),
            ));
        }
        let after = self.rows.partition_point(|r| r.effective_from <= date);
        after
            .checked_sub(1)
            .and_then(|i| self.rows.get(i))
            .ok_or_else(|| {
                Error::invalid(
                    field,
                    date,
                    format!(
                        "before the first row of the {} table ({})",
                        self.name,
                        self.rows
                            .first()
                            .map_or(String::new(), |r| r.effective_from.to_string())
                    ),
                )
            })
    }

    /// The date of the first row after `date`, if any: where the step function next changes.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::debt::late_interest::RateTable;
    ///
    /// let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    /// let de = RateTable::de_basiszinssatz();
    /// assert_eq!(de.next_change_after(d(2025, 3, 15)), Some(d(2025, 7, 1)));
    /// assert_eq!(de.next_change_after(d(2026, 1, 1)), None);
    /// ```
    pub fn next_change_after(&self, date: NaiveDate) -> Option<NaiveDate> {
        let after = self.rows.partition_point(|r| r.effective_from <= date);
        self.rows.get(after).map(|r| r.effective_from)
    }
}

fn check_percent(row: &RateRow) -> Result<()> {
    let hundred = Decimal::ONE_HUNDRED;
    if row.percent <= -hundred || row.percent >= hundred {
        return Err(Error::invalid(
            "rows.percent",
            row.percent,
            format!(
                "the rate from {} must lie strictly between -100 and 100 percent",
                row.effective_from
            ),
        ));
    }
    Ok(())
}

fn check_order(previous: &RateRow, row: &RateRow) -> Result<()> {
    if row.effective_from <= previous.effective_from {
        return Err(Error::invalid(
            "rows.effective_from",
            row.effective_from,
            format!(
                "must be after the previous row's date {} (rows in increasing date order, one per date)",
                previous.effective_from
            ),
        ));
    }
    Ok(())
}

fn check_through(last_row: NaiveDate, valid_through: NaiveDate) -> Result<()> {
    if valid_through < last_row {
        return Err(Error::invalid(
            "valid_through",
            valid_through,
            format!("must be on or after the last row's date {last_row}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_tables_are_valid_and_match_the_reference() {
        for table in [
            RateTable::ecb_main_refinancing(),
            RateTable::de_basiszinssatz(),
            RateTable::uk_bank_rate_reference(),
        ] {
            let rebuilt = RateTable::new(
                table.name().to_string(),
                table.rows().to_vec(),
                table.valid_through(),
            )
            .unwrap();
            assert_eq!(rebuilt, table);
        }
        let ecb = RateTable::ecb_main_refinancing();
        assert!(ecb.all_verified());
        assert_eq!(ecb.rows().len(), 9);
        let de = RateTable::de_basiszinssatz();
        let marks: String = de.rows().iter().map(|r| r.verification.mark()).collect();
        assert_eq!(marks, "UUUUV");
        let uk = RateTable::uk_bank_rate_reference();
        let marks: String = uk.rows().iter().map(|r| r.verification.mark()).collect();
        assert_eq!(marks, "VVUUU");
    }

    #[test]
    fn step_function_lookups() {
        let ecb = RateTable::ecb_main_refinancing();
        let at = |y, m, d| ecb.lookup(ymd(y, m, d)).map(|r| r.percent.to_string());
        assert_eq!(at(2023, 9, 20).unwrap(), "4.50");
        assert_eq!(at(2024, 6, 11).unwrap(), "4.50");
        assert_eq!(at(2024, 6, 12).unwrap(), "4.25");
        assert_eq!(at(2025, 12, 22).unwrap(), "2.15");
        let err = at(2023, 9, 19).unwrap_err();
        assert_eq!(err.field(), "date");
        assert!(err.to_string().contains("2023-09-19"), "{err}");
        assert!(at(2025, 12, 23).is_err());
        assert_eq!(
            ecb.next_change_after(ymd(2025, 6, 10)),
            Some(ymd(2025, 6, 11))
        );
        assert_eq!(ecb.next_change_after(ymd(2025, 6, 11)), None);
    }

    #[test]
    fn push_and_extend_validate() {
        let mut t = RateTable::de_basiszinssatz();
        let row =
            |y, m, d, p| RateRow::new(ymd(y, m, d), Decimal::new(p, 2), Verification::Verified);
        // duplicate date, gap, valid_through before the row, moving back, absurd percent
        assert!(t.push(row(2026, 1, 1, 100), ymd(2026, 12, 31)).is_err());
        assert!(t.push(row(2026, 7, 2, 100), ymd(2026, 12, 31)).is_err());
        assert!(t.push(row(2026, 7, 1, 100), ymd(2026, 6, 30)).is_err());
        assert!(t.push(row(2026, 7, 1, 10_000), ymd(2026, 12, 31)).is_err());
        assert!(t.extend_through(ymd(2026, 1, 1)).is_err());
        assert_eq!(t, RateTable::de_basiszinssatz());
        t.push(row(2026, 7, 1, 100), ymd(2026, 12, 31)).unwrap();
        assert_eq!(t.lookup(ymd(2026, 12, 31)).unwrap().percent, Decimal::ONE);
        assert!(RateTable::new("x", vec![], ymd(2026, 1, 1)).is_err());
    }

    #[test]
    fn tables_deserialize_through_validation() {
        let json = serde_json::to_string(&RateTable::uk_bank_rate_reference()).unwrap();
        let back: RateTable = serde_json::from_str(&json).unwrap();
        assert_eq!(back, RateTable::uk_bank_rate_reference());
        let bad = json.replace("2024-07-01", "2023-07-01");
        assert!(serde_json::from_str::<RateTable>(&bad).is_err());
    }
}
