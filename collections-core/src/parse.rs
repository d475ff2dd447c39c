//! Turning text and numbers from outside into validated values, with the field named on failure.
//!
//! The C ABI and the Python package both receive strings and year/month/day triples; they call these so
//! that a bad value gives the same error, naming the same field, on every surface.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::error::{Error, Result};

/// Parses a decimal number exactly: plain (`-1234.5678`) or scientific (`1.5e3`) notation.
///
/// Fails with [`Error::InvalidDecimal`] for text that is not a number, for NaN and infinities, and for
/// numbers Decimal cannot hold exactly (more than 28 significant digits, or beyond about 7.9e28) rather
/// than rounding them silently.
///
/// ```
/// use collections_core::parse;
///
/// assert_eq!(parse::decimal("amount", "1234.50").unwrap().to_string(), "1234.50");
/// assert_eq!(parse::decimal("amount", "1.5e3").unwrap().to_string(), "1500");
/// let err = parse::decimal("amount", "12,50").unwrap_err();
/// assert_eq!(err.to_string(), "amount: not a valid decimal number: \"12,50\"");
/// assert!(parse::decimal("amount", "1e40").is_err());
/// ```
pub fn decimal(field: &'static str, text: &str) -> Result<Decimal> {
    let t = text.trim();
    let bad = || Error::InvalidDecimal {
        field,
        value: text.to_string(),
    };
    if t.is_empty() || t.len() > 200 {
        return Err(bad());
    }
    if t.contains(['e', 'E']) {
        return Decimal::from_scientific(t).map_err(|_| bad());
    }
    Decimal::from_str_exact(t).map_err(|_| bad())
}

/// A calendar date from year, month and day; fails with [`Error::InvalidDate`] when it does not exist.
///
/// ```
/// use collections_core::parse;
///
/// assert!(parse::date_ymd("due_date", 2024, 2, 29).is_ok());
/// let err = parse::date_ymd("due_date", 2025, 2, 30).unwrap_err();
/// assert_eq!(err.to_string(), "due_date: not a valid date: \"2025-02-30\"");
/// ```
pub fn date_ymd(field: &'static str, year: i32, month: u32, day: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| Error::InvalidDate {
        field,
        value: format!("{year:04}-{month:02}-{day:02}"),
    })
}

/// A calendar date from ISO 8601 text `YYYY-MM-DD`.
///
/// ```
/// use collections_core::parse;
///
/// assert_eq!(parse::date("start", "2024-01-31").unwrap().to_string(), "2024-01-31");
/// assert!(parse::date("start", "2025-02-30").is_err());
/// assert!(parse::date("start", "31/01/2024").is_err());
/// ```
pub fn date(field: &'static str, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| Error::InvalidDate {
        field,
        value: text.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_what_decimal_cannot_hold() {
        for bad in [
            "",
            "NaN",
            "inf",
            "1e29",
            "79228162514264337593543950336",
            "0.12345678901234567890123456789",
            "--1",
            "1.2.3",
        ] {
            assert!(decimal("x", bad).is_err(), "{bad}");
        }
        assert_eq!(
            decimal("x", "79228162514264337593543950335").unwrap(),
            Decimal::MAX
        );
        assert_eq!(decimal("x", " -0.5 ").unwrap().to_string(), "-0.5");
    }
}
