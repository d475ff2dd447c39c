//! numpy columns for the finance functions: numpy-financial's broadcasting, on float64 buffers or on
//! object arrays of Decimals.
//!
//! The arguments are broadcast by numpy's rules (shapes aligned on the right, each dimension equal or 1).
//! On the f64 path every array argument is read as a contiguous float64 buffer of the broadcast shape
//! (numpy converts an int or float32 array, or repeats a broadcast one, in C; a float64 array of that
//! shape is read in place) and the core's column kernel (`pmt_rows`, ..., in AVX2 where the processor
//! has it: [`super::simd`]) runs over the rows, with no Python object per element, detached from the
//! interpreter and split over the threads of `set_threads` for long columns; the result is a new float64 array.
//! On the exact path each element of an object array
//! is read as a Decimal once, the rows are solved in Decimal (detached, on every core), and the result
//! is an object array of `decimal.Decimal`.
//!
//! A row without a result (a rate at or below -100%, a NaN, a payment that never repays) raises the
//! row's error for the first such row in C order, its value naming the index (`at index 3`, or
//! `at index (1, 2)` in several dimensions), where numpy-financial would put a NaN in that row.
//!
//! numpy is imported only when an array is given: scalar calls never need it.
//!
//! Arrow columns (a pyarrow Array or ChunkedArray, a pandas or polars Series) go through
//! [`arrow_rows`] instead: read through the Arrow layer (`crate::arrow`) with no Python object per
//! value, one-dimensional and all of one length (numpy arrays and lists among them read the same
//! way), a float64 column taking the f64 path and decimal128 columns the exact one; the result is a
//! column of the same kind.

use collections_core::finance::float::{self, RowError};
use collections_core::Error;
use numpy::{
    PyArray1, PyArrayDescrMethods, PyArrayDyn, PyArrayMethods, PyUntypedArray,
    PyUntypedArrayMethods,
};
use pyo3::prelude::*;
use rust_decimal::Decimal;

use super::args::{use_float, Kind, Num, Series};
use crate::arrays::{loaded, numpy, Numpy};
use crate::arrow::{give_back_column, read_column, units_at, InputColumn, ValueKind};
use crate::convert::{decimal_out, decimal_value, describe};
use crate::errors::{invalid, raise};
use crate::threads::{par_map, threads_for};
use arrow_array::{ArrayRef, Decimal128Array, Float64Array};
use arrow_buffer::NullBuffer;
use std::sync::Arc;

/// Rows per thread below which a float64 column is not split (a row costs tens of nanoseconds, a
/// thread tens of microseconds).
const FLOAT_ROWS_PER_THREAD: usize = 1 << 16;
/// The same for Decimal rows (a row costs about a microsecond).
const EXACT_ROWS_PER_THREAD: usize = 256;

/// A one-dimensional numeric numpy array as a series, read from its buffer; `None` for anything else
/// (lists, object arrays), which is read item by item.
pub fn numeric_series(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Option<Series>> {
    let py = obj.py();
    let Some(np) = loaded(py)? else {
        return Ok(None);
    };
    let Ok(array) = obj.cast::<PyUntypedArray>() else {
        return Ok(None);
    };
    let kind = array.dtype().kind();
    if !matches!(kind, b'f' | b'i' | b'u') {
        return Ok(None);
    }
    if array.ndim() != 1 {
        return Err(invalid(
            field,
            format!("an array of shape {:?}", array.shape()),
            "a series of cash flows must be one-dimensional",
        ));
    }
    if kind == b'f' {
        let floats = np
            .ascontiguousarray
            .call1(py, (array, np.float64.bind(py)))?
            .into_bound(py)
            .cast_into::<PyArrayDyn<f64>>()?;
        let values = floats.try_readonly()?.as_slice()?.to_vec();
        return Ok(Some(Series::Float(values)));
    }
    let ints = np
        .ascontiguousarray
        .call1(py, (array, np.int64.bind(py)))?
        .into_bound(py)
        .cast_into::<PyArrayDyn<i64>>()?;
    let values = ints.try_readonly()?.as_slice()?.to_vec();
    Ok(Some(Series::Numeric(values)))
}

/// numpy's broadcast shape of `shapes`; a shape that does not fit names its argument.
fn broadcast_shape(shapes: &[(&[usize], &'static str)]) -> PyResult<Vec<usize>> {
    let ndim = shapes.iter().map(|(s, _)| s.len()).max().unwrap_or(0);
    let mut out = vec![1; ndim];
    for (shape, field) in shapes {
        for (axis, d) in shape.iter().rev().enumerate() {
            let o = &mut out[ndim - 1 - axis];
            if *o == 1 {
                *o = *d;
            } else if *d != 1 && *d != *o {
                return Err(invalid(
                    field,
                    format!("an array of shape {shape:?}"),
                    format!("does not broadcast with the other arguments (shape so far {out:?})"),
                ));
            }
        }
    }
    Ok(out)
}

/// One argument over the broadcast rows.
enum Column<'a, T> {
    /// A scalar, or an array of one element.
    Scalar(T),
    /// An array of the broadcast shape itself, in C order.
    Full(&'a [T]),
    /// An array broadcast along some axes: its stride (in elements) on each axis of the result, 0
    /// where it repeats.
    Strided(&'a [T], Vec<usize>),
}

impl<'a, T: Copy> Column<'a, T> {
    fn new(data: &'a [T], own: &[usize], shape: &[usize]) -> Self {
        let size: usize = shape.iter().product();
        if data.len() == 1 {
            return Column::Scalar(data[0]);
        }
        if data.len() == size
            && own
                .iter()
                .rev()
                .zip(shape.iter().rev())
                .all(|(a, b)| a == b)
        {
            return Column::Full(data);
        }
        let mut strides = vec![0; shape.len()];
        let mut stride = 1;
        for (axis, d) in own.iter().rev().enumerate() {
            if *d != 1 {
                strides[shape.len() - 1 - axis] = stride;
            }
            stride *= d;
        }
        Column::Strided(data, strides)
    }

    #[inline]
    fn at(&self, row: usize, shape: &[usize]) -> T {
        match self {
            Column::Scalar(x) => *x,
            Column::Full(data) => data[row],
            Column::Strided(data, strides) => {
                let mut rest = row;
                let mut offset = 0;
                for (d, s) in shape.iter().zip(strides).rev() {
                    offset += (rest % d) * s;
                    rest /= d;
                }
                data[offset]
            }
        }
    }
}

/// Solves rows `start..start + out.len()` into `out`, stopping at the first error.
fn fill<T: Copy, R, const N: usize>(
    columns: &[Column<'_, T>; N],
    shape: &[usize],
    start: usize,
    out: &mut [R],
    solve: &impl Fn([T; N]) -> Result<R, Error>,
) -> Result<(), (usize, Error)> {
    for (k, slot) in out.iter_mut().enumerate() {
        let row = start + k;
        let args: [T; N] = std::array::from_fn(|j| columns[j].at(row, shape));
        *slot = solve(args).map_err(|e| (row, e))?;
    }
    Ok(())
}

/// Solves every row, on several threads when there are enough rows; the error of the first bad row.
fn run<T: Copy + Sync, R: Send, const N: usize>(
    columns: &[Column<'_, T>; N],
    shape: &[usize],
    out: &mut [R],
    solve: &(impl Fn([T; N]) -> Result<R, Error> + Sync),
    rows_per_thread: usize,
) -> Result<(), (usize, Error)> {
    let threads = threads_for(out.len(), rows_per_thread);
    if threads == 1 {
        return fill(columns, shape, 0, out, solve);
    }
    let chunk = out.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = out
            .chunks_mut(chunk)
            .enumerate()
            .map(|(k, part)| scope.spawn(move || fill(columns, shape, k * chunk, part, solve)))
            .collect();
        // Joined in order, so the error reported is the first bad row's.
        parts.into_iter().try_for_each(|part| {
            part.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    })
}

/// `3` for a row of a one-dimensional result, `(1, 2)` in several dimensions.
fn index_text(row: usize, shape: &[usize]) -> String {
    if shape.len() <= 1 {
        return row.to_string();
    }
    let mut index = vec![0; shape.len()];
    let mut rest = row;
    for (i, d) in index.iter_mut().zip(shape).rev() {
        *i = rest % d;
        rest /= d;
    }
    let parts: Vec<String> = index.iter().map(usize::to_string).collect();
    format!("({})", parts.join(", "))
}

/// The error of a row, its value naming the row's index.
fn at_index(err: Error, row: usize, shape: &[usize]) -> PyErr {
    let index = index_text(row, shape);
    raise(crate::arrow::map_value(err, |value| {
        format!("{value} at index {index}")
    }))
}

/// An element of an object array as a Decimal, or the core error for it (so its index can be added).
fn exact_item(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Result<Decimal, Error>> {
    decimal_value(
        obj,
        field,
        "a float among decimals: give an array of floats (float64) or of decimal.Decimal, not both",
    )
}

/// An array argument as a numpy array, and what it asks of the path.
fn as_array<'py>(
    np: &Numpy,
    obj: &Bound<'py, PyAny>,
    field: &'static str,
) -> PyResult<(Bound<'py, PyUntypedArray>, Kind)> {
    let py = obj.py();
    let array = np
        .asarray
        .call1(py, (obj,))
        .map_err(|err| {
            invalid(
                field,
                describe(obj),
                format!("not an array of numbers: {err}"),
            )
        })?
        .into_bound(py)
        .cast_into::<PyUntypedArray>()?;
    let kind = match array.dtype().kind() {
        b'f' => Kind::Float,
        b'i' | b'u' => Kind::Numeric,
        b'O' | b'U' | b'S' => Kind::Exact,
        _ => {
            let dtype = array.dtype().str()?.to_cow()?.into_owned();
            return Err(invalid(
                field,
                describe(obj),
                format!("expected an array of numbers or of decimal.Decimal, not of {dtype}"),
            ));
        }
    };
    Ok((array, kind))
}

/// A row function of N numeric arguments over broadcast arrays: float64 in, float64 out, or Decimal
/// objects in, Decimal objects out (see the module documentation).
pub fn broadcast<'py, const N: usize>(
    py: Python<'py>,
    args: [Num<'py>; N],
    fields: [&'static str; N],
    exact: impl Fn([Decimal; N]) -> Result<Decimal, Error> + Sync,
    fast: impl for<'a> Fn([float::Column<'a>; N], &mut [f64]) -> Result<(), RowError> + Sync,
) -> PyResult<Bound<'py, PyAny>> {
    let np = numpy(py)?;
    let mut arrays: Vec<Option<Bound<'py, PyUntypedArray>>> = Vec::with_capacity(N);
    let mut kinds = [Kind::Neutral; N];
    for ((arg, field), kind) in args.iter().zip(fields).zip(kinds.iter_mut()) {
        match arg {
            Num::Array(obj) => {
                let (array, k) = as_array(np, obj, field)?;
                *kind = k;
                arrays.push(Some(array));
            }
            scalar => {
                *kind = scalar.kind();
                arrays.push(None);
            }
        }
    }
    let shapes: Vec<(Vec<usize>, &'static str)> = arrays
        .iter()
        .zip(fields)
        .filter_map(|(a, f)| a.as_ref().map(|a| (a.shape().to_vec(), f)))
        .collect();
    let borrowed: Vec<(&[usize], &'static str)> =
        shapes.iter().map(|(s, f)| (s.as_slice(), *f)).collect();
    let shape = broadcast_shape(&borrowed)?;
    if use_float(kinds) {
        float_rows(py, np, &args, &arrays, fields, &shape, fast)
    } else {
        exact_rows(py, np, &args, &arrays, fields, &shape, exact)
    }
}

fn float_rows<'py, const N: usize>(
    py: Python<'py>,
    np: &Numpy,
    args: &[Num<'py>; N],
    arrays: &[Option<Bound<'py, PyUntypedArray>>],
    fields: [&'static str; N],
    shape: &[usize],
    fast: impl for<'a> Fn([float::Column<'a>; N], &mut [f64]) -> Result<(), RowError> + Sync,
) -> PyResult<Bound<'py, PyAny>> {
    // Each array as a contiguous float64 array of the broadcast shape (numpy converts and repeats in C;
    // a float64 array of that shape is read in place), or one value when it has one element.
    let mut guards = Vec::with_capacity(N);
    let mut scalars = [0.0; N];
    for (((arg, array), field), scalar) in args.iter().zip(arrays).zip(fields).zip(&mut scalars) {
        match array {
            Some(array) => {
                let whole = if array.len() == 1 || array.shape() == shape {
                    array.clone().into_any()
                } else {
                    np.broadcast_to
                        .call1(py, (array, shape.to_vec()))?
                        .into_bound(py)
                };
                let floats = np
                    .ascontiguousarray
                    .call1(py, (whole, np.float64.bind(py)))
                    .map_err(|err| {
                        invalid(
                            field,
                            describe(array),
                            format!("cannot be read as float64: {err}"),
                        )
                    })?
                    .into_bound(py)
                    .cast_into::<PyArrayDyn<f64>>()?;
                guards.push(Some(floats.try_readonly()?));
            }
            None => {
                *scalar = arg.float(field)?;
                guards.push(None);
            }
        }
    }
    let mut columns: Vec<float::Column<'_>> = Vec::with_capacity(N);
    for (guard, scalar) in guards.iter().zip(scalars) {
        columns.push(match guard {
            Some(g) => match g.as_slice()? {
                [one] => float::Column::Same(*one),
                values => float::Column::Values(values),
            },
            None => float::Column::Same(scalar),
        });
    }
    let columns: [float::Column<'_>; N] = columns
        .try_into()
        .map_err(|_| invalid("values", "", "internal: argument count"))?;

    let out = PyArrayDyn::<f64>::zeros(py, shape, false);
    {
        let mut written = out.try_readwrite()?;
        let slots = written.as_slice_mut()?;
        py.detach(|| float_parts(columns, slots, &fast))
            .map_err(|e| at_index(e.error, e.row, shape))?;
    }
    if shape.is_empty() {
        return out.call_method0("item");
    }
    Ok(out.into_any())
}

/// Runs a column kernel over the rows, split over the cores for long columns; the first bad row's
/// error, its row counted from the start.
fn float_parts<const N: usize>(
    columns: [float::Column<'_>; N],
    out: &mut [f64],
    fast: &(impl for<'a> Fn([float::Column<'a>; N], &mut [f64]) -> Result<(), RowError> + Sync),
) -> Result<(), RowError> {
    let threads = threads_for(out.len(), FLOAT_ROWS_PER_THREAD);
    if threads == 1 {
        return fast(columns, out);
    }
    let chunk = out.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = out
            .chunks_mut(chunk)
            .enumerate()
            .map(|(k, part)| {
                let start = k * chunk;
                let end = start + part.len();
                let columns = columns.map(|c| c.rows(start, end));
                scope.spawn(move || {
                    fast(columns, part).map_err(|e| RowError {
                        row: start + e.row,
                        error: e.error,
                    })
                })
            })
            .collect();
        // Joined in order, so the error reported is the first bad row's.
        parts.into_iter().try_for_each(|part| {
            part.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    })
}

fn exact_rows<'py, const N: usize>(
    py: Python<'py>,
    np: &Numpy,
    args: &[Num<'py>; N],
    arrays: &[Option<Bound<'py, PyUntypedArray>>],
    fields: [&'static str; N],
    shape: &[usize],
    exact: impl Fn([Decimal; N]) -> Result<Decimal, Error> + Sync,
) -> PyResult<Bound<'py, PyAny>> {
    // Each element of each array read once, as a Decimal, in the array's own shape.
    let mut values: Vec<(Vec<Decimal>, Vec<usize>)> = Vec::with_capacity(N);
    for ((arg, array), field) in args.iter().zip(arrays).zip(fields) {
        match array {
            Some(array) => {
                let objects = np
                    .ascontiguousarray
                    .call1(py, (array, np.object.bind(py)))?
                    .into_bound(py)
                    .cast_into::<PyArrayDyn<Py<PyAny>>>()?;
                let own = objects.shape().to_vec();
                let guard = objects.try_readonly()?;
                let mut decimals = Vec::with_capacity(guard.len());
                for (i, item) in guard.as_slice()?.iter().enumerate() {
                    match exact_item(item.bind(py), field)? {
                        Ok(d) => decimals.push(d),
                        Err(err) => return Err(at_index(err, i, &own)),
                    }
                }
                values.push((decimals, own));
            }
            None => values.push((vec![arg.decimal(field)?], Vec::new())),
        }
    }
    let columns: Vec<Column<'_, Decimal>> = values
        .iter()
        .map(|(data, own)| Column::new(data, own, shape))
        .collect();
    let columns: [Column<'_, Decimal>; N] = columns
        .try_into()
        .map_err(|_| invalid("values", "", "internal: argument count"))?;

    let size: usize = shape.iter().product();
    let mut out = vec![Decimal::ZERO; size];
    py.detach(|| run(&columns, shape, &mut out, &exact, EXACT_ROWS_PER_THREAD))
        .map_err(|(row, err)| at_index(err, row, shape))?;
    if shape.is_empty() {
        return decimal_out(py, out[0]);
    }
    let objects = out
        .into_iter()
        .map(|d| decimal_out(py, d).map(Bound::unbind))
        .collect::<PyResult<Vec<Py<PyAny>>>>()?;
    Ok(PyArray1::from_vec(py, objects).reshape(shape)?.into_any())
}

/// One argument of a call over Arrow columns: a column read through the Arrow layer, or a scalar.
enum ArrowArg {
    Column(InputColumn),
    Scalar,
}

/// A row function over Arrow columns (pyarrow Arrays or ChunkedArrays, pandas or polars Series; numpy
/// arrays and lists among them are read through the same layer, all of one length) and scalars: a
/// float column or a float scalar takes the f64 path (float64 out; the column kernel `fast_rows`
/// when no value is missing, else `fast` row by row, a row with a missing value giving a null), else
/// decimal128, int and text columns take the exact path, row by row in Decimal without a Python
/// object (decimal128 out, at the largest scale of the results that holds every row in 38 digits; a
/// missing value gives a null). The result is the kind of column the first Arrow argument is.
pub fn arrow_rows<'py, const N: usize>(
    py: Python<'py>,
    args: [Num<'py>; N],
    fields: [&'static str; N],
    exact: impl Fn([Decimal; N]) -> Result<Decimal, Error> + Sync,
    fast: impl Fn([f64; N]) -> Result<f64, Error> + Sync,
    fast_rows: impl for<'a> Fn([float::Column<'a>; N], &mut [f64]) -> Result<(), RowError> + Sync,
) -> PyResult<Bound<'py, PyAny>> {
    let mut like = None;
    let mut read = Vec::with_capacity(N);
    let mut kinds = [Kind::Neutral; N];
    let mut rows: Option<(usize, &'static str)> = None;
    for ((arg, field), kind) in args.iter().zip(fields).zip(kinds.iter_mut()) {
        match arg {
            Num::Arrow(obj) | Num::Array(obj) => {
                if like.is_none() && matches!(arg, Num::Arrow(_)) {
                    like = Some(obj.clone());
                }
                let column = read_column(obj, field)?;
                *kind =
                    match column.value_kind() {
                        ValueKind::Float => Kind::Float,
                        ValueKind::Int => Kind::Numeric,
                        ValueKind::Exact => Kind::Exact,
                        ValueKind::Other => return Err(invalid(
                            field,
                            describe(obj),
                            "expected a column of numbers (float, int, decimal) or decimal text",
                        )),
                    };
                match rows {
                    Some((n, first)) if n != column.len() => {
                        return Err(invalid(
                            field,
                            format!("{} values", column.len()),
                            format!("must have as many values as {first} ({n})"),
                        ))
                    }
                    None => rows = Some((column.len(), field)),
                    Some(_) => {}
                }
                read.push(ArrowArg::Column(column));
            }
            scalar => {
                *kind = scalar.kind();
                read.push(ArrowArg::Scalar);
            }
        }
    }
    let n = rows.map_or(0, |(n, _)| n);
    let like = like.ok_or_else(|| invalid(fields[0], "", "internal: no Arrow argument"))?;
    let shape = [n];
    let array: ArrayRef = if use_float(kinds) {
        let mut values: Vec<std::borrow::Cow<'_, [f64]>> = Vec::with_capacity(N);
        let mut scalars = [0.0; N];
        let mut missing = vec![false; n];
        for (((arg, a), field), scalar) in read.iter().zip(&args).zip(fields).zip(&mut scalars) {
            match arg {
                // A float64 column without nulls is read in place.
                ArrowArg::Column(c) if c.f64_values().is_some() => {
                    values.push(std::borrow::Cow::Borrowed(
                        c.f64_values().unwrap_or_default(),
                    ));
                }
                ArrowArg::Column(c) => {
                    let mut v = Vec::with_capacity(n);
                    for (row, gap) in missing.iter_mut().enumerate() {
                        match c.float(row).map_err(|e| at_index(e, row, &shape))? {
                            Some(x) => v.push(x),
                            None => {
                                *gap = true;
                                v.push(0.0);
                            }
                        }
                    }
                    values.push(std::borrow::Cow::Owned(v));
                }
                ArrowArg::Scalar => {
                    *scalar = a.float(field)?;
                    values.push(std::borrow::Cow::Owned(Vec::new()));
                }
            }
        }
        let columns: [float::Column<'_>; N] = std::array::from_fn(|j| match read[j] {
            ArrowArg::Column(_) => float::Column::Values(&values[j]),
            ArrowArg::Scalar => float::Column::Same(scalars[j]),
        });
        let mut out = vec![0.0; n];
        if missing.iter().any(|m| *m) {
            let solve = |row: &usize| -> Result<Option<f64>, Error> {
                if missing[*row] {
                    return Ok(None);
                }
                let args: [f64; N] = std::array::from_fn(|j| match columns[j] {
                    float::Column::Values(v) => v[*row],
                    float::Column::Same(x) => x,
                });
                fast(args).map(Some)
            };
            let indices: Vec<usize> = (0..n).collect();
            let solved = py
                .detach(|| par_map(&indices, FLOAT_ROWS_PER_THREAD, solve))
                .map_err(|(row, e)| at_index(e, row, &shape))?;
            Arc::new(Float64Array::from(solved))
        } else {
            py.detach(|| float_parts(columns, &mut out, &fast_rows))
                .map_err(|e| at_index(e.error, e.row, &shape))?;
            Arc::new(Float64Array::from(out))
        }
    } else {
        let mut scalars = [Decimal::ZERO; N];
        for ((arg, a), (field, scalar)) in
            read.iter().zip(&args).zip(fields.iter().zip(&mut scalars))
        {
            if let ArrowArg::Scalar = arg {
                *scalar = a.decimal(field)?;
            }
        }
        let solve = |row: &usize| -> Result<Option<Decimal>, Error> {
            let mut values = scalars;
            for (value, arg) in values.iter_mut().zip(&read) {
                if let ArrowArg::Column(c) = arg {
                    match c.decimal(*row, None)? {
                        Some(d) => *value = d,
                        None => return Ok(None),
                    }
                }
            }
            exact(values).map(Some)
        };
        let indices: Vec<usize> = (0..n).collect();
        let solved = py
            .detach(|| par_map(&indices, EXACT_ROWS_PER_THREAD, solve))
            .map_err(|(row, e)| at_index(e, row, &shape))?;
        decimal_column(&solved)
    };
    give_back_column(py, array, &like, "finance")
}

/// Decimals as one decimal128(38, s) column, `s` the largest scale that holds every value in 38 digits
/// (the largest scale of the values, unless a value would then need more than 38 digits: the values
/// with more places are then rounded half-even to the scale that fits).
fn decimal_column(values: &[Option<Decimal>]) -> ArrayRef {
    let digits = |d: &Decimal| {
        let whole = d.trunc().abs();
        let mut n = 0u32;
        let mut w = whole.mantissa().unsigned_abs() / 10u128.pow(d.trunc().scale());
        while w > 0 {
            n += 1;
            w /= 10;
        }
        n
    };
    let max_scale = values
        .iter()
        .flatten()
        .map(|d| d.scale())
        .max()
        .unwrap_or(0);
    let max_whole = values.iter().flatten().map(digits).max().unwrap_or(0);
    let scale = max_scale.min(38u32.saturating_sub(max_whole));
    let units: Vec<Option<i128>> = values
        .iter()
        .map(|v| {
            v.map(|d| {
                let d = if d.scale() > scale {
                    d.round_dp_with_strategy(
                        scale,
                        rust_decimal::RoundingStrategy::MidpointNearestEven,
                    )
                } else {
                    d
                };
                units_at(d, scale).unwrap_or_default()
            })
        })
        .collect();
    let nulls = NullBuffer::from_iter(units.iter().map(Option::is_some));
    let units: Vec<i128> = units.into_iter().map(Option::unwrap_or_default).collect();
    let scale = i8::try_from(scale).unwrap_or(38);
    Arc::new(
        Decimal128Array::new(units.into(), Some(nulls).filter(|n| n.null_count() > 0))
            .with_data_type(arrow_schema::DataType::Decimal128(38, scale)),
    )
}
