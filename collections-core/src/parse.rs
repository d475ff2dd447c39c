//! Turning text and numbers from outside into validated values, with the field named on failure.
//!
//! The C ABI and the Python package both receive strings and year/month/day triples; they call these so
//! that a bad value gives the same error, naming the same field, on every surface.

use chrono::NaiveDate;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::error::{Error, Result};

/// Parses a decimal number: plain (`-1234.5678`) or scientific (`1.5e3`) notation.
///
/// Decimal holds 28 significant digits (up to 28 decimal places); digits beyond that are rounded, as
/// Python's `decimal` module does at its default precision of 28, so `Decimal('0.08') / 12` from Python
/// (30 decimal places) arrives as `0.0066666666666666666666666667`. Fails with [`Error::InvalidDecimal`]
/// for text that is not a number, for NaN and infinities, and for numbers whose whole part does not fit
/// (beyond about 7.9e28), which cannot be rounded to fit.
///
/// ```
/// use collections_core::parse;
///
/// assert_eq!(parse::decimal("amount", "1234.50").unwrap().to_string(), "1234.50");
/// assert_eq!(parse::decimal("amount", "1.5e3").unwrap().to_string(), "1500");
/// assert_eq!(parse::decimal("rate", "0.006666666666666666666666666667").unwrap().to_string(), "0.0066666666666666666666666667");
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
        // Rewritten as plain text first, so scientific and plain notation follow one rounding rule.
        return plain_from_scientific(t)
            .and_then(|plain| Decimal::from_str(&plain).ok())
            .ok_or_else(bad);
    }
    Decimal::from_str(t).map_err(|_| bad())
}

/// `-1.25e3` as `-1250`, `5E-3` as `0.005`; `None` for malformed text or an exponent beyond ±100.
fn plain_from_scientific(t: &str) -> Option<String> {
    let (mantissa, exponent) = t.split_once(['e', 'E'])?;
    let exponent: i64 = exponent
        .strip_prefix('+')
        .unwrap_or(exponent)
        .parse()
        .ok()?;
    if exponent.abs() > 100 {
        return None;
    }
    let (sign, unsigned) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (int_part, frac_part) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    if !int_part
        .bytes()
        .chain(frac_part.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let digits = format!("{int_part}{frac_part}");
    let point = i64::try_from(int_part.len()).ok()? + exponent;
    let len = i64::try_from(digits.len()).ok()?;
    let body = if point <= 0 {
        format!("0.{}{digits}", "0".repeat(usize::try_from(-point).ok()?))
    } else if point >= len {
        format!("{digits}{}", "0".repeat(usize::try_from(point - len).ok()?))
    } else {
        let (a, b) = digits.split_at(usize::try_from(point).ok()?);
        format!("{a}.{b}")
    };
    Some(format!("{sign}{body}"))
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

/// Lower-cased with `-`, `_` and spaces dropped, so `add-to-first-installment`, `ADD_TO_FIRST_INSTALLMENT`
/// and `addtofirstinstallment` are one name: the rule every name parsed by the library follows.
pub(crate) fn name_key(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .collect::<String>()
        .to_lowercase()
}

/// Whether two names are one under [`name_key`]'s rule, compared without allocating a key per call
/// site.
pub(crate) fn same_name(given: &str, name: &str) -> bool {
    fn significant(s: &str) -> impl Iterator<Item = char> + '_ {
        s.chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .map(|c| c.to_ascii_lowercase())
    }
    significant(given).eq(significant(name))
}

/// `Display` (the name) and `FromStr` (by name; case, `_`, `-` and spaces are not significant) for an
/// enum with `ALL` and `name()`. A wrong name is an error naming `$field` and listing the names.
macro_rules! by_name {
    ($ty:ident, $field:literal) => {
        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::Error;

            /// Parses a name; case, `_`, `-` and spaces are not significant.
            fn from_str(s: &str) -> $crate::Result<Self> {
                $ty::ALL
                    .into_iter()
                    .find(|v| $crate::parse::same_name(s, v.name()))
                    .ok_or_else(|| {
                        let names: Vec<&str> = $ty::ALL.iter().map(|v| v.name()).collect();
                        $crate::Error::InvalidArgument {
                            field: $field,
                            value: s.to_string(),
                            reason: format!("expected one of {}", names.join(", ")),
                        }
                    })
            }
        }
    };
}
pub(crate) use by_name;

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

    #[test]
    fn digits_beyond_28_are_rounded_in_both_notations() {
        assert_eq!(
            decimal("x", "0.12345678901234567890123456789")
                .unwrap()
                .to_string(),
            "0.1234567890123456789012345679"
        );
        assert_eq!(
            decimal("x", "1.00000000000000000000000000001e1").unwrap(),
            Decimal::TEN
        );
        assert_eq!(
            decimal("x", "10.0000000000000000000000000001").unwrap(),
            Decimal::TEN
        );
    }

    #[test]
    fn scientific_notation() {
        for (text, shown) in [
            ("1.5e3", "1500"),
            ("-1.25E-2", "-0.0125"),
            ("5e0", "5"),
            ("+2.50e1", "25.0"),
            (".5e1", "5"),
        ] {
            assert_eq!(decimal("x", text).unwrap().to_string(), shown, "{text}");
        }
        for bad in ["e5", "1e", "1e+", "1.2.3e4", "1e1000", "1e-1000", "abce2"] {
            assert!(decimal("x", bad).is_err(), "{bad}");
        }
    }
}
