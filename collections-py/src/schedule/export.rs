//! A schedule as columns: numpy arrays (`columns`), an Arrow table (`to_arrow`), a pandas DataFrame
//! (`to_pandas`), and its text and HTML summaries.
//!
//! Each column is written by Rust into one buffer (integers, days since 1970-01-01, amounts as
//! integers of the column's scale: 128-bit little-endian for Arrow's decimal128, 64-bit minor units for
//! numpy) that numpy or pyarrow wraps as it is, so a 360-row schedule costs a few dozen Python calls,
//! not a Python `Decimal` per cell. numpy, pyarrow and pandas are optional: they are imported on first
//! use, and a missing one is an `ImportError` saying which export needs it.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use collections_core::schedule::{Row, Schedule};
use collections_core::Error;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList};
use rust_decimal::Decimal;

use crate::arrays::UNIX_EPOCH_FROM_CE;
use crate::convert::escape;
use crate::errors::{invalid, raise};

/// The amount columns, in table order.
const AMOUNTS: [&str; 6] = [
    "opening_balance",
    "payment",
    "interest",
    "deferred_interest",
    "principal",
    "closing_balance",
];

/// A row's amounts in the order of [`AMOUNTS`] (a plain array, so the column loops inline; references,
/// so a column's loop reads each amount where it is rather than through a copy on the stack).
fn amounts(r: &Row) -> [&Decimal; 6] {
    [
        &r.opening_balance,
        &r.payment,
        &r.interest,
        &r.deferred_interest,
        &r.principal,
        &r.closing_balance,
    ]
}

/// Days since 1970-01-01 (Arrow's date32 and numpy's datetime64[D]).
fn epoch_days(date: NaiveDate) -> i32 {
    date.num_days_from_ce() - UNIX_EPOCH_FROM_CE
}

/// `value` as a whole number of `10^-scale` units, if it is one and fits an `i128`.
///
/// By reference, so the common case reads the amount where it is: a copy made for the other case's
/// call went through the stack and stalled every value's load.
#[inline(always)]
fn units_at(value: &Decimal, scale: u32) -> Option<i128> {
    // Schedule amounts already have the column's scale: the mantissa is the answer.
    if value.scale() == scale {
        Some(value.mantissa())
    } else {
        rescaled_units(value, scale)
    }
}

/// [`units_at`] for an amount of another scale.
#[inline(never)]
fn rescaled_units(value: &Decimal, scale: u32) -> Option<i128> {
    let mantissa = value.mantissa();
    let own = value.scale();
    if own < scale {
        mantissa.checked_mul(10i128.checked_pow(scale - own)?)
    } else {
        let factor = 10i128.checked_pow(own - scale)?;
        (mantissa % factor == 0).then_some(mantissa / factor)
    }
}

/// Imports an optional dependency of an export, or says which export needs it.
fn optional_import<'py>(
    py: Python<'py>,
    module: &str,
    export: &str,
) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|err| {
        if err.is_instance_of::<PyImportError>(py) {
            let missing = PyImportError::new_err(format!(
                "Schedule.{export}() needs {module}, which is not installed: pip install {module}"
            ));
            missing.set_cause(py, Some(err));
            missing
        } else {
            err
        }
    })
}

/// What `columns` calls in numpy, looked up once.
struct Numpy {
    frombuffer: Py<PyAny>,
    int64: Py<PyAny>,
    days: Py<PyAny>,
    boolean: Py<PyAny>,
}

static NUMPY: PyOnceLock<Numpy> = PyOnceLock::new();

fn numpy(py: Python<'_>) -> PyResult<&Numpy> {
    NUMPY.get_or_try_init(py, || {
        let np = optional_import(py, "numpy", "columns")?;
        let dtype = np.getattr("dtype")?;
        Ok(Numpy {
            frombuffer: np.getattr("frombuffer")?.unbind(),
            int64: dtype.call1(("int64",))?.unbind(),
            days: dtype.call1(("datetime64[D]",))?.unbind(),
            boolean: dtype.call1(("bool",))?.unbind(),
        })
    })
}

/// The columns as numpy arrays; amounts as `int64` minor units.
///
/// Every column is written in one pass over the rows into one `bytearray` (nine 8-byte columns, then
/// the holiday flags), and each array is a writable numpy view of its part.
pub fn columns<'py>(py: Python<'py>, schedule: &Schedule) -> PyResult<Bound<'py, PyDict>> {
    let np = numpy(py)?;
    let rows = schedule.rows();
    let n = rows.len();
    let currency = schedule.terms().currency;
    let minor_units = currency.minor_units();
    let minor = |name: &'static str, value: &Decimal| -> PyResult<i64> {
        let units = units_at(value, minor_units).ok_or_else(|| {
            invalid(
                name,
                value.to_string(),
                format!(
                    "is not a whole number of {} minor units ({minor_units} places): use \
                     to_arrow() or to_pandas() for exact decimals",
                    currency.code()
                ),
            )
        })?;
        i64::try_from(units).map_err(|_| {
            raise(Error::Overflow {
                field: name,
                value: value.to_string(),
            })
        })
    };
    const WIDE: usize = 3 + AMOUNTS.len();
    let buffer = PyByteArray::new_with(py, n * (WIDE * 8 + 1), |out| {
        let (wide, flags) = out.split_at_mut(n * WIDE * 8);
        for (i, r) in rows.iter().enumerate() {
            let mut put = |column: usize, value: i64| {
                let at = (column * n + i) * 8;
                wide[at..at + 8].copy_from_slice(&value.to_ne_bytes());
            };
            put(0, i64::from(r.number));
            put(1, i64::from(epoch_days(r.due_date)));
            put(2, r.days);
            for (k, (name, value)) in AMOUNTS.into_iter().zip(amounts(r)).enumerate() {
                put(3 + k, minor(name, value)?);
            }
            flags[i] = u8::from(r.holiday);
        }
        Ok(())
    })?;
    let frombuffer = np.frombuffer.bind(py);
    let view =
        |dtype: &Py<PyAny>, offset: usize| frombuffer.call1((&buffer, dtype.bind(py), n, offset));
    let out = PyDict::new(py);
    out.set_item("number", view(&np.int64, 0)?)?;
    out.set_item("due_date", view(&np.days, n * 8)?)?;
    out.set_item("days", view(&np.int64, 2 * n * 8)?)?;
    for (k, name) in AMOUNTS.into_iter().enumerate() {
        out.set_item(name, view(&np.int64, (3 + k) * n * 8)?)?;
    }
    out.set_item("holiday", view(&np.boolean, WIDE * n * 8)?)?;
    Ok(out)
}

/// What `to_arrow` calls in pyarrow, looked up once.
struct Arrow {
    from_buffers: Py<PyAny>,
    py_buffer: Py<PyAny>,
    decimal128: Py<PyAny>,
    table_from_arrays: Py<PyAny>,
    int64: Py<PyAny>,
    date32: Py<PyAny>,
    boolean: Py<PyAny>,
}

static ARROW: PyOnceLock<Arrow> = PyOnceLock::new();

fn arrow(py: Python<'_>) -> PyResult<&Arrow> {
    ARROW.get_or_try_init(py, || {
        let pa = optional_import(py, "pyarrow", "to_arrow")?;
        Ok(Arrow {
            from_buffers: pa.getattr("Array")?.getattr("from_buffers")?.unbind(),
            py_buffer: pa.getattr("py_buffer")?.unbind(),
            decimal128: pa.getattr("decimal128")?.unbind(),
            table_from_arrays: pa.getattr("Table")?.getattr("from_arrays")?.unbind(),
            int64: pa.getattr("int64")?.call0()?.unbind(),
            date32: pa.getattr("date32")?.call0()?.unbind(),
            boolean: pa.getattr("bool_")?.call0()?.unbind(),
        })
    })
}

/// The scale of the amount columns: the currency's minor units. The core refuses amounts finer than
/// them, but an amount with more places would widen the scale here rather than be rounded.
fn amount_scale(schedule: &Schedule) -> u32 {
    let minor_units = schedule.terms().currency.minor_units();
    schedule
        .rows()
        .iter()
        .flat_map(|r| amounts(r).map(|a| a.scale()))
        .fold(minor_units, u32::max)
}

/// Decimal128's largest precision: mantissas must stay below 10^38.
const DECIMAL128_LIMIT: i128 = 10i128.pow(38);

/// `value` in units of `10^-scale` for a decimal128 column, if it fits.
#[inline(always)]
fn decimal128_units(value: &Decimal, scale: u32) -> Option<i128> {
    units_at(value, scale)
        // A Decimal's own mantissa (96 bits) always fits; a rescaled one may not.
        .filter(|u| value.scale() == scale || u.unsigned_abs() < DECIMAL128_LIMIT.unsigned_abs())
}

/// Amount column `K` (of [`AMOUNTS`]) as decimal128 values of `scale` into `out`; `false` if an amount
/// has more places than `scale` or does not fit.
///
/// A column at a time, `K` a constant, so the loop is a load, a compare and a store per row (measured a
/// little faster than a row at a time through all six columns).
fn decimal_column<const K: usize>(out: &mut [u8], rows: &[Row], scale: u32) -> bool {
    let mut fits = true;
    for (slot, r) in out.chunks_exact_mut(16).zip(rows) {
        let value = amounts(r)[K];
        match decimal128_units(value, scale) {
            Some(units) if value.scale() <= scale => slot.copy_from_slice(&units.to_le_bytes()),
            _ => fits = false,
        }
    }
    fits
}

/// The six amount columns, one after another, into `decimals` ([`decimal_column`] for each).
fn decimal_columns(decimals: &mut [u8], rows: &[Row], scale: u32) -> bool {
    let (c0, rest) = decimals.split_at_mut(rows.len() * 16);
    let (c1, rest) = rest.split_at_mut(rows.len() * 16);
    let (c2, rest) = rest.split_at_mut(rows.len() * 16);
    let (c3, rest) = rest.split_at_mut(rows.len() * 16);
    let (c4, c5) = rest.split_at_mut(rows.len() * 16);
    let fits = [
        decimal_column::<0>(c0, rows, scale),
        decimal_column::<1>(c1, rows, scale),
        decimal_column::<2>(c2, rows, scale),
        decimal_column::<3>(c3, rows, scale),
        decimal_column::<4>(c4, rows, scale),
        decimal_column::<5>(c5, rows, scale),
    ];
    !fits.contains(&false)
}

/// The overflow of the first amount, in row order, that does not fit a decimal128 of `scale`.
#[cold]
fn check_decimal128(rows: &[Row], scale: u32) -> PyResult<()> {
    for r in rows {
        for (name, value) in AMOUNTS.into_iter().zip(amounts(r)) {
            if decimal128_units(value, scale).is_none() {
                return Err(raise(Error::Overflow {
                    field: name,
                    value: value.to_string(),
                }));
            }
        }
    }
    Ok(())
}

/// Writes `values` into consecutive little-endian slots of `out` (`SIZE` bytes each).
#[inline(always)]
fn put_all<const SIZE: usize>(out: &mut [u8], values: impl Iterator<Item = [u8; SIZE]>) {
    for (slot, bytes) in out.chunks_exact_mut(SIZE).zip(values) {
        slot.copy_from_slice(&bytes);
    }
}

/// The schedule as a `pyarrow.Table`.
///
/// The rows are written into one `bytes` object in parts (the six decimal columns, `number` and `days`,
/// the dates, the holiday bits; each part starts on a multiple of its element size, the first on the
/// object's own alignment), and each column is an Arrow array over its part.
pub fn to_arrow<'py>(py: Python<'py>, schedule: &Schedule) -> PyResult<Bound<'py, PyAny>> {
    let pa = arrow(py)?;
    let rows = schedule.rows();
    let n = rows.len();
    let mut scale = schedule.terms().currency.minor_units();
    // Byte offsets of the parts: 16-byte decimals, 8-byte integers, 4-byte dates, then bits (Arrow
    // booleans, least significant first).
    let ints_at = AMOUNTS.len() * n * 16;
    let dates_at = ints_at + 2 * n * 8;
    let bits_at = dates_at + n * 4;
    let data = PyBytes::new_with(py, bits_at + n.div_ceil(8), |out| {
        let (decimals, rest) = out.split_at_mut(ints_at);
        let (ints, rest) = rest.split_at_mut(dates_at - ints_at);
        let (dates, bits) = rest.split_at_mut(bits_at - dates_at);
        // At the currency's scale first; an amount with more places (the core refuses them) widens
        // the scale to the amounts' own, and the columns are written again.
        if !decimal_columns(decimals, rows, scale) {
            scale = amount_scale(schedule);
            if !decimal_columns(decimals, rows, scale) {
                check_decimal128(rows, scale)?;
            }
        }
        let (numbers, days) = ints.split_at_mut(n * 8);
        put_all(
            numbers,
            rows.iter().map(|r| i64::from(r.number).to_le_bytes()),
        );
        put_all(days, rows.iter().map(|r| r.days.to_le_bytes()));
        put_all(
            dates,
            rows.iter().map(|r| epoch_days(r.due_date).to_le_bytes()),
        );
        for (i, r) in rows.iter().enumerate() {
            if r.holiday {
                bits[i / 8] |= 1 << (i % 8);
            }
        }
        Ok(())
    })?;
    let buffer = pa.py_buffer.bind(py).call1((data,))?;
    let from_buffers = pa.from_buffers.bind(py);
    // An array of `len` values of `data_type` from element `offset` of the buffer (no nulls).
    let array = |data_type: &Bound<'py, PyAny>, len: usize, offset: usize| {
        let buffers = PyList::new(py, [py.None().into_bound(py), buffer.clone()])?;
        from_buffers.call1((data_type, len, buffers, 0, offset))
    };
    // Columns of one type are slices of one array over their parts: a slice costs a third of an array
    // made from buffers, and is the same array (the same buffer, offset and length).
    let slice = pyo3::intern!(py, "slice");
    let int64 = pa.int64.bind(py);
    let ints = array(int64, 2 * n, ints_at / 8)?;
    let decimal = pa.decimal128.bind(py).call1((38, scale))?;
    let decimals = array(&decimal, AMOUNTS.len() * n, 0)?;
    let mut names: Vec<&str> = vec!["number", "due_date", "days"];
    let mut arrays = vec![
        ints.call_method1(slice, (0, n))?,
        array(pa.date32.bind(py), n, dates_at / 4)?,
        ints.call_method1(slice, (n, n))?,
    ];
    for (k, name) in AMOUNTS.into_iter().enumerate() {
        names.push(name);
        arrays.push(decimals.call_method1(slice, (k * n, n))?);
    }
    names.push("holiday");
    arrays.push(array(pa.boolean.bind(py), n, bits_at * 8)?);
    // Table.from_arrays: ~0.6 us faster than a RecordBatch made into a table (pyarrow 26, ten columns,
    // measured in to_arrow itself).
    pa.table_from_arrays
        .bind(py)
        .call1((PyList::new(py, arrays)?, PyList::new(py, names)?))
}

/// The schedule as a pandas DataFrame with Arrow-backed columns.
pub fn to_pandas<'py>(py: Python<'py>, schedule: &Schedule) -> PyResult<Bound<'py, PyAny>> {
    let pd = optional_import(py, "pandas", "to_pandas")?;
    let table = to_arrow(py, schedule)?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("types_mapper", pd.getattr("ArrowDtype")?)?;
    table.call_method("to_pandas", (), Some(&kwargs))
}

/// `repr`: the row count, dates, currency, level payment and totals.
pub fn summary(schedule: &Schedule) -> String {
    let rows = schedule.rows();
    let t = schedule.totals();
    let dates = match (rows.first(), rows.last()) {
        (Some(first), Some(last)) => format!(" {}..{}", first.due_date, last.due_date),
        _ => String::new(),
    };
    let level = schedule
        .level_payment()
        .map_or_else(|| String::from("None"), |p| p.to_string());
    format!(
        "<Schedule {} rows{dates} {} level_payment={level} payment={} interest={} principal={}>",
        rows.len(),
        schedule.terms().currency.code(),
        t.payment,
        t.interest,
        t.principal,
    )
}

/// Rows shown at each end of a long schedule in HTML.
const HTML_EDGE_ROWS: usize = 10;

/// The HTML view for notebooks: the totals, then the rows (the first and last ten of a long one).
pub fn html(schedule: &Schedule) -> String {
    let rows = schedule.rows();
    let t = schedule.totals();
    let code = escape(schedule.terms().currency.code());
    let mut out = String::with_capacity(4096);
    let level = schedule
        .level_payment()
        .map_or_else(String::new, |p| format!(", level payment {p}"));
    let _ = write!(
        out,
        "<div class=\"collections-schedule\"><p><b>Schedule</b>: {} rows in {code}{level}; \
         totals: payment {}, interest {}, principal {}</p>\n<table>\n<thead><tr><th>number</th>\
         <th>due_date</th><th>days</th>",
        rows.len(),
        t.payment,
        t.interest,
        t.principal,
    );
    for name in AMOUNTS {
        let _ = write!(out, "<th>{name}</th>");
    }
    out.push_str("<th>holiday</th></tr></thead>\n<tbody>\n");
    let row_html = |out: &mut String, r: &Row| {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td>",
            r.number, r.due_date, r.days
        );
        for value in amounts(r) {
            let _ = write!(out, "<td style=\"text-align:right\">{value}</td>");
        }
        let _ = writeln!(
            out,
            "<td>{}</td></tr>",
            if r.holiday { "holiday" } else { "" }
        );
    };
    if rows.len() > 2 * HTML_EDGE_ROWS {
        rows[..HTML_EDGE_ROWS]
            .iter()
            .for_each(|r| row_html(&mut out, r));
        let _ = writeln!(
            out,
            "<tr><td colspan=\"{}\" style=\"text-align:center\">&hellip; {} more rows &hellip;</td></tr>",
            AMOUNTS.len() + 4,
            rows.len() - 2 * HTML_EDGE_ROWS
        );
        rows[rows.len() - HTML_EDGE_ROWS..]
            .iter()
            .for_each(|r| row_html(&mut out, r));
    } else {
        rows.iter().for_each(|r| row_html(&mut out, r));
    }
    out.push_str("</tbody>\n</table></div>");
    out
}
