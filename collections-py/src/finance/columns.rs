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
use crate::convert::{decimal_out, decimal_value, describe};
use crate::errors::{invalid, raise};
use crate::threads::threads_for;

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
