//! Reading a table from Python as Arrow arrays (with the GIL held; nothing after needs it).

use std::collections::HashMap;
use std::ffi::CStr;
use std::sync::Arc;

use arrow_array::ffi::{from_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::ffi_stream::{ArrayStreamReader, FFI_ArrowArrayStream, RecordBatchStreamReader};
use arrow_array::{
    make_array, Array, ArrayRef, BooleanArray, Date32Array, Decimal128Array, Float64Array,
    Int64Array, NullArray, StringArray, StructArray,
};
use arrow_data::transform::MutableArrayData;
use arrow_schema::ArrowError;
use chrono::{Datelike, NaiveDate};
use collections_core::Error;
use numpy::{
    PyArrayDescrMethods, PyArrayDyn, PyArrayMethods, PyUntypedArray, PyUntypedArrayMethods,
};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyCapsule, PyCapsuleMethods, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyString,
};
use rust_decimal::Decimal;

use super::column::{Data, InputColumn, UNIX_EPOCH_FROM_CE};
use crate::arrays::numpy;
use crate::convert::{date_arg, decimal_value, describe, is_decimal, wrong_type};
use crate::errors::raise;

/// The kind of table a caller gave, and so the kind given back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TableKind {
    /// A pyarrow Table, RecordBatch or any Arrow stream: a pyarrow Table back.
    Arrow,
    /// A pandas DataFrame: a pandas DataFrame back (`pd.ArrowDtype` columns).
    Pandas,
    /// A polars DataFrame: a polars DataFrame back.
    Polars,
    /// A dict of columns: a pyarrow Table back.
    Dict,
}

/// A table read from Python: its columns by name as Arrow arrays. `Send + Sync`.
#[derive(Debug)]
pub(crate) struct InputTable {
    names: HashMap<String, usize>,
    arrays: Vec<ArrayRef>,
    data: Vec<Arc<Data>>,
    /// Each column's cells that could not be read, by row.
    bad_rows: Vec<Option<Arc<HashMap<usize, Error>>>>,
    rows: usize,
    /// The first column's name (for a length that differs from it).
    first: String,
    kind: TableKind,
}

/// An Arrow error as a Python `ValueError` naming what was read.
/// An `InvalidArgumentError` naming `table` (the table argument), its value led by `field` (the
/// argument or column whose Arrow data could not be read).
fn arrow_error(field: &str, err: &ArrowError) -> PyErr {
    raise(Error::InvalidArgument {
        field: "table",
        value: format!("{field}: {err}"),
        reason: String::from("the Arrow data could not be read"),
    })
}

/// What a table argument may be, for the error of anything else.
const TABLE_KINDS: &str =
    "a pandas DataFrame, a pyarrow Table, a polars DataFrame or LazyFrame or \
                           a dict of columns (or any Arrow table: __arrow_c_stream__)";

/// The arrays of one column across chunks as one array.
fn concat(chunks: &[ArrayRef]) -> Result<Option<ArrayRef>, ArrowError> {
    Ok(match chunks {
        [] => None,
        [one] => Some(one.clone()),
        _ => {
            let data: Vec<_> = chunks.iter().map(|c| c.to_data()).collect();
            let total = data.iter().map(|d| d.len()).sum();
            let mut out = MutableArrayData::new(data.iter().collect(), false, total);
            for (i, d) in data.iter().enumerate() {
                out.try_extend(i, 0, d.len())?;
            }
            Some(make_array(out.freeze()))
        }
    })
}

/// The pointer in a capsule named `name`.
fn capsule_pointer(capsule: &Bound<'_, PyAny>, name: &CStr) -> PyResult<*mut std::ffi::c_void> {
    let capsule = capsule.cast::<PyCapsule>()?;
    Ok(capsule.pointer_checked(Some(name))?.as_ptr())
}

/// The stream an object exports through `__arrow_c_stream__`.
fn import_stream(obj: &Bound<'_, PyAny>) -> PyResult<FFI_ArrowArrayStream> {
    let capsule = obj.call_method0("__arrow_c_stream__")?;
    let ptr = capsule_pointer(&capsule, c"arrow_array_stream")?;
    // SAFETY: the capsule holds an `ArrowArrayStream` (its name says so); `from_raw` moves it out and
    // marks the capsule's copy released, so the capsule's destructor does not release it again.
    Ok(unsafe { FFI_ArrowArrayStream::from_raw(ptr.cast()) })
}

/// The array an object exports through `__arrow_c_array__`.
fn import_array(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<ArrayRef> {
    let pair = obj.call_method0("__arrow_c_array__")?;
    let (schema, array): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair.extract()?;
    let schema_ptr = capsule_pointer(&schema, c"arrow_schema")?;
    let array_ptr = capsule_pointer(&array, c"arrow_array")?;
    // SAFETY: the capsules hold an `ArrowSchema` and an `ArrowArray` (their names say so). The array
    // is moved out (its capsule's copy marked released); the schema is only read, the capsule (alive
    // for this call) keeping it.
    let data = unsafe {
        let array = FFI_ArrowArray::from_raw(array_ptr.cast());
        from_ffi(array, &*schema_ptr.cast::<FFI_ArrowSchema>())
    }
    .map_err(|e| arrow_error(field, &e))?;
    Ok(make_array(data))
}

/// The columns of a stream of record batches: names and arrays.
fn read_batches(
    stream: FFI_ArrowArrayStream,
    field: &'static str,
) -> PyResult<(Vec<String>, Vec<ArrayRef>)> {
    // A stream whose schema is not a struct of columns (a polars Series, a pyarrow ChunkedArray) is
    // not a table.
    let reader = RecordBatchStreamReader::try_new(stream).map_err(|_| {
        raise(Error::InvalidArgument {
            field,
            value: String::from("a stream of one column"),
            reason: format!("expected {TABLE_KINDS}"),
        })
    })?;
    let schema = arrow_array::RecordBatchReader::schema(&reader);
    let names: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
    let mut chunks: Vec<Vec<ArrayRef>> = vec![Vec::new(); names.len()];
    for batch in reader {
        let batch = batch.map_err(|e| arrow_error(field, &e))?;
        for (i, c) in batch.columns().iter().enumerate() {
            chunks[i].push(c.clone());
        }
    }
    let mut arrays = Vec::with_capacity(names.len());
    for (c, f) in chunks.iter().zip(schema.fields()) {
        let one = concat(c).map_err(|e| arrow_error(field, &e))?;
        arrays.push(one.unwrap_or_else(|| arrow_array::new_empty_array(f.data_type())));
    }
    Ok((names, arrays))
}

/// A column as an Arrow array, and the error every read of it raises when its values could not be
/// converted (a list mixing kinds: the array is then nulls).
type Converted = (ArrayRef, Option<Bad>);

/// What went wrong converting a column of Python values.
#[derive(Debug)]
pub(super) enum Bad {
    /// The column as a whole (a list mixing kinds): every read of it fails with this.
    Column(Error),
    /// Cells that could not be read, by row (each a null in the array): a read of one of those
    /// rows fails with its error; the other rows read as usual.
    Rows(HashMap<usize, Error>),
}

/// A column given as one value of a dict (or a pandas column): an Arrow array or chunked array, a
/// pandas or polars Series, a numpy array or a list.
fn column_array(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Converted> {
    if is_pandas(obj) && obj.hasattr("dtype")? {
        return pandas_series(obj, field);
    }
    if obj.hasattr("__arrow_c_array__")? {
        return import_array(obj, field).map(|a| (a, None));
    }
    if obj.hasattr("__arrow_c_stream__")? {
        return stream_array(obj, field).map(|a| (a, None));
    }
    if obj.cast::<PyUntypedArray>().is_ok() {
        return numpy_array(obj, field, false);
    }
    if obj.is_instance_of::<PyString>() {
        return Err(raise(Error::InvalidArgument {
            field: "table",
            value: format!("{field}: {}", describe(obj)),
            reason: String::from("a column must be a sequence of values, not a str"),
        }));
    }
    list_array(&obj.try_iter()?.collect::<PyResult<Vec<_>>>()?, false)
}

/// A column from an object's `__arrow_c_stream__` of arrays.
fn stream_array(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<ArrayRef> {
    let stream = import_stream(obj)?;
    let reader = ArrayStreamReader::try_new(stream).map_err(|e| arrow_error(field, &e))?;
    let data_type = arrow_array::ArrayReader::field(&reader).data_type().clone();
    let chunks = reader
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| arrow_error(field, &e))?;
    let one = concat(&chunks).map_err(|e| arrow_error(field, &e))?;
    Ok(one.unwrap_or_else(|| arrow_array::new_empty_array(&data_type)))
}

/// Whether `obj` is a pandas object.
fn is_pandas(obj: &Bound<'_, PyAny>) -> bool {
    module_of(obj).is_some_and(|m| m == "pandas" || m.starts_with("pandas."))
}

/// The module of an object's type.
fn module_of(obj: &Bound<'_, PyAny>) -> Option<String> {
    obj.get_type()
        .getattr("__module__")
        .ok()?
        .extract::<String>()
        .ok()
}

/// A pandas Series as an Arrow array, missing values (NaN, None, NA, NaT) as nulls as pandas counts
/// them: object columns item by item, others through Arrow where pandas offers it, else numpy.
fn pandas_series(obj: &Bound<'_, PyAny>, field: &str) -> PyResult<Converted> {
    // Arrow-backed and masked columns (pandas' default str, Int64, ArrowDtype) through Arrow first.
    let values = obj.getattr("array")?;
    if values.hasattr("__arrow_array__")? {
        if let Ok(arrow) = values.call_method0("__arrow_array__") {
            if arrow.hasattr("__arrow_c_array__")? {
                return import_array(&arrow, field).map(|a| (a, None));
            }
            if arrow.hasattr("__arrow_c_stream__")? {
                return stream_array(&arrow, field).map(|a| (a, None));
            }
        }
    }
    let kind: String = obj.getattr("dtype")?.getattr("kind")?.extract()?;
    if kind == "O" {
        let items = obj.call_method0("tolist")?;
        return list_array(&items.try_iter()?.collect::<PyResult<Vec<_>>>()?, true);
    }
    let np = obj.call_method0("to_numpy")?;
    numpy_array(&np, field, true)
}

/// A one-dimensional numpy array as an Arrow array: bool, ints, floats and datetime64 from their
/// buffers; text and objects item by item. `pandas`: a NaN is a missing value.
fn numpy_array(obj: &Bound<'_, PyAny>, field: &str, pandas: bool) -> PyResult<Converted> {
    numpy_values(obj, field, pandas).map(|r| r.unwrap_or_else(|c| c))
}

/// [`numpy_array`]: `Ok` for a buffer read, `Err` for items read one by one.
fn numpy_values(
    obj: &Bound<'_, PyAny>,
    field: &str,
    pandas: bool,
) -> PyResult<Result<Converted, Converted>> {
    let py = obj.py();
    let np = numpy(py)?;
    let array = obj.cast::<PyUntypedArray>()?;
    if array.ndim() != 1 {
        return Err(raise(Error::InvalidArgument {
            field: "table",
            value: format!("{field}: an array of shape {:?}", array.shape()),
            reason: String::from("a column must be one-dimensional"),
        }));
    }
    let kind = array.dtype().kind();
    let contiguous = |dtype: &Bound<'_, PyAny>| {
        np.ascontiguousarray
            .bind(py)
            .call1((array, dtype))
            .map(|a| a.unbind())
    };
    match kind {
        b'i' | b'u' => {
            let ints = contiguous(np.int64.bind(py))?
                .into_bound(py)
                .cast_into::<PyArrayDyn<i64>>()?;
            let values = ints.try_readonly()?.as_slice()?.to_vec();
            Ok(Ok((Arc::new(Int64Array::from(values)), None)))
        }
        b'f' => {
            let floats = contiguous(np.float64.bind(py))?
                .into_bound(py)
                .cast_into::<PyArrayDyn<f64>>()?;
            let values = floats.try_readonly()?.as_slice()?.to_vec();
            if pandas && values.iter().any(|x| x.is_nan()) {
                let with_nulls: Vec<Option<f64>> = values
                    .into_iter()
                    .map(|x| (!x.is_nan()).then_some(x))
                    .collect();
                return Ok(Ok((Arc::new(Float64Array::from(with_nulls)), None)));
            }
            Ok(Ok((Arc::new(Float64Array::from(values)), None)))
        }
        b'b' => {
            let flags: Vec<bool> = obj.call_method0("tolist")?.extract()?;
            Ok(Ok((Arc::new(BooleanArray::from(flags)), None)))
        }
        b'M' => {
            let days = obj
                .call_method1("astype", ("datetime64[D]",))?
                .call_method1("astype", ("int64",))?;
            let days = np
                .ascontiguousarray
                .bind(py)
                .call1((days,))?
                .cast_into::<PyArrayDyn<i64>>()?;
            // NaT is the smallest int64; a day beyond date32 is a null read as out of range later.
            let values: Vec<Option<i32>> = days
                .try_readonly()?
                .as_slice()?
                .iter()
                .map(|&d| {
                    (d != i64::MIN)
                        .then(|| i32::try_from(d).unwrap_or(i32::MAX - UNIX_EPOCH_FROM_CE))
                })
                .collect();
            Ok(Ok((Arc::new(Date32Array::from(values)), None)))
        }
        _ => {
            let items = obj.call_method0("tolist")?;
            list_array(&items.try_iter()?.collect::<PyResult<Vec<_>>>()?, pandas).map(Err)
        }
    }
}

/// One Python value of a list, by kind.
enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Decimal(Decimal),
    Str(String),
    Date(NaiveDate),
}

impl Cell {
    fn kind(&self) -> &'static str {
        match self {
            Cell::Null => "None",
            Cell::Bool(_) => "bool",
            Cell::Int(_) => "int",
            Cell::Float(_) => "float",
            Cell::Decimal(_) => "Decimal",
            Cell::Str(_) => "str",
            Cell::Date(_) => "date",
        }
    }

    /// The value for an error message.
    fn show(&self) -> String {
        match self {
            Cell::Null => String::from("None"),
            Cell::Bool(b) => String::from(if *b { "True" } else { "False" }),
            Cell::Float(x) => super::column::float_text(*x),
            other => other.text().unwrap_or_default(),
        }
    }

    /// Exact text for a column of text (an int, Decimal or date among strings).
    fn text(&self) -> Option<String> {
        match self {
            Cell::Int(v) => Some(v.to_string()),
            Cell::Decimal(v) => Some(v.to_string()),
            Cell::Str(v) => Some(v.clone()),
            Cell::Date(v) => Some(v.to_string()),
            _ => None,
        }
    }
}

/// A Python value as a cell; `Err` with the column's error for a value no column holds.
fn cell_of(v: &Bound<'_, PyAny>, pandas: bool) -> PyResult<Result<Cell, Error>> {
    if v.is_none() {
        return Ok(Ok(Cell::Null));
    }
    if let Ok(b) = v.cast::<PyBool>() {
        return Ok(Ok(Cell::Bool(b.is_true())));
    }
    if v.is_instance_of::<PyInt>() {
        return Ok(match v.extract::<i64>() {
            Ok(i) => Ok(Cell::Int(i)),
            Err(_) => decimal_value(v, "", "").map(|r| r.map(Cell::Decimal))?,
        });
    }
    if let Ok(f) = v.cast::<PyFloat>() {
        let x = f.value();
        return Ok(Ok(if pandas && x.is_nan() {
            Cell::Null
        } else {
            Cell::Float(x)
        }));
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Ok(Cell::Str(s.to_cow()?.into_owned())));
    }
    if is_decimal(v)? {
        if pandas && v.call_method0("is_nan")?.is_truthy()? {
            return Ok(Ok(Cell::Null));
        }
        return decimal_value(v, "", "").map(|r| r.map(Cell::Decimal));
    }
    if let Ok(dt) = v.cast::<PyDateTime>() {
        // pandas' NaT is a datetime: a missing value, in a list as in a Series.
        if dt.get_type().name()?.to_cow()? == "NaTType" {
            return Ok(Ok(Cell::Null));
        }
        // A datetime's date (an aware one's date in UTC).
        let date = || -> PyResult<NaiveDate> {
            let utc = if dt.getattr("tzinfo")?.is_none() {
                dt.clone().into_any()
            } else {
                let timezone = v.py().import("datetime")?.getattr("timezone")?;
                dt.call_method1("astimezone", (timezone.getattr("utc")?,))?
            };
            date_arg(&utc.call_method0("date")?, "")
        };
        return Ok(date().map(Cell::Date).map_err(|e| unreadable_date(v, &e)));
    }
    if v.cast::<PyDate>().is_ok() {
        return Ok(date_arg(v, "")
            .map(Cell::Date)
            .map_err(|e| unreadable_date(v, &e)));
    }
    let type_name = v.get_type().name()?.to_cow()?.into_owned();
    if pandas && (type_name == "NAType" || type_name == "NaTType") {
        return Ok(Ok(Cell::Null));
    }
    // numpy scalars: ints by their index, floats and dates by numpy's own conversion.
    if let Ok(i) = v.extract::<i64>() {
        return Ok(Ok(Cell::Int(i)));
    }
    if type_name.starts_with("float") {
        if let Ok(x) = v.extract::<f64>() {
            return Ok(Ok(Cell::Float(x)));
        }
    }
    if type_name == "datetime64" {
        let item = v
            .call_method1("astype", ("datetime64[D]",))?
            .call_method0("item")?;
        return cell_of(&item, pandas);
    }
    Ok(Err(Error::InvalidArgument {
        field: "",
        value: describe(v),
        reason: format!(
            "a column holds None, bool, int, float, Decimal, str or date values, not {type_name}"
        ),
    }))
}

/// A date cell that could not be read, as the column's error (its field is the column's name).
fn unreadable_date(v: &Bound<'_, PyAny>, err: &PyErr) -> Error {
    Error::InvalidArgument {
        field: "",
        value: describe(v),
        reason: format!("the date could not be read ({err})"),
    }
}

/// Python values as one Arrow array: ints, floats, Decimals (decimal128 at the largest scale seen),
/// text, dates, bools; ints among Decimals are decimals, ints among floats floats, and ints, Decimals
/// and dates among text their exact text. Any other mix (a float or a bool among other kinds) is a
/// column that fails when read, naming the first row of the second kind.
fn list_array(items: &[Bound<'_, PyAny>], pandas: bool) -> PyResult<Converted> {
    let mut cells = Vec::with_capacity(items.len());
    let mut bad = HashMap::new();
    for (row, v) in items.iter().enumerate() {
        match cell_of(v, pandas)? {
            Ok(c) => cells.push(c),
            Err(e) => {
                bad.insert(row, super::prefixed(e, &format!("row {row}")));
                cells.push(Cell::Null);
            }
        }
    }
    let (array, whole) = cells_array(&cells);
    Ok((
        array,
        whole.or_else(|| (!bad.is_empty()).then_some(Bad::Rows(bad))),
    ))
}

/// The cells as one Arrow array (see [`list_array`]).
fn cells_array(cells: &[Cell]) -> Converted {
    match cells_typed(cells) {
        Ok(a) => (a, None),
        Err(e) => (Arc::new(NullArray::new(cells.len())), Some(Bad::Column(e))),
    }
}

/// [`cells_array`], or the error of a mix of kinds.
fn cells_typed(cells: &[Cell]) -> Result<ArrayRef, Error> {
    let mut kinds: Vec<&'static str> = Vec::new();
    for c in cells {
        let k = c.kind();
        if k != "None" && !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    kinds.sort_unstable();
    match kinds.as_slice() {
        [] => Ok(Arc::new(NullArray::new(cells.len()))),
        ["bool"] => Ok(Arc::new(BooleanArray::from(
            cells
                .iter()
                .map(|c| match c {
                    Cell::Bool(b) => Some(*b),
                    _ => None,
                })
                .collect::<Vec<_>>(),
        ))),
        ["int"] => Ok(Arc::new(Int64Array::from(
            cells
                .iter()
                .map(|c| match c {
                    Cell::Int(i) => Some(*i),
                    _ => None,
                })
                .collect::<Vec<_>>(),
        ))),
        ["float"] | ["float", "int"] => Ok(Arc::new(Float64Array::from(
            cells
                .iter()
                .map(|c| match c {
                    Cell::Float(x) => Some(*x),
                    #[allow(clippy::cast_precision_loss)] // ints among floats, as numpy reads them
                    Cell::Int(i) => Some(*i as f64),
                    _ => None,
                })
                .collect::<Vec<_>>(),
        ))),
        ["Decimal"] | ["Decimal", "int"] => Ok(decimals_array(cells)),
        ["date"] => Ok(Arc::new(Date32Array::from(
            cells
                .iter()
                .map(|c| match c {
                    Cell::Date(d) => Some(d.num_days_from_ce() - UNIX_EPOCH_FROM_CE),
                    _ => None,
                })
                .collect::<Vec<_>>(),
        ))),
        kinds
            if kinds.contains(&"str")
                && kinds
                    .iter()
                    .all(|k| ["str", "int", "Decimal", "date"].contains(k)) =>
        {
            Ok(Arc::new(StringArray::from(
                cells.iter().map(Cell::text).collect::<Vec<_>>(),
            )))
        }
        _ => {
            // The first row of a kind other than the first row's.
            let first = cells
                .iter()
                .find(|c| c.kind() != "None")
                .map_or("None", Cell::kind);
            let (row, other) = cells
                .iter()
                .enumerate()
                .find(|(_, c)| c.kind() != "None" && c.kind() != first)
                .map_or((0, "None"), |(r, c)| (r, c.kind()));
            Err(Error::InvalidArgument {
                field: "",
                value: format!("row {row}: {}", cells[row].show()),
                reason: format!("a column mixes {first} and {other} values"),
            })
        }
    }
}

/// Decimals and ints as decimal128(38, the largest scale seen); a value beyond 38 digits at that
/// scale makes a column of its text (read exactly, or refused, when used).
fn decimals_array(cells: &[Cell]) -> ArrayRef {
    let value = |c: &Cell| match c {
        Cell::Decimal(d) => Some(*d),
        Cell::Int(i) => Some(Decimal::from(*i)),
        _ => None,
    };
    let scale = cells
        .iter()
        .filter_map(value)
        .map(|d| d.scale())
        .max()
        .unwrap_or(0);
    let mut units = Vec::with_capacity(cells.len());
    for c in cells {
        match value(c) {
            Some(d) => match super::output::units_at(d, scale) {
                Some(u) => units.push(Some(u)),
                None => {
                    return Arc::new(StringArray::from(
                        cells.iter().map(Cell::text).collect::<Vec<_>>(),
                    ))
                }
            },
            None => units.push(None),
        }
    }
    let scale = i8::try_from(scale).unwrap_or(i8::MAX);
    match Decimal128Array::from(units).with_precision_and_scale(38, scale) {
        Ok(a) => Arc::new(a),
        Err(_) => Arc::new(StringArray::from(
            cells.iter().map(Cell::text).collect::<Vec<_>>(),
        )),
    }
}

/// Whether `obj` is a column the layer reads as Arrow (rather than a numpy array or a list): a
/// pyarrow Array or ChunkedArray, a pandas or polars Series, anything with `__arrow_c_array__` or
/// `__arrow_c_stream__`.
pub(crate) fn is_arrow_column(obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    if obj.hasattr("__arrow_c_array__")? || obj.hasattr("__arrow_c_stream__")? {
        return Ok(true);
    }
    Ok(is_pandas(obj) && obj.hasattr("dtype")? && obj.hasattr("index")?)
}

/// The typed view of a converted column, and its unreadable cells by row.
fn typed(array: &ArrayRef, bad: Option<Bad>) -> (Arc<Data>, Option<Arc<HashMap<usize, Error>>>) {
    match bad {
        None => (Arc::new(Data::of(array)), None),
        Some(Bad::Column(e)) => (Arc::new(Data::Invalid(e)), None),
        Some(Bad::Rows(rows)) => (Arc::new(Data::of(array)), Some(Arc::new(rows))),
    }
}

/// One column (an Arrow array or chunked array, a Series, a numpy array or a list) read as Arrow, named
/// `field` in its errors.
pub(crate) fn read_column(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<InputColumn> {
    let (array, bad) = column_array(obj, field)?;
    let (data, bad_rows) = typed(&array, bad);
    Ok(InputColumn::new(field, array, data, bad_rows))
}

impl InputTable {
    /// Reads a table: a pandas or polars DataFrame (or a polars LazyFrame, collected), a pyarrow
    /// Table or RecordBatch, any object with `__arrow_c_stream__` or `__arrow_c_array__`, or a dict
    /// of columns. Anything else is an
    /// `InvalidArgumentError` naming `field`.
    pub fn read(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<InputTable> {
        // A polars LazyFrame: its query run (collect()), then read as the DataFrame it gives.
        if module_of(obj).is_some_and(|m| m.starts_with("polars"))
            && obj.get_type().name()?.to_cow()? == "LazyFrame"
            && obj.hasattr("collect")?
        {
            return InputTable::read(&obj.call_method0("collect")?, field);
        }
        let mut names = Vec::new();
        let mut arrays = Vec::new();
        let mut invalid = Vec::new();
        let kind = if let Ok(d) = obj.cast::<PyDict>() {
            for (k, v) in d.iter() {
                let name = match k.cast::<PyString>() {
                    Ok(s) => s.to_cow()?.into_owned(),
                    Err(_) => k.str()?.to_cow()?.into_owned(),
                };
                let (array, err) = column_array(&v, &name)?;
                names.push(name);
                arrays.push(array);
                invalid.push(err);
            }
            TableKind::Dict
        } else if is_pandas(obj) && obj.hasattr("iloc")? && obj.hasattr("columns")? {
            for name in obj.getattr("columns")?.try_iter()? {
                let name = name?;
                let text = name.str()?.to_cow()?.into_owned();
                let series = obj.get_item(&name)?;
                let (array, err) = column_array(&series, &text)?;
                names.push(text);
                arrays.push(array);
                invalid.push(err);
            }
            TableKind::Pandas
        } else if obj.hasattr("__arrow_c_stream__")? {
            let (n, a) = read_batches(import_stream(obj)?, field)?;
            invalid.resize_with(a.len(), || None);
            (names, arrays) = (n, a);
            if module_of(obj).is_some_and(|m| m.starts_with("polars")) {
                TableKind::Polars
            } else {
                TableKind::Arrow
            }
        } else if obj.hasattr("__arrow_c_array__")? {
            let array = import_array(obj, field)?;
            let Some(s) = array.as_any().downcast_ref::<StructArray>() else {
                return Err(wrong_type(
                    obj,
                    field,
                    "a table (a struct array of columns)",
                ));
            };
            for (f, c) in s.fields().iter().zip(s.columns()) {
                names.push(f.name().clone());
                arrays.push(c.clone());
                invalid.push(None);
            }
            TableKind::Arrow
        } else {
            return Err(wrong_type(obj, field, TABLE_KINDS));
        };
        let rows = arrays.first().map_or(0, |a| a.len());
        let first = names.first().cloned().unwrap_or_default();
        let (data, bad_rows) = arrays
            .iter()
            .zip(invalid)
            .map(|(a, bad)| typed(a, bad))
            .unzip();
        let mut by_name = HashMap::with_capacity(names.len());
        for (i, n) in names.into_iter().enumerate() {
            by_name.entry(n).or_insert(i);
        }
        Ok(InputTable {
            names: by_name,
            arrays,
            data,
            bad_rows,
            rows,
            first,
            kind,
        })
    }

    /// The number of rows (the first column's).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The kind of table given.
    pub fn kind(&self) -> TableKind {
        self.kind
    }

    /// The column `name`, if the table has it; one of another length than the first column is an
    /// `InvalidArgumentError` naming it.
    pub fn column(&self, name: &'static str) -> PyResult<Option<InputColumn>> {
        let Some(&i) = self.names.get(name) else {
            return Ok(None);
        };
        let len = self.arrays[i].len();
        if len != self.rows {
            return Err(raise(Error::InvalidArgument {
                field: name,
                value: format!("{len} values"),
                reason: format!("must have as many values as {} ({})", self.first, self.rows),
            }));
        }
        Ok(Some(InputColumn::new(
            name,
            self.arrays[i].clone(),
            self.data[i].clone(),
            self.bad_rows[i].clone(),
        )))
    }

    /// The column `name`; a missing one is an `InvalidArgumentError` naming `table` (the argument)
    /// with the column's name as the value.
    pub fn required(&self, name: &'static str, table: &'static str) -> PyResult<InputColumn> {
        self.column(name)?.ok_or_else(|| {
            raise(Error::InvalidArgument {
                field: table,
                value: name.to_string(),
                reason: String::from("a required column is missing"),
            })
        })
    }
}
