//! One column of an input table, read cell by cell as the core's types without the GIL.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{
    Date32Type, Date64Type, Decimal128Type, Decimal256Type, Float16Type, Float32Type, Float64Type,
    Int16Type, Int32Type, Int64Type, Int8Type, TimestampMicrosecondType, TimestampMillisecondType,
    TimestampNanosecondType, TimestampSecondType, UInt16Type, UInt32Type, UInt64Type, UInt8Type,
};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Decimal128Array, Decimal256Array, Float64Array,
    Int64Array, LargeStringArray, StringArray, StringViewArray, UInt64Array,
};
use arrow_buffer::NullBuffer;
use arrow_data::transform::MutableArrayData;
use arrow_schema::{DataType, TimeUnit};
use chrono::NaiveDate;
use collections_core::{round_decimal, Error, RoundingMode};
use rust_decimal::Decimal;

/// 1970-01-01 counted from 0001-01-01 as chrono's `num_days_from_ce` counts it.
pub(crate) const UNIX_EPOCH_FROM_CE: i32 = 719_163;

/// A column's values, by the kind of value they are (every int width read as i64, every date as days).
#[derive(Debug, Clone)]
pub(super) enum Data {
    /// No value at all (a column of nulls).
    Null,
    Bool(BooleanArray),
    Int(Int64Array),
    UInt(UInt64Array),
    Float(Float64Array),
    /// decimal128 and its scale.
    Decimal(Decimal128Array, i8),
    /// decimal256 and its scale.
    Decimal256(Decimal256Array, i8),
    /// Days since 1970-01-01 (date32; date64 and timestamps read as their UTC date).
    Date(Date32Array),
    Str(StringArray),
    LargeStr(LargeStringArray),
    StrView(StringViewArray),
    /// A dictionary: each row's key (nulls apart) into the values.
    Dict(Vec<usize>, Option<NullBuffer>, Box<Data>),
    /// A type no accessor reads.
    Other(DataType),
    /// A column that could not be converted (a Python list mixing kinds): the error, raised by any
    /// read of the column with the column's name.
    Invalid(Error),
}

/// Days from the Unix epoch, floored, of a count of `per_day` units.
fn days_of(value: i64, per_day: i64) -> i32 {
    i32::try_from(value.div_euclid(per_day)).unwrap_or(i32::MAX)
}

impl Data {
    /// The typed view of an Arrow array.
    pub(super) fn of(array: &ArrayRef) -> Data {
        let a = array.as_ref();
        match array.data_type() {
            DataType::Null => Data::Null,
            DataType::Boolean => Data::Bool(a.as_boolean().clone()),
            DataType::Int8 => Data::Int(a.as_primitive::<Int8Type>().unary(i64::from)),
            DataType::Int16 => Data::Int(a.as_primitive::<Int16Type>().unary(i64::from)),
            DataType::Int32 => Data::Int(a.as_primitive::<Int32Type>().unary(i64::from)),
            DataType::Int64 => Data::Int(a.as_primitive::<Int64Type>().clone()),
            DataType::UInt8 => Data::Int(a.as_primitive::<UInt8Type>().unary(i64::from)),
            DataType::UInt16 => Data::Int(a.as_primitive::<UInt16Type>().unary(i64::from)),
            DataType::UInt32 => Data::Int(a.as_primitive::<UInt32Type>().unary(i64::from)),
            DataType::UInt64 => Data::UInt(a.as_primitive::<UInt64Type>().clone()),
            DataType::Float16 => Data::Float(a.as_primitive::<Float16Type>().unary(f64::from)),
            DataType::Float32 => Data::Float(a.as_primitive::<Float32Type>().unary(f64::from)),
            DataType::Float64 => Data::Float(a.as_primitive::<Float64Type>().clone()),
            DataType::Decimal128(_, s) => {
                Data::Decimal(a.as_primitive::<Decimal128Type>().clone(), *s)
            }
            DataType::Decimal256(_, s) => {
                Data::Decimal256(a.as_primitive::<Decimal256Type>().clone(), *s)
            }
            DataType::Date32 => Data::Date(a.as_primitive::<Date32Type>().clone()),
            DataType::Date64 => Data::Date(
                a.as_primitive::<Date64Type>()
                    .unary(|ms| days_of(ms, 86_400_000)),
            ),
            DataType::Timestamp(unit, _) => Data::Date(match unit {
                TimeUnit::Second => a
                    .as_primitive::<TimestampSecondType>()
                    .unary(|v| days_of(v, 86_400)),
                TimeUnit::Millisecond => a
                    .as_primitive::<TimestampMillisecondType>()
                    .unary(|v| days_of(v, 86_400_000)),
                TimeUnit::Microsecond => a
                    .as_primitive::<TimestampMicrosecondType>()
                    .unary(|v| days_of(v, 86_400_000_000)),
                TimeUnit::Nanosecond => a
                    .as_primitive::<TimestampNanosecondType>()
                    .unary(|v| days_of(v, 86_400_000_000_000)),
            }),
            DataType::Utf8 => Data::Str(a.as_string::<i32>().clone()),
            DataType::LargeUtf8 => Data::LargeStr(a.as_string::<i64>().clone()),
            DataType::Utf8View => Data::StrView(a.as_string_view().clone()),
            DataType::Dictionary(..) => {
                let Some(d) = a.as_any_dictionary_opt() else {
                    return Data::Other(array.data_type().clone());
                };
                let values = Data::of(d.values());
                if d.values().is_empty() {
                    // Every key is null (there is nothing to point at).
                    return Data::Null;
                }
                Data::Dict(d.normalized_keys(), array.logical_nulls(), Box::new(values))
            }
            other => Data::Other(other.clone()),
        }
    }

    /// Whether the value at `row` is missing.
    fn is_null(&self, row: usize) -> bool {
        match self {
            Data::Null => true,
            Data::Bool(a) => a.is_null(row),
            Data::Int(a) => a.is_null(row),
            Data::UInt(a) => a.is_null(row),
            Data::Float(a) => a.is_null(row),
            Data::Decimal(a, _) => a.is_null(row),
            Data::Decimal256(a, _) => a.is_null(row),
            Data::Date(a) => a.is_null(row),
            Data::Str(a) => a.is_null(row),
            Data::LargeStr(a) => a.is_null(row),
            Data::StrView(a) => a.is_null(row),
            Data::Dict(keys, nulls, values) => {
                nulls.as_ref().is_some_and(|n| n.is_null(row)) || values.is_null(keys[row])
            }
            Data::Other(_) | Data::Invalid(_) => false,
        }
    }

    /// The text at `row` (a non-null string row).
    fn text(&self, row: usize) -> Option<&str> {
        match self {
            Data::Str(a) => Some(a.value(row)),
            Data::LargeStr(a) => Some(a.value(row)),
            Data::StrView(a) => Some(a.value(row)),
            Data::Dict(keys, _, values) => values.text(keys[row]),
            _ => None,
        }
    }

    /// The value at `row` (not null) for an error message.
    fn show(&self, row: usize) -> String {
        match self {
            Data::Null => String::from("None"),
            Data::Bool(a) => String::from(if a.value(row) { "True" } else { "False" }),
            Data::Int(a) => a.value(row).to_string(),
            Data::UInt(a) => a.value(row).to_string(),
            Data::Float(a) => float_text(a.value(row)),
            Data::Decimal(a, s) => decimal_text(a.value(row), *s),
            Data::Decimal256(a, s) => match a.value(row).to_i128() {
                Some(v) => decimal_text(v, *s),
                None => a.value(row).to_string(),
            },
            Data::Date(a) => date_of_days(a.value(row)).map_or_else(
                || format!("{} days from 1970-01-01", a.value(row)),
                |d| d.to_string(),
            ),
            Data::Str(_) | Data::LargeStr(_) | Data::StrView(_) => {
                self.text(row).unwrap_or_default().to_string()
            }
            Data::Dict(keys, _, values) => values.show(keys[row]),
            Data::Other(t) => format!("a {t} value"),
            Data::Invalid(e) => e.value(),
        }
    }

    /// What the values are, for an error message.
    fn kind(&self) -> String {
        match self {
            Data::Null => String::from("null"),
            Data::Bool(_) => String::from("bool"),
            Data::Int(_) => String::from("int"),
            Data::UInt(_) => String::from("uint64"),
            Data::Float(_) => String::from("float"),
            Data::Decimal(..) => String::from("decimal128"),
            Data::Decimal256(..) => String::from("decimal256"),
            Data::Date(_) => String::from("date"),
            Data::Str(_) | Data::LargeStr(_) | Data::StrView(_) => String::from("string"),
            Data::Dict(_, _, v) => v.kind(),
            Data::Other(t) => t.to_string(),
            Data::Invalid(_) => String::from("invalid"),
        }
    }
}

/// A float as Python shows it where it can (`3.0`, `0.1`, `NaN`).
pub(crate) fn float_text(x: f64) -> String {
    let text = x.to_string();
    if x.is_finite() && !text.contains(['.', 'e']) {
        format!("{text}.0")
    } else {
        text
    }
}

/// A decimal's text from its units and scale.
fn decimal_text(units: i128, scale: i8) -> String {
    match units_to_decimal(units, scale) {
        Some(d) => d.to_string(),
        None => format!("{units}e{}", -i32::from(scale)),
    }
}

/// A decimal from a whole number of `10^-scale` units, if rust_decimal holds it.
pub(crate) fn units_to_decimal(mut units: i128, scale: i8) -> Option<Decimal> {
    if scale < 0 {
        let up = 10i128.checked_pow(u32::from(scale.unsigned_abs()))?;
        return Decimal::try_from_i128_with_scale(units.checked_mul(up)?, 0).ok();
    }
    let mut scale = u32::from(scale.unsigned_abs());
    // rust_decimal keeps at most 28 places: more are dropped only when they are zeros.
    while scale > 28 {
        if units % 10 != 0 {
            return None;
        }
        units /= 10;
        scale -= 1;
    }
    Decimal::try_from_i128_with_scale(units, scale).ok()
}

/// The date `days` after 1970-01-01.
pub(crate) fn date_of_days(days: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(days.checked_add(UNIX_EPOCH_FROM_CE)?)
}

/// What a column's values are, for a call that picks its arithmetic by them (the finance functions:
/// floats take the f64 path, exact values the Decimal path, ints either).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ValueKind {
    /// float16/32/64.
    Float,
    /// Ints of any width, or nothing but nulls.
    Int,
    /// decimal128/256 or text.
    Exact,
    /// Anything else (dates, bools, a column that failed to convert).
    Other,
}

impl Data {
    /// What the values are.
    fn value_kind(&self) -> ValueKind {
        match self {
            Data::Float(_) => ValueKind::Float,
            Data::Int(_) | Data::UInt(_) | Data::Null => ValueKind::Int,
            Data::Decimal(..)
            | Data::Decimal256(..)
            | Data::Str(_)
            | Data::LargeStr(_)
            | Data::StrView(_) => ValueKind::Exact,
            Data::Dict(_, _, values) => values.value_kind(),
            Data::Bool(_) | Data::Date(_) | Data::Other(_) | Data::Invalid(_) => ValueKind::Other,
        }
    }
}

/// Why a float is refused as money.
const FLOATS_REFUSED: &str =
    "floats are inexact: pass decimal128 (or Decimals, ints, str) or name float_rounding=";

/// One column of an [`InputTable`](super::InputTable), named for its errors. Cheap to clone (the
/// arrays are shared); `Send + Sync`, so it is read on the worker threads without the GIL.
#[derive(Debug, Clone)]
pub(crate) struct InputColumn {
    name: &'static str,
    array: ArrayRef,
    data: Arc<Data>,
    /// Cells of a Python column that could not be read, by row (nulls in `array`): reading one is
    /// its error.
    bad_rows: Option<Arc<HashMap<usize, Error>>>,
}

impl InputColumn {
    /// The column `name` of `array`, its values already typed as `data`.
    pub(super) fn new(
        name: &'static str,
        array: ArrayRef,
        data: Arc<Data>,
        bad_rows: Option<Arc<HashMap<usize, Error>>>,
    ) -> InputColumn {
        InputColumn {
            name,
            array,
            data,
            bad_rows,
        }
    }

    /// The error of the cell at `row` when it could not be read.
    fn bad(&self, row: usize) -> Option<&Error> {
        self.bad_rows.as_ref().and_then(|b| b.get(&row))
    }

    /// Whether the value at `row` can be read: the error of a column that could not be converted,
    /// or of a cell that could not be (naming the column). Readers of [`array`](Self::array) check
    /// this first.
    pub fn check(&self, row: usize) -> Result<(), Error> {
        self.invalid()?;
        match self.bad(row) {
            Some(e) => Err(e.clone().with_field(self.name)),
            None => Ok(()),
        }
    }

    /// The column's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.array.len()
    }

    /// The Arrow array as given.
    pub fn array(&self) -> &ArrayRef {
        &self.array
    }

    /// An error naming the column, the value at `row` led by the row.
    fn error(&self, row: usize, value: impl std::fmt::Display, reason: impl Into<String>) -> Error {
        Error::InvalidArgument {
            field: self.name,
            value: format!("row {row}: {value}"),
            reason: reason.into(),
        }
    }

    /// The error for a value of the wrong kind at `row` (`expected` says what is read).
    fn wrong(&self, row: usize, expected: &str) -> Error {
        if let Data::Invalid(e) = &*self.data {
            return e.clone().with_field(self.name);
        }
        self.error(
            row,
            self.data.show(row),
            format!("expected {expected}, not {}", self.data.kind()),
        )
    }

    /// The error of a column that could not be converted, if it is one.
    fn invalid(&self) -> Result<(), Error> {
        match &*self.data {
            Data::Invalid(e) => Err(e.clone().with_field(self.name)),
            _ => Ok(()),
        }
    }

    /// What the values are.
    pub fn value_kind(&self) -> ValueKind {
        self.data.value_kind()
    }

    /// The values of a float64 (or narrower float) column with no missing value, as they are.
    pub fn f64_values(&self) -> Option<&[f64]> {
        match &*self.data {
            Data::Float(a) if a.null_count() == 0 => Some(a.values()),
            _ => None,
        }
    }

    /// Whether the value at `row` is missing (a null; a row past the end too).
    pub fn is_null(&self, row: usize) -> bool {
        row >= self.array.len() || (self.data.is_null(row) && self.bad(row).is_none())
    }

    /// An amount: decimal128 or decimal256 exactly, an int, or decimal text; a float only when
    /// `floats` names the rounding mode and the places it is rounded to (a NaN or infinity refused).
    pub fn decimal(
        &self,
        row: usize,
        floats: Option<(RoundingMode, u32)>,
    ) -> Result<Option<Decimal>, Error> {
        self.check(row)?;
        if self.is_null(row) {
            return Ok(None);
        }
        self.decimal_of(&self.data, row, floats).map(Some)
    }

    fn decimal_of(
        &self,
        data: &Data,
        row: usize,
        floats: Option<(RoundingMode, u32)>,
    ) -> Result<Decimal, Error> {
        let overflow = || Error::Overflow {
            field: self.name,
            value: format!("row {row}: {}", data.show(row)),
        };
        match data {
            Data::Decimal(a, s) => units_to_decimal(a.value(row), *s).ok_or_else(overflow),
            Data::Decimal256(a, s) => a
                .value(row)
                .to_i128()
                .and_then(|v| units_to_decimal(v, *s))
                .ok_or_else(overflow),
            Data::Int(a) => Ok(Decimal::from(a.value(row))),
            Data::UInt(a) => Ok(Decimal::from(a.value(row))),
            Data::Str(_) | Data::LargeStr(_) | Data::StrView(_) => {
                let text = data.text(row).unwrap_or_default();
                collections_core::parse::decimal(self.name, text)
                    .map_err(|e| super::prefixed(e, &format!("row {row}")))
            }
            Data::Dict(keys, _, values) => self.decimal_of(values, keys[row], floats),
            Data::Float(a) => {
                let x = a.value(row);
                let Some((mode, places)) = floats else {
                    return Err(self.error(row, float_text(x), FLOATS_REFUSED));
                };
                float_to_decimal(x, mode, places)
                    .map_err(|reason| self.error(row, float_text(x), reason))?
                    .ok_or_else(overflow)
            }
            _ => Err(self.wrong(row, "an amount (decimal, int or decimal text)")),
        }
    }

    /// [`decimal`](Self::decimal), a null being an error.
    pub fn require_decimal(
        &self,
        row: usize,
        floats: Option<(RoundingMode, u32)>,
    ) -> Result<Decimal, Error> {
        self.decimal(row, floats)?.ok_or_else(|| self.null(row))
    }

    /// The error for a null where a value is required.
    pub fn null(&self, row: usize) -> Error {
        self.error(row, "None", "a value is required")
    }

    /// A date: date32, date64, a timestamp of any unit or time zone (its UTC date), or ISO 8601 text
    /// (`YYYY-MM-DD`).
    pub fn date(&self, row: usize) -> Result<Option<NaiveDate>, Error> {
        self.check(row)?;
        if self.is_null(row) {
            return Ok(None);
        }
        self.date_of(&self.data, row).map(Some)
    }

    fn date_of(&self, data: &Data, row: usize) -> Result<NaiveDate, Error> {
        match data {
            Data::Date(a) => date_of_days(a.value(row)).ok_or_else(|| Error::DateOutOfRange {
                field: self.name,
                value: format!("row {row}: {} days from 1970-01-01", a.value(row)),
            }),
            Data::Str(_) | Data::LargeStr(_) | Data::StrView(_) => {
                let text = data.text(row).unwrap_or_default();
                NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Error::InvalidDate {
                    field: self.name,
                    value: format!("row {row}: {text}"),
                })
            }
            Data::Dict(keys, _, values) => self.date_of(values, keys[row]),
            _ => Err(self.wrong(row, "a date (date32, a timestamp or ISO text)")),
        }
    }

    /// [`date`](Self::date), a null being an error.
    pub fn require_date(&self, row: usize) -> Result<NaiveDate, Error> {
        self.date(row)?.ok_or_else(|| self.null(row))
    }

    /// Text: utf8, large_utf8, utf8_view or a dictionary of them.
    pub fn str(&self, row: usize) -> Result<Option<&str>, Error> {
        self.check(row)?;
        if self.is_null(row) {
            return Ok(None);
        }
        match self.data.text(row) {
            Some(t) => Ok(Some(t)),
            None => Err(self.wrong(row, "text")),
        }
    }

    /// [`str`](Self::str), a null being an error.
    pub fn require_str(&self, row: usize) -> Result<&str, Error> {
        self.str(row)?.ok_or_else(|| self.null(row))
    }

    /// Text parsed as `T` (a currency code, a frequency, a channel or category name); a null is
    /// `None`; a name `T` refuses is its error naming the column, the value led by the row.
    pub fn parsed<T: std::str::FromStr<Err = Error>>(
        &self,
        row: usize,
    ) -> Result<Option<T>, Error> {
        self.str(row)?
            .map(|text| {
                text.parse::<T>()
                    .map_err(|e| super::prefixed(e.with_field(self.name), &format!("row {row}")))
            })
            .transpose()
    }

    /// [`parsed`](Self::parsed), a null being an error.
    pub fn require_parsed<T: std::str::FromStr<Err = Error>>(
        &self,
        row: usize,
    ) -> Result<T, Error> {
        self.parsed(row)?.ok_or_else(|| self.null(row))
    }

    /// A whole number: an int of any width (a float, even with no fraction, is refused).
    pub fn int(&self, row: usize) -> Result<Option<i64>, Error> {
        self.check(row)?;
        if self.is_null(row) {
            return Ok(None);
        }
        self.int_of(&self.data, row).map(Some)
    }

    fn int_of(&self, data: &Data, row: usize) -> Result<i64, Error> {
        match data {
            Data::Int(a) => Ok(a.value(row)),
            Data::UInt(a) => i64::try_from(a.value(row)).map_err(|_| {
                self.error(
                    row,
                    a.value(row),
                    format!("must be a whole number up to {}", i64::MAX),
                )
            }),
            Data::Dict(keys, _, values) => self.int_of(values, keys[row]),
            _ => Err(self.wrong(row, "an int")),
        }
    }

    /// A float: any float width, an int, or a decimal (to the nearest float).
    pub fn float(&self, row: usize) -> Result<Option<f64>, Error> {
        self.check(row)?;
        if self.is_null(row) {
            return Ok(None);
        }
        match &*self.data {
            Data::Float(a) => Ok(Some(a.value(row))),
            #[allow(clippy::cast_precision_loss)] // the nearest float, as asked
            Data::Int(a) => Ok(Some(a.value(row) as f64)),
            #[allow(clippy::cast_precision_loss)]
            Data::UInt(a) => Ok(Some(a.value(row) as f64)),
            Data::Decimal(..) | Data::Decimal256(..) => {
                let text = self.data.show(row);
                text.parse::<f64>()
                    .map(Some)
                    .map_err(|_| self.wrong(row, "a float"))
            }
            _ => Err(self.wrong(row, "a float")),
        }
    }

    /// A flag: bool only.
    pub fn bool(&self, row: usize) -> Result<Option<bool>, Error> {
        self.check(row)?;
        if self.is_null(row) {
            return Ok(None);
        }
        match &*self.data {
            Data::Bool(a) => Ok(Some(a.value(row))),
            _ => Err(self.wrong(row, "True or False")),
        }
    }

    /// The value at `row` as an error message shows it (`None` for a null).
    pub fn show(&self, row: usize) -> String {
        if let Some(e) = self.bad(row) {
            let value = e.value();
            return value
                .strip_prefix(&format!("row {row}: "))
                .map_or_else(|| value.clone(), str::to_string);
        }
        if self.is_null(row) {
            String::from("None")
        } else {
            self.data.show(row)
        }
    }

    /// The rows `rows` of the column as given (ids keep their Arrow type), for an output column.
    /// A row out of range is an error naming the column.
    pub fn take(&self, rows: &[usize]) -> Result<ArrayRef, Error> {
        take(&self.array, rows).map_err(|e| Error::InvalidArgument {
            field: self.name,
            value: format!("{} rows", rows.len()),
            reason: e.to_string(),
        })
    }
}

/// The rows `rows` of `array`, in that order: text and ints gathered directly (the common id columns),
/// any other type copied run by run.
pub(crate) fn take(array: &ArrayRef, rows: &[usize]) -> Result<ArrayRef, arrow_schema::ArrowError> {
    if let Some(a) = array.as_string_opt::<i32>() {
        return take_text(a, rows);
    }
    if let Some(a) = array.as_string_opt::<i64>() {
        return take_text(a, rows);
    }
    if let Some(a) = array.as_string_view_opt() {
        // The views are gathered; the text buffers are shared.
        let views: Vec<u128> = rows.iter().map(|&r| a.views()[r]).collect();
        let nulls = take_nulls(a.nulls(), rows);
        let out = StringViewArray::try_new(views.into(), a.data_buffers().clone(), nulls)?;
        return Ok(Arc::new(out));
    }
    macro_rules! primitive {
        ($($t:ty),*) => {$(
            if let Some(a) = array.as_primitive_opt::<$t>() {
                let values: Vec<_> = rows.iter().map(|&r| a.values()[r]).collect();
                let out = arrow_array::PrimitiveArray::<$t>::new(values.into(), take_nulls(a.nulls(), rows))
                    .with_data_type(a.data_type().clone());
                return Ok(Arc::new(out));
            }
        )*};
    }
    primitive!(
        Int8Type, Int16Type, Int32Type, Int64Type, UInt8Type, UInt16Type, UInt32Type, UInt64Type
    );
    take_runs(array, rows)
}

/// The validity of `rows` of a column with `nulls`.
fn take_nulls(nulls: Option<&NullBuffer>, rows: &[usize]) -> Option<NullBuffer> {
    let nulls = nulls.filter(|n| n.null_count() > 0)?;
    Some(NullBuffer::from_iter(
        rows.iter().map(|&r| nulls.is_valid(r)),
    ))
}

/// [`take`] of a utf8 or large_utf8 column.
fn take_text<O: arrow_array::OffsetSizeTrait>(
    a: &arrow_array::GenericStringArray<O>,
    rows: &[usize],
) -> Result<ArrayRef, arrow_schema::ArrowError> {
    let bytes: usize = rows.iter().map(|&r| a.value(r).len()).sum();
    let mut out = arrow_array::builder::GenericStringBuilder::<O>::with_capacity(rows.len(), bytes);
    for &r in rows {
        if a.is_null(r) {
            out.append_null();
        } else {
            out.append_value(a.value(r));
        }
    }
    Ok(Arc::new(out.finish()))
}

/// [`take`] of any column, copied run by run of consecutive rows.
fn take_runs(array: &ArrayRef, rows: &[usize]) -> Result<ArrayRef, arrow_schema::ArrowError> {
    let data = array.to_data();
    let mut out = MutableArrayData::new(vec![&data], true, rows.len());
    let mut i = 0;
    while i < rows.len() {
        let start = rows[i];
        let mut end = start + 1;
        // A run of consecutive rows is one copy.
        while i + 1 < rows.len() && rows[i + 1] == end {
            end += 1;
            i += 1;
        }
        out.try_extend(0, start, end)?;
        i += 1;
    }
    Ok(arrow_array::make_array(out.freeze()))
}

/// A float as an amount rounded to `places` by `mode`: its shortest text read exactly, then rounded;
/// `Err` with the reason for a NaN or an infinity, `Ok(None)` when it does not fit a decimal.
pub(crate) fn float_to_decimal(
    x: f64,
    mode: RoundingMode,
    places: u32,
) -> Result<Option<Decimal>, &'static str> {
    if !x.is_finite() {
        return Err("must be a finite number");
    }
    // The shortest text that reads back as the same float ("0.1" for 0.1), then rounded.
    let Ok(exact) = x.to_string().parse::<Decimal>() else {
        return Ok(None);
    };
    Ok(round_decimal(exact, places, mode).ok())
}
