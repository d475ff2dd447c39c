//! Tabular results as a `pyarrow.Table` or a pandas DataFrame, as `Schedule.to_arrow()` makes them:
//! amounts as exact `decimal128(38, scale)` (the scale the column's own: the currency's minor units, or
//! more where an amount has more places), dates as `date32`, counts as `int64`, flags as `bool`, names
//! as `string`; a missing value (a level not reached, no date) is a null.
//!
//! Numeric columns are written by Rust into one buffer each, which pyarrow wraps as it is; text columns
//! go through `pyarrow.array`. pyarrow and pandas are imported on first use; a missing one is an
//! `ImportError` naming the export that needs it.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use collections_core::Error;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use rust_decimal::Decimal;

use crate::arrow::units_at;
use crate::convert::html_escape;
use crate::errors::raise;

/// One column's values.
#[derive(Debug)]
pub enum Column {
    /// `string`.
    Text(Vec<Option<String>>),
    /// `int64`.
    Int(Vec<Option<i64>>),
    /// `date32`.
    Date(Vec<Option<NaiveDate>>),
    /// `bool`.
    Bool(Vec<bool>),
    /// `decimal128(38, scale)`, the scale at least `min_scale`.
    Decimal(Vec<Option<Decimal>>, u32),
    /// Python objects (ids as the caller gave them), typed by `pyarrow.array`.
    Objects(Vec<Py<PyAny>>),
}

/// A table being built: named columns of one length.
#[derive(Debug, Default)]
pub struct Table {
    names: Vec<&'static str>,
    columns: Vec<Column>,
}

impl Table {
    /// Adds a column.
    pub fn add(&mut self, name: &'static str, column: Column) -> &mut Self {
        self.names.push(name);
        self.columns.push(column);
        self
    }
}

/// Imports an optional dependency of an export, or says which export needs it.
pub(crate) fn optional_import<'py>(
    py: Python<'py>,
    module: &str,
    export: &str,
) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|err| {
        if err.is_instance_of::<PyImportError>(py) {
            let missing = PyImportError::new_err(format!(
                "{export}() needs {module}, which is not installed: pip install {module}"
            ));
            missing.set_cause(py, Some(err));
            missing
        } else {
            err
        }
    })
}

/// 1970-01-01 counted from 0001-01-01 as chrono's `num_days_from_ce` counts it.
const UNIX_EPOCH_FROM_CE: i32 = 719_163;

/// Arrow's validity bitmap (`None` when nothing is missing) and the null count.
fn validity<T>(values: &[Option<T>]) -> (Option<Vec<u8>>, usize) {
    let nulls = values.iter().filter(|v| v.is_none()).count();
    if nulls == 0 {
        return (None, 0);
    }
    let mut bits = vec![0u8; values.len().div_ceil(8)];
    for (i, v) in values.iter().enumerate() {
        if v.is_some() {
            bits[i / 8] |= 1 << (i % 8);
        }
    }
    (Some(bits), nulls)
}

/// An Arrow array of fixed-width values from their little-endian bytes.
fn fixed_array<'py, T>(
    pa: &Bound<'py, PyModule>,
    data_type: Bound<'py, PyAny>,
    values: &[Option<T>],
    width: usize,
    write: impl Fn(&T, &mut [u8]),
) -> PyResult<Bound<'py, PyAny>> {
    let py = pa.py();
    let mut data = vec![0u8; values.len() * width];
    for (i, v) in values.iter().enumerate() {
        if let Some(v) = v {
            write(v, &mut data[i * width..(i + 1) * width]);
        }
    }
    let (bits, nulls) = validity(values);
    let buffer = |bytes: &[u8]| pa.getattr("py_buffer")?.call1((PyBytes::new(py, bytes),));
    let bits = match bits {
        Some(b) => buffer(&b)?,
        None => py.None().into_bound(py),
    };
    let buffers = PyList::new(py, [bits, buffer(&data)?])?;
    pa.getattr("Array")?
        .getattr("from_buffers")?
        .call1((data_type, values.len(), buffers, nulls))
}

/// One column as an Arrow array; `name` for an amount that does not fit decimal128.
fn array<'py>(
    pa: &Bound<'py, PyModule>,
    name: &'static str,
    column: &Column,
) -> PyResult<Bound<'py, PyAny>> {
    let py = pa.py();
    match column {
        Column::Text(values) => {
            let kwargs = PyDict::new(py);
            kwargs.set_item("type", pa.getattr("string")?.call0()?)?;
            pa.getattr("array")?
                .call((PyList::new(py, values)?,), Some(&kwargs))
        }
        Column::Objects(values) => pa.getattr("array")?.call1((PyList::new(py, values)?,)),
        Column::Int(values) => {
            fixed_array(pa, pa.getattr("int64")?.call0()?, values, 8, |v, out| {
                out.copy_from_slice(&v.to_le_bytes())
            })
        }
        Column::Date(values) => {
            fixed_array(pa, pa.getattr("date32")?.call0()?, values, 4, |d, out| {
                let days = d.num_days_from_ce() - UNIX_EPOCH_FROM_CE;
                out.copy_from_slice(&days.to_le_bytes())
            })
        }
        Column::Bool(values) => {
            let kwargs = PyDict::new(py);
            kwargs.set_item("type", pa.getattr("bool_")?.call0()?)?;
            pa.getattr("array")?
                .call((PyList::new(py, values)?,), Some(&kwargs))
        }
        Column::Decimal(values, min_scale) => {
            let scale = values
                .iter()
                .flatten()
                .map(|v| v.scale())
                .fold(*min_scale, u32::max);
            let mut units = Vec::with_capacity(values.len());
            for v in values {
                units.push(match v {
                    Some(v) => Some(units_at(*v, scale).ok_or_else(|| {
                        raise(Error::Overflow {
                            field: name,
                            value: v.to_string(),
                        })
                    })?),
                    None => None,
                });
            }
            let data_type = pa.getattr("decimal128")?.call1((38, scale))?;
            fixed_array(pa, data_type, &units, 16, |u, out| {
                out.copy_from_slice(&u.to_le_bytes())
            })
        }
    }
}

/// The table as a `pyarrow.Table`; `export` names the method for a missing pyarrow.
pub fn to_arrow<'py>(py: Python<'py>, table: &Table, export: &str) -> PyResult<Bound<'py, PyAny>> {
    let pa = optional_import(py, "pyarrow", export)?;
    let arrays = table
        .names
        .iter()
        .zip(&table.columns)
        .map(|(name, column)| array(&pa, name, column))
        .collect::<PyResult<Vec<_>>>()?;
    pa.getattr("Table")?
        .getattr("from_arrays")?
        .call1((PyList::new(py, arrays)?, PyList::new(py, &table.names)?))
}

/// The table as a pandas DataFrame with `pd.ArrowDtype` columns (amounts stay exact decimals).
pub fn to_pandas<'py>(py: Python<'py>, table: &Table, export: &str) -> PyResult<Bound<'py, PyAny>> {
    let pd = optional_import(py, "pandas", export)?;
    let arrow = to_arrow(py, table, export)?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("types_mapper", pd.getattr("ArrowDtype")?)?;
    arrow.call_method("to_pandas", (), Some(&kwargs))
}

/// The `money` argument of a table call: `None` or `'decimal128'` (exact, the default) or `'float64'`
/// (amounts cast to float64 on the way out); whether floats were asked for.
pub fn float_money_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<bool> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(false);
    };
    match crate::convert::str_arg(obj, "money")?.as_str() {
        "decimal128" => Ok(false),
        "float64" => Ok(true),
        other => Err(crate::errors::invalid(
            "money",
            other,
            "must be 'decimal128' (exact, the default) or 'float64'",
        )),
    }
}

/// The table as a pandas DataFrame when `pandas`, otherwise a `pyarrow.Table`; with `float_money`,
/// its amounts (decimal128) cast to float64.
#[allow(dead_code)] // the batch calls moved to `crate::arrow::give_back`
pub fn to_table<'py>(
    py: Python<'py>,
    table: &Table,
    export: &str,
    pandas: bool,
    float_money: bool,
) -> PyResult<Bound<'py, PyAny>> {
    if !float_money {
        return if pandas {
            to_pandas(py, table, export)
        } else {
            to_arrow(py, table, export)
        };
    }
    let pa = optional_import(py, "pyarrow", export)?;
    let mut arrow = to_arrow(py, table, export)?;
    for (i, (name, column)) in table.names.iter().zip(&table.columns).enumerate() {
        if matches!(column, Column::Decimal(..)) {
            let floats = arrow
                .call_method1("column", (i,))?
                .call_method1("cast", (pa.getattr("float64")?.call0()?,))?;
            arrow = arrow.call_method1("set_column", (i, *name, floats))?;
        }
    }
    if !pandas {
        return Ok(arrow);
    }
    let pd = optional_import(py, "pandas", export)?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("types_mapper", pd.getattr("ArrowDtype")?)?;
    arrow.call_method("to_pandas", (), Some(&kwargs))
}

/// One cell as text (`<NA>` for a missing value, as pandas shows it).
fn cell(py: Python<'_>, column: &Column, row: usize) -> PyResult<String> {
    const MISSING: &str = "<NA>";
    let text = |v: Option<String>| v.unwrap_or_else(|| MISSING.to_string());
    Ok(match column {
        Column::Text(v) => text(v[row].clone()),
        Column::Int(v) => text(v[row].map(|x| x.to_string())),
        Column::Date(v) => text(v[row].map(|x| x.to_string())),
        Column::Bool(v) => (if v[row] { "True" } else { "False" }).to_string(),
        Column::Decimal(v, _) => text(v[row].map(|x| x.to_string())),
        Column::Objects(v) => v[row].bind(py).str()?.to_cow()?.into_owned(),
    })
}

/// The number of rows of a table.
fn row_count(table: &Table) -> usize {
    table.columns.first().map_or(0, |c| match c {
        Column::Text(v) => v.len(),
        Column::Int(v) => v.len(),
        Column::Date(v) => v.len(),
        Column::Bool(v) => v.len(),
        Column::Decimal(v, _) => v.len(),
        Column::Objects(v) => v.len(),
    })
}

/// Rows shown at each end of a long table in HTML (as `Schedule._repr_html_` shows a schedule).
const HTML_EDGE_ROWS: usize = 10;

/// The table as HTML for a notebook's `_repr_html_`, as `Schedule._repr_html_` lays a schedule out:
/// `title` (a summary) above the table, amounts as their exact text and right-aligned with the other
/// numbers, missing values as `<NA>`, a long table's middle rows elided. Needs neither pyarrow nor
/// pandas.
pub fn to_html(py: Python<'_>, table: &Table, title: &str) -> PyResult<String> {
    let n = row_count(table);
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "<div class=\"collections-table\"><p>{}</p>\n<table>\n<thead><tr>",
        html_escape(title)
    );
    for name in &table.names {
        let _ = write!(out, "<th>{}</th>", html_escape(name));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let row_html = |out: &mut String, row: usize| -> PyResult<()> {
        out.push_str("<tr>");
        for column in &table.columns {
            let value = html_escape(&cell(py, column, row)?);
            if matches!(column, Column::Int(_) | Column::Decimal(..)) {
                let _ = write!(out, "<td style=\"text-align:right\">{value}</td>");
            } else {
                let _ = write!(out, "<td>{value}</td>");
            }
        }
        out.push_str("</tr>\n");
        Ok(())
    };
    if n > 2 * HTML_EDGE_ROWS {
        for row in 0..HTML_EDGE_ROWS {
            row_html(&mut out, row)?;
        }
        let _ = writeln!(
            out,
            "<tr><td colspan=\"{}\" style=\"text-align:center\">&hellip; {} more rows &hellip;</td></tr>",
            table.columns.len(),
            n - 2 * HTML_EDGE_ROWS
        );
        for row in n - HTML_EDGE_ROWS..n {
            row_html(&mut out, row)?;
        }
    } else {
        for row in 0..n {
            row_html(&mut out, row)?;
        }
    }
    out.push_str("</tbody>\n</table></div>");
    Ok(out)
}
