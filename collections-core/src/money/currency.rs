//! Currencies: the ISO 4217 table plus currencies the caller defines.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::iso4217::ISO_4217;
use crate::error::{Error, Result};

/// The most minor units a currency may have: amounts must still convert to 64-bit minor units.
pub const MAX_MINOR_UNITS: u32 = 18;

/// A currency: a three-letter code and the number of decimal places of its minor unit.
///
/// ISO 4217 currencies come from [`Currency::from_code`]; the caller defines others (loyalty points, a
/// currency newer than this table, a fund) with [`Currency::new`]. Two currencies are equal when both the
/// code and the minor units are equal. `Currency` is `Copy`.
///
/// ```
/// use collections_core::Currency;
///
/// assert_eq!(Currency::from_code("JPY").unwrap().minor_units(), 0);
/// assert_eq!(Currency::from_code("usd").unwrap().minor_units(), 2);
/// assert_eq!(Currency::from_code("KWD").unwrap().minor_units(), 3);
/// let points = Currency::new("PTS", 0).unwrap();
/// assert_eq!(points.code(), "PTS");
/// assert!(Currency::from_code("PTS").is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    code: [u8; 3],
    minor_units: u8,
}

impl Currency {
    /// US dollar.
    pub const USD: Currency = Currency {
        code: *b"USD",
        minor_units: 2,
    };
    /// Euro.
    pub const EUR: Currency = Currency {
        code: *b"EUR",
        minor_units: 2,
    };
    /// Pound sterling.
    pub const GBP: Currency = Currency {
        code: *b"GBP",
        minor_units: 2,
    };
    /// Japanese yen (no minor unit).
    pub const JPY: Currency = Currency {
        code: *b"JPY",
        minor_units: 0,
    };

    /// Looks up an ISO 4217 currency by its alphabetic code (case-insensitive).
    ///
    /// Fails with [`Error::UnknownCurrency`] for a code not in the table.
    pub fn from_code(code: &str) -> Result<Currency> {
        let upper = code.trim().to_ascii_uppercase();
        ISO_4217
            .binary_search_by(|(c, _)| c.cmp(&upper.as_str()))
            .ok()
            .and_then(|i| {
                let (c, units) = ISO_4217[i];
                Some(Currency {
                    code: c.as_bytes().try_into().ok()?,
                    minor_units: units,
                })
            })
            .ok_or_else(|| Error::UnknownCurrency {
                field: "currency",
                value: code.to_string(),
            })
    }

    /// Defines a currency: `code` is three ASCII letters (stored upper-case), `minor_units` at most 18.
    ///
    /// An ISO code may be redefined with other minor units (a ledger that books JPY in tenths, say); such a
    /// currency is not equal to the ISO one.
    ///
    /// ```
    /// use collections_core::Currency;
    ///
    /// assert_eq!(Currency::new("xts", 2).unwrap().code(), "XTS");
    /// assert!(Currency::new("TOOLONG", 2).is_err());
    /// assert!(Currency::new("ABC", 19).is_err());
    /// ```
    pub fn new(code: &str, minor_units: u32) -> Result<Currency> {
        let bytes = code.as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(Error::UnknownCurrency {
                field: "code",
                value: code.to_string(),
            });
        }
        if minor_units > MAX_MINOR_UNITS {
            return Err(Error::invalid(
                "minor_units",
                minor_units,
                "must be at most 18",
            ));
        }
        let mut upper = [0u8; 3];
        for (out, b) in upper.iter_mut().zip(bytes) {
            *out = b.to_ascii_uppercase();
        }
        // minor_units <= 18 was checked above, so it fits a u8.
        Ok(Currency {
            code: upper,
            minor_units: minor_units as u8,
        })
    }

    /// The three-letter code, upper-case.
    pub fn code(&self) -> &str {
        // The bytes are ASCII letters by construction.
        std::str::from_utf8(&self.code).unwrap_or("???")
    }

    /// Number of decimal places of the minor unit (USD 2, JPY 0, KWD 3).
    pub fn minor_units(&self) -> u32 {
        u32::from(self.minor_units)
    }

    /// Whether this currency is the ISO 4217 entry for its code (same minor units).
    pub fn is_iso(&self) -> bool {
        Currency::from_code(self.code()).is_ok_and(|iso| iso == *self)
    }

    /// Every ISO 4217 currency in the table, sorted by code.
    ///
    /// ```
    /// use collections_core::Currency;
    ///
    /// let all = Currency::iso_currencies();
    /// assert!(all.len() > 150);
    /// assert!(all.contains(&Currency::EUR));
    /// ```
    pub fn iso_currencies() -> Vec<Currency> {
        ISO_4217
            .iter()
            .filter_map(|(c, u)| {
                Some(Currency {
                    code: c.as_bytes().try_into().ok()?,
                    minor_units: *u,
                })
            })
            .collect()
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({}, {})", self.code(), self.minor_units)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = Error;

    /// Same as [`Currency::from_code`].
    fn from_str(s: &str) -> Result<Self> {
        Currency::from_code(s)
    }
}

#[derive(Serialize, Deserialize)]
struct CurrencyRepr {
    code: String,
    minor_units: u32,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum CurrencyInput {
    Code(String),
    Full(CurrencyRepr),
}

/// Serializes as `{"code": "USD", "minor_units": 2}`, so user-defined currencies round-trip.
impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        CurrencyRepr {
            code: self.code().to_string(),
            minor_units: self.minor_units(),
        }
        .serialize(s)
    }
}

/// Accepts either an ISO code (`"USD"`) or `{"code": ..., "minor_units": ...}`.
impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        match CurrencyInput::deserialize(d)? {
            CurrencyInput::Code(code) => Currency::from_code(&code),
            CurrencyInput::Full(r) => Currency::new(&r.code, r.minor_units),
        }
        .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lookups() {
        for (code, units) in [
            ("USD", 2),
            ("JPY", 0),
            ("KWD", 3),
            ("BHD", 3),
            ("CLF", 4),
            ("ISK", 0),
        ] {
            assert_eq!(
                Currency::from_code(code).unwrap().minor_units(),
                units,
                "{code}"
            );
        }
        assert_eq!(Currency::from_code("usd").unwrap(), Currency::USD);
        let err = Currency::from_code("ABC").unwrap_err();
        assert!(matches!(err, Error::UnknownCurrency { ref value, .. } if value == "ABC"));
    }

    #[test]
    fn user_defined_is_not_iso() {
        let tenth_yen = Currency::new("JPY", 1).unwrap();
        assert_ne!(tenth_yen, Currency::JPY);
        assert!(!tenth_yen.is_iso());
        assert!(Currency::JPY.is_iso());
        assert!(Currency::new("A1C", 2).is_err());
        assert!(Currency::new("ÄBC", 2).is_err());
    }

    #[test]
    fn serde_forms() {
        let json = serde_json::to_string(&Currency::USD).unwrap();
        assert_eq!(json, r#"{"code":"USD","minor_units":2}"#);
        assert_eq!(
            serde_json::from_str::<Currency>(&json).unwrap(),
            Currency::USD
        );
        assert_eq!(
            serde_json::from_str::<Currency>(r#""eur""#).unwrap(),
            Currency::EUR
        );
        assert!(serde_json::from_str::<Currency>(r#""ZZZ""#).is_err());
    }
}
