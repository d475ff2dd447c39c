//! `collections_core.contact`: may we contact this person now, on this channel, about this debt, and if
//! not, when? Over the core's `contact` module (which holds every rule).
//!
//! - [`policy`]: `Policy` (presets by name, JSON, creditor rules), `Rule`, `RuleSet` and `presets()`.
//! - [`profile`]: `ContactProfile` and its parts: `Destination`, `PriorConsent`, `TcpaConsent`,
//!   `OptOut`, `TimePlaceConsent`, `WeeklyWindow`, `StatusFlag`.
//! - [`history`]: `Attempt`, `ContactHistory` and `ContactRequest`.
//! - [`decision`]: `evaluate` (a `Decision` with its `Reason`s and `ContactWarning`s), `next_eligible`,
//!   `eligible_windows` and `evaluate_many` (the core's batch, on every core, without the GIL).
//!
//! Every class is an immutable value (the `value_class!` of [`crate::debt`]): it compares and hashes by
//! its core value's JSON and pickles as that JSON, checked again on the way in. Instants come in as
//! aware `datetime.datetime`s (any zone) or RFC 3339 text, and go out as aware UTC datetimes. The
//! compiled names are re-exported by `collections_core/contact.py`.

mod decision;
mod history;
mod policy;
mod profile;
mod table;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{describe, int_arg, str_arg, wrong_type};
use crate::debt::Out;
use crate::errors::invalid;

/// Registers the classes and functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    policy::register(m)?;
    profile::register(m)?;
    history::register(m)?;
    decision::register(m)?;
    table::register(m)?;
    Ok(())
}

/// An aware UTC `datetime.datetime`.
impl Out for DateTime<Utc> {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let module = py.import("datetime")?;
        let utc = module.getattr("timezone")?.getattr("utc")?;
        let args = (
            self.year(),
            self.month(),
            self.day(),
            self.hour(),
            self.minute(),
            self.second(),
            self.nanosecond().min(999_999_999) / 1000,
            utc,
        );
        module.getattr("datetime")?.call1(args)
    }
}

/// An instant: an aware `datetime.datetime` (any zone; a naive one is refused, as its zone is unknown)
/// or RFC 3339 text (`"2026-04-08T12:00:00Z"`, `"2026-04-08T08:00:00-04:00"`).
pub fn instant_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<DateTime<Utc>> {
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
        return DateTime::parse_from_rfc3339(&text)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| {
                invalid(
                    field,
                    text.to_string(),
                    format!("is not an RFC 3339 instant with its offset ({e})"),
                )
            });
    }
    let py = obj.py();
    let module = py.import("datetime")?;
    if !obj.is_instance(&module.getattr("datetime")?)? {
        return Err(wrong_type(
            obj,
            field,
            "an aware datetime.datetime or RFC 3339 text",
        ));
    }
    if obj.call_method0("utcoffset")?.is_none() {
        return Err(invalid(
            field,
            describe(obj),
            "is a naive datetime: give its time zone (tzinfo), as the instant is otherwise unknown",
        ));
    }
    let utc = module.getattr("timezone")?.getattr("utc")?;
    let t = obj.call_method1("astimezone", (utc,))?;
    let part = |name: &str| -> PyResult<u32> { int_arg::<u32>(&t.getattr(name)?, field) };
    let year = int_arg::<i32>(&t.getattr("year")?, field)?;
    NaiveDate::from_ymd_opt(year, part("month")?, part("day")?)
        .and_then(|d| {
            let time = NaiveTime::from_hms_micro_opt(
                part("hour").ok()?,
                part("minute").ok()?,
                part("second").ok()?,
                part("microsecond").ok()?,
            )?;
            Some(d.and_time(time).and_utc())
        })
        .ok_or_else(|| invalid(field, describe(obj), "is not a valid instant"))
}

/// An optional instant.
pub fn opt_instant(
    obj: Option<&Bound<'_, PyAny>>,
    field: &'static str,
) -> PyResult<Option<DateTime<Utc>>> {
    crate::debt::given(obj)
        .map(|o| instant_arg(o, field))
        .transpose()
}

/// An optional date.
pub fn opt_date(
    obj: Option<&Bound<'_, PyAny>>,
    field: &'static str,
) -> PyResult<Option<NaiveDate>> {
    crate::debt::given(obj)
        .map(|o| crate::convert::date_arg(o, field))
        .transpose()
}

/// An optional text.
pub fn opt_str(obj: Option<&Bound<'_, PyAny>>, field: &'static str) -> PyResult<Option<String>> {
    crate::debt::given(obj)
        .map(|o| str_arg(o, field))
        .transpose()
}

/// JSON text the core refused, as an `InvalidArgumentError` naming `field` (the input: `policy`,
/// `profile`, ...) with the core's reason.
pub fn bad_json(text: &str, field: &'static str, err: &serde_json::Error) -> PyErr {
    let shown: String = text.chars().take(200).collect();
    invalid(field, shown, err.to_string())
}

/// A core value from its JSON text (a `str`); JSON the core refuses is [`bad_json`].
macro_rules! from_json {
    ($ty:ty, $text:expr, $field:literal) => {{
        let text = $crate::convert::str_arg($text, $field)?;
        serde_json::from_str::<$ty>(&text).map_err(|e| $crate::contact::bad_json(&text, $field, &e))
    }};
}
pub(crate) use from_json;

/// The items of an optional sequence argument, each converted by `item` (`None` and not given are
/// empty).
pub fn each<'py, T>(
    obj: Option<&Bound<'py, PyAny>>,
    field: &'static str,
    mut item: impl FnMut(&Bound<'py, PyAny>) -> PyResult<T>,
) -> PyResult<Vec<T>> {
    match crate::debt::given(obj) {
        None => Ok(Vec::new()),
        Some(o) => crate::convert::items_arg(o, field)?
            .iter()
            .map(&mut item)
            .collect(),
    }
}

/// An argument that must be an instance of pyclass `T`, or a wrong-type error naming `field`.
pub fn class_arg<'a, 'py, T: pyo3::PyClass>(
    obj: &'a Bound<'py, PyAny>,
    field: &'static str,
    expected: &str,
) -> PyResult<&'a Bound<'py, T>> {
    obj.cast::<T>()
        .map_err(|_| wrong_type(obj, field, expected))
}
