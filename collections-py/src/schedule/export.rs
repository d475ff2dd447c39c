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

/// A row's amounts in the order of [`AMOUNTS`] (a plain array, so the column loops inline).
fn amounts(r: &Row) -> [Decimal; 6] {
    [
        r.opening_balance,
        r.payment,
        r.interest,
        r.deferred_interest,
        r.principal,
        r.closing_balance,
    ]
}

/// Days since 1970-01-01 (Arrow's date32 and numpy's datetime64[D]).
fn epoch_days(date: NaiveDate) -> i32 {
    date.num_days_from_ce() - UNIX_EPOCH_FROM_CE
}

/// `value` as a whole number of `10^-scale` units, if it is one and fits an `i128`.
#[inline(always)]
fn units_at(value: Decimal, scale: u32) -> Option<i128> {
    // Schedule amounts already have the column's scale: the mantissa is the answer.
    if value.scale() == scale {
        Some(value.mantissa())
    } else {
        rescaled_units(value, scale)
    }
}

/// [`units_at`] for an amount of another scale.
#[inline(never)]
fn rescaled_units(value: Decimal, scale: u32) -> Option<i128> {
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
    let minor = |name: &'static str, value: Decimal| -> PyResult<i64> {
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
    batch_from_arrays: Py<PyAny>,
    table_from_batches: Py<PyAny>,
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
            batch_from_arrays: pa.getattr("RecordBatch")?.getattr("from_arrays")?.unbind(),
            table_from_batches: pa.getattr("Table")?.getattr("from_batches")?.unbind(),
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

/// The schedule as a `pyarrow.Table`.
///
/// One pass over the rows writes four buffers (the six decimal columns; `number` and `days`; the
/// dates; the holiday bits), and each column is an Arrow array over its part of one of them.
pub fn to_arrow<'py>(py: Python<'py>, schedule: &Schedule) -> PyResult<Bound<'py, PyAny>> {
    let pa = arrow(py)?;
    let rows = schedule.rows();
    let n = rows.len();
    let scale = amount_scale(schedule);
    let mut decimals = vec![0u8; AMOUNTS.len() * n * 16];
    let mut ints = vec![0u8; 2 * n * 8];
    let mut dates = vec![0u8; n * 4];
    // Arrow booleans are bits, least significant first.
    let mut bits = vec![0u8; n.div_ceil(8)];
    for (i, r) in rows.iter().enumerate() {
        for (k, (name, value)) in AMOUNTS.into_iter().zip(amounts(r)).enumerate() {
            // A Decimal's own mantissa (96 bits) always fits; a rescaled one may not.
            let units = units_at(value, scale)
                .filter(|u| {
                    value.scale() == scale || u.unsigned_abs() < DECIMAL128_LIMIT.unsigned_abs()
                })
                .ok_or_else(|| {
                    raise(Error::Overflow {
                        field: name,
                        value: value.to_string(),
                    })
                })?;
            let at = (k * n + i) * 16;
            decimals[at..at + 16].copy_from_slice(&units.to_le_bytes());
        }
        ints[i * 8..i * 8 + 8].copy_from_slice(&i64::from(r.number).to_le_bytes());
        ints[(n + i) * 8..(n + i) * 8 + 8].copy_from_slice(&r.days.to_le_bytes());
        dates[i * 4..i * 4 + 4].copy_from_slice(&epoch_days(r.due_date).to_le_bytes());
        if r.holiday {
            bits[i / 8] |= 1 << (i % 8);
        }
    }
    let py_buffer = pa.py_buffer.bind(py);
    let buffer = |data: &[u8]| py_buffer.call1((PyBytes::new(py, data),));
    let (decimals, ints, dates, bits) = (
        buffer(&decimals)?,
        buffer(&ints)?,
        buffer(&dates)?,
        buffer(&bits)?,
    );
    let from_buffers = pa.from_buffers.bind(py);
    // An array of `n` values of `data_type` from element `offset` of `data` (no nulls).
    let array = |data_type: &Bound<'py, PyAny>, data: &Bound<'py, PyAny>, offset: usize| {
        let buffers = PyList::new(py, [py.None().into_bound(py), data.clone()])?;
        from_buffers.call1((data_type, n, buffers, 0, offset))
    };
    let int64 = pa.int64.bind(py);
    let decimal = pa.decimal128.bind(py).call1((38, scale))?;
    let mut names: Vec<&str> = vec!["number", "due_date", "days"];
    let mut arrays = vec![
        array(int64, &ints, 0)?,
        array(pa.date32.bind(py), &dates, 0)?,
        array(int64, &ints, n)?,
    ];
    for (k, name) in AMOUNTS.into_iter().enumerate() {
        names.push(name);
        arrays.push(array(&decimal, &decimals, k * n)?);
    }
    names.push("holiday");
    arrays.push(array(pa.boolean.bind(py), &bits, 0)?);
    // A record batch made into a table: a quarter faster than `Table.from_arrays` for ten columns.
    let batch = pa
        .batch_from_arrays
        .bind(py)
        .call1((PyList::new(py, arrays)?, PyList::new(py, names)?))?;
    pa.table_from_batches
        .bind(py)
        .call1((PyList::new(py, [batch])?,))
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

/// Text made safe for HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
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
