//! The one error type of the library.
//!
//! Every variant names the input field at fault and the value it was given, so a message can be shown to a
//! user as it is and a program can still branch on the kind. The C ABI maps each variant to one stable
//! status code and the Python package to one exception class; adding a variant never renumbers the others.

use std::fmt;

/// Convenient alias used throughout the crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Everything that can go wrong in the library.
///
/// ```
/// use collections_core::{Currency, Error};
///
/// let err = Currency::from_code("XYZ").unwrap_err();
/// assert_eq!(err.field(), "currency");
/// assert_eq!(err.to_string(), "currency: unknown ISO 4217 currency code \"XYZ\"");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A value is outside what the function accepts (a zero count, weights that sum to zero, ...).
    #[error("{field}: {reason} (got {value})")]
    InvalidArgument {
        /// The input field at fault.
        field: &'static str,
        /// The value it was given, as text.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Text that is not a decimal number, or a number beyond Decimal's range (28 digits, scale 28).
    #[error("{field}: not a valid decimal number: {value:?}")]
    InvalidDecimal {
        /// The input field at fault.
        field: &'static str,
        /// The text or number it was given.
        value: String,
    },
    /// A calendar date that does not exist (2025-02-30) or text that is not `YYYY-MM-DD`.
    #[error("{field}: not a valid date: {value:?}")]
    InvalidDate {
        /// The input field at fault.
        field: &'static str,
        /// The date it was given, as text.
        value: String,
    },
    /// A currency code that is not in ISO 4217 and was not defined by the caller, or a malformed code.
    #[error("{field}: unknown ISO 4217 currency code {value:?}")]
    UnknownCurrency {
        /// The input field at fault.
        field: &'static str,
        /// The code it was given.
        value: String,
    },
    /// An operation combined amounts in two different currencies.
    #[error("{field}: currency mismatch: {left} and {right}")]
    CurrencyMismatch {
        /// The input field at fault.
        field: &'static str,
        /// The currency of the left operand.
        left: String,
        /// The currency of the right operand.
        right: String,
    },
    /// A rate at or below -100%, which would make the value of money negative.
    #[error("{field}: rate must be greater than -100% (got {value})")]
    InvalidRate {
        /// The input field at fault.
        field: &'static str,
        /// The rate it was given, as a fraction.
        value: String,
    },
    /// Arithmetic overflowed Decimal's range (about 7.9e28).
    #[error("{field}: arithmetic overflow with {value}")]
    Overflow {
        /// The input field (or computation) at fault.
        field: &'static str,
        /// The operand(s) involved, as text.
        value: String,
    },
    /// An equation has no solution for the inputs (a payment too small ever to repay, cash flows that
    /// never change sign), or more than one where the function must not guess (several IRRs).
    #[error("{field}: no solution: {reason} (got {value})")]
    NoSolution {
        /// The input field (or result) at fault.
        field: &'static str,
        /// The input(s) involved, as text.
        value: String,
        /// Why there is no (single) solution.
        reason: String,
    },
    /// A date computation left the supported range of dates.
    #[error("{field}: date out of range from {value}")]
    DateOutOfRange {
        /// The input field at fault.
        field: &'static str,
        /// The value it was given, as text.
        value: String,
    },
}

impl Error {
    /// The input field at fault, as the caller named it in the API.
    ///
    /// ```
    /// use collections_core::Rate;
    /// use rust_decimal::Decimal;
    ///
    /// let err = Rate::from_percent(Decimal::from(-100)).unwrap_err();
    /// assert_eq!(err.field(), "rate");
    /// ```
    pub fn field(&self) -> &'static str {
        match self {
            Error::InvalidArgument { field, .. }
            | Error::InvalidDecimal { field, .. }
            | Error::InvalidDate { field, .. }
            | Error::UnknownCurrency { field, .. }
            | Error::CurrencyMismatch { field, .. }
            | Error::InvalidRate { field, .. }
            | Error::Overflow { field, .. }
            | Error::NoSolution { field, .. }
            | Error::DateOutOfRange { field, .. } => field,
        }
    }

    /// The value at fault, as text (for a currency mismatch, both codes).
    pub fn value(&self) -> String {
        match self {
            Error::InvalidArgument { value, .. }
            | Error::InvalidDecimal { value, .. }
            | Error::InvalidDate { value, .. }
            | Error::UnknownCurrency { value, .. }
            | Error::InvalidRate { value, .. }
            | Error::Overflow { value, .. }
            | Error::NoSolution { value, .. }
            | Error::DateOutOfRange { value, .. } => value.clone(),
            Error::CurrencyMismatch { left, right, .. } => format!("{left}, {right}"),
        }
    }

    /// Returns the same error reported against another field name.
    ///
    /// A skin uses this when its argument is called differently from the core's field (Python's `other`
    /// for the core's `amount`, say).
    pub fn with_field(mut self, name: &'static str) -> Self {
        match &mut self {
            Error::InvalidArgument { field, .. }
            | Error::InvalidDecimal { field, .. }
            | Error::InvalidDate { field, .. }
            | Error::UnknownCurrency { field, .. }
            | Error::CurrencyMismatch { field, .. }
            | Error::InvalidRate { field, .. }
            | Error::Overflow { field, .. }
            | Error::NoSolution { field, .. }
            | Error::DateOutOfRange { field, .. } => *field = name,
        }
        self
    }

    /// Returns the same error, kind and field kept, with its value rewritten by `f`: a caller adds where
    /// the value came from (`account #3: ...`). A currency mismatch, which has two values, is unchanged.
    pub(crate) fn map_value(mut self, f: impl FnOnce(&str) -> String) -> Self {
        match &mut self {
            Error::InvalidArgument { value, .. }
            | Error::InvalidDecimal { value, .. }
            | Error::InvalidDate { value, .. }
            | Error::UnknownCurrency { value, .. }
            | Error::InvalidRate { value, .. }
            | Error::Overflow { value, .. }
            | Error::NoSolution { value, .. }
            | Error::DateOutOfRange { value, .. } => *value = f(value),
            Error::CurrencyMismatch { .. } => {}
        }
        self
    }

    pub(crate) fn invalid(
        field: &'static str,
        value: impl fmt::Display,
        reason: impl Into<String>,
    ) -> Self {
        Error::InvalidArgument {
            field,
            value: value.to_string(),
            reason: reason.into(),
        }
    }

    pub(crate) fn overflow(field: &'static str, value: impl fmt::Display) -> Self {
        Error::Overflow {
            field,
            value: value.to_string(),
        }
    }

    pub(crate) fn no_solution(
        field: &'static str,
        value: impl fmt::Display,
        reason: impl Into<String>,
    ) -> Self {
        Error::NoSolution {
            field,
            value: value.to_string(),
            reason: reason.into(),
        }
    }

    pub(crate) fn date_range(field: &'static str, value: impl fmt::Display) -> Self {
        Error::DateOutOfRange {
            field,
            value: value.to_string(),
        }
    }
}
