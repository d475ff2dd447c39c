//! A table built in Rust as Arrow arrays, handed to Python through the C stream interface.

use std::sync::Arc;

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Decimal128Array, Float64Array, Int64Array,
    RecordBatch, RecordBatchIterator, RecordBatchOptions, StringArray,
};
use arrow_buffer::{NullBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, Schema};
use chrono::{Datelike, NaiveDate};
use collections_core::Error;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict};
use rust_decimal::Decimal;

use super::column::UNIX_EPOCH_FROM_CE;
use super::TableKind;
use crate::debt::table::optional_import;
use crate::errors::raise;
use crate::threads::par_map;

/// Decimal128's largest precision: mantissas must stay below 10^38.
const DECIMAL128_LIMIT: u128 = 10u128.pow(38);

/// `value` as a whole number of `10^-scale` units (`scale` at least the value's own), if it fits
/// decimal128.
pub(crate) fn units_at(value: Decimal, scale: u32) -> Option<i128> {
    let up = scale.checked_sub(value.scale())?;
    let units = value.mantissa().checked_mul(10i128.checked_pow(up)?)?;
    (units.unsigned_abs() < DECIMAL128_LIMIT).then_some(units)
}

/// Named Arrow columns of one length, built in Rust.
#[derive(Debug, Default)]
pub(crate) struct OutputTable {
    fields: Vec<Field>,
    columns: Vec<ArrayRef>,
}

impl OutputTable {
    /// An empty table.
    pub fn new() -> OutputTable {
        OutputTable::default()
    }

    /// Adds a column as it is (an id column taken from the input, say).
    pub fn push(&mut self, name: &str, array: ArrayRef) -> &mut Self {
        self.fields
            .push(Field::new(name, array.data_type().clone(), true));
        self.columns.push(array);
        self
    }

    /// Adds an amount column: `decimal128(38, scale)`, the scale `min_scale` or more where a value
    /// has more places; a value beyond 38 digits is an overflow naming `name`.
    pub fn money(
        &mut self,
        name: &'static str,
        values: &[Option<Decimal>],
        min_scale: u32,
    ) -> Result<&mut Self, Error> {
        let scale = values
            .iter()
            .flatten()
            .map(Decimal::scale)
            .fold(min_scale, u32::max);
        let mut units = Vec::with_capacity(values.len());
        for v in values {
            units.push(match v {
                Some(v) => Some(units_at(*v, scale).ok_or_else(|| Error::Overflow {
                    field: name,
                    value: v.to_string(),
                })?),
                None => None,
            });
        }
        let nulls = NullBuffer::from_iter(units.iter().map(Option::is_some));
        let units: Vec<i128> = units.into_iter().map(Option::unwrap_or_default).collect();
        Ok(self.money_units(name, units, Some(nulls), scale))
    }

    /// Adds an amount column from its units at `scale` (each below 10^38 in magnitude).
    pub fn money_units(
        &mut self,
        name: &str,
        units: Vec<i128>,
        nulls: Option<NullBuffer>,
        scale: u32,
    ) -> &mut Self {
        let nulls = nulls.filter(|n| n.null_count() > 0);
        let scale = i8::try_from(scale).unwrap_or(i8::MAX);
        let array = Decimal128Array::new(ScalarBuffer::from(units), nulls)
            .with_data_type(DataType::Decimal128(38, scale));
        self.push(name, Arc::new(array))
    }

    /// Adds a `date32` column.
    pub fn dates(&mut self, name: &str, values: &[Option<NaiveDate>]) -> &mut Self {
        let days: Date32Array = values
            .iter()
            .map(|d| d.map(|d| d.num_days_from_ce() - UNIX_EPOCH_FROM_CE))
            .collect();
        self.push(name, Arc::new(days))
    }

    /// Adds a `date32` column from days since 1970-01-01.
    pub fn date_days(
        &mut self,
        name: &str,
        days: Vec<i32>,
        nulls: Option<NullBuffer>,
    ) -> &mut Self {
        self.push(
            name,
            Arc::new(Date32Array::new(ScalarBuffer::from(days), nulls)),
        )
    }

    /// Adds an `int64` column.
    pub fn ints(&mut self, name: &str, values: Vec<Option<i64>>) -> &mut Self {
        self.push(name, Arc::new(Int64Array::from(values)))
    }

    /// Adds a `float64` column from its values and nulls.
    pub fn float_values(
        &mut self,
        name: &str,
        values: Vec<f64>,
        nulls: Option<NullBuffer>,
    ) -> &mut Self {
        let nulls = nulls.filter(|n| n.null_count() > 0);
        self.push(
            name,
            Arc::new(Float64Array::new(ScalarBuffer::from(values), nulls)),
        )
    }

    /// Adds a `bool` column.
    pub fn bools(&mut self, name: &str, values: Vec<Option<bool>>) -> &mut Self {
        self.push(name, Arc::new(BooleanArray::from(values)))
    }

    /// Adds a `string` (utf8) column.
    pub fn strs<S: AsRef<str>>(&mut self, name: &str, values: &[Option<S>]) -> &mut Self {
        let array: StringArray = values
            .iter()
            .map(|v| v.as_ref().map(AsRef::as_ref))
            .collect();
        self.push(name, Arc::new(array))
    }

    /// The number of rows (0 with no column).
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, |c| c.len())
    }

    /// The table as one record batch; with `float_money`, its decimal128 columns as float64.
    fn batch(&self, float_money: bool) -> Result<RecordBatch, Error> {
        let rows = self.rows();
        let (mut fields, mut columns) = (self.fields.clone(), self.columns.clone());
        if float_money {
            for (f, c) in fields.iter_mut().zip(columns.iter_mut()) {
                if let DataType::Decimal128(_, scale) = f.data_type() {
                    let floats = decimal_to_floats(c, *scale);
                    *f = Field::new(f.name(), DataType::Float64, true);
                    *c = Arc::new(floats);
                }
            }
        }
        let schema = Arc::new(Schema::new(fields));
        let options = RecordBatchOptions::new().with_row_count(Some(rows));
        RecordBatch::try_new_with_options(schema, columns, &options).map_err(|e| {
            Error::InvalidArgument {
                field: "table",
                value: String::from("<output>"),
                reason: e.to_string(),
            }
        })
    }
}

/// A decimal128 column as the nearest floats.
fn decimal_to_floats(column: &ArrayRef, scale: i8) -> Float64Array {
    let Some(d) = column.as_any().downcast_ref::<Decimal128Array>() else {
        return Float64Array::from(vec![None::<f64>; column.len()]);
    };
    let to_float = UnitsToFloat::new(i32::from(scale));
    d.unary::<_, arrow_array::types::Float64Type>(|units| to_float.of(units))
}

/// Amounts as units of `10^-scale` to the nearest floats.
#[derive(Debug, Clone, Copy)]
pub(crate) struct UnitsToFloat {
    scale: i32,
    /// `10^scale` when it is exact as a float.
    divisor: Option<f64>,
}

impl UnitsToFloat {
    pub(crate) fn new(scale: i32) -> UnitsToFloat {
        UnitsToFloat {
            scale,
            divisor: (0..=22).contains(&scale).then(|| 10f64.powi(scale)),
        }
    }

    /// The float nearest `units * 10^-scale`.
    pub(crate) fn of(self, units: i128) -> f64 {
        match self.divisor {
            // Units and the power of ten both exact as floats: one correctly rounded division.
            #[allow(clippy::cast_precision_loss, clippy::float_arithmetic)]
            Some(divisor) if units.unsigned_abs() < (1u128 << 53) => units as f64 / divisor,
            _ => format!("{units}e{}", -self.scale)
                .parse()
                .unwrap_or(f64::NAN),
        }
    }
}

/// A table as an Arrow C stream: any consumer of the Arrow PyCapsule interface reads it
/// (`pyarrow.table(obj)`, `pyarrow.RecordBatchReader.from_stream(obj)`, `polars.DataFrame(obj)`).
#[pyclass(module = "collections_core", name = "ArrowStream", frozen)]
#[derive(Debug)]
pub struct ArrowStream {
    schema: arrow_schema::SchemaRef,
    batches: Vec<RecordBatch>,
}

#[pymethods]
impl ArrowStream {
    /// The table as a capsule named ``arrow_array_stream`` (``requested_schema`` is not honoured:
    /// the columns come as they are).
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let batches: Vec<_> = self.batches.iter().cloned().map(Ok).collect();
        let reader = RecordBatchIterator::new(batches, self.schema.clone());
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }
}

/// The table as the kind of table given: a pyarrow Table (Arrow and dict input), a pandas DataFrame
/// with `pd.ArrowDtype` columns, or a polars DataFrame; with `float_money`, amounts (decimal128) as
/// float64. `export` names the call for a missing pyarrow, pandas or polars.
pub(crate) fn give_back<'py>(
    py: Python<'py>,
    table: OutputTable,
    kind: TableKind,
    float_money: bool,
    export: &str,
) -> PyResult<Bound<'py, PyAny>> {
    give_back_parts(py, vec![table], kind, float_money, export)
}

/// [`give_back`] of a table in parts of one schema (each a record batch: a chunk of each column).
pub(crate) fn give_back_parts<'py>(
    py: Python<'py>,
    parts: Vec<OutputTable>,
    kind: TableKind,
    float_money: bool,
    export: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let arrow = to_pyarrow(py, parts, float_money, export)?;
    match kind {
        TableKind::Arrow | TableKind::Dict => Ok(arrow),
        TableKind::Pandas => {
            let pd = optional_import(py, "pandas", export)?;
            let kwargs = PyDict::new(py);
            kwargs.set_item("types_mapper", pd.getattr("ArrowDtype")?)?;
            arrow.call_method("to_pandas", (), Some(&kwargs))
        }
        TableKind::Polars => crate::polars::from_arrow(py, export, || Ok(arrow)),
    }
}

/// The parts as one `pyarrow.Table`, through the C stream interface.
fn to_pyarrow<'py>(
    py: Python<'py>,
    parts: Vec<OutputTable>,
    float_money: bool,
    export: &str,
) -> PyResult<Bound<'py, PyAny>> {
    // Without the GIL and a part a thread: money='float64' converts every amount.
    let batches = py
        .detach(|| par_map(&parts, 1, |t| t.batch(float_money)))
        .map_err(|(_, e)| raise(e))?;
    let schema = match batches.first() {
        Some(b) => b.schema(),
        None => Arc::new(Schema::empty()),
    };
    let stream = Bound::new(py, ArrowStream { schema, batches })?;
    let pa = optional_import(py, "pyarrow", export)?;
    pa.getattr("table")?.call1((stream,))
}

/// One column, given back as the kind of column `like` is: a pandas Series (its index and name kept;
/// float64 as numpy's float64, NaN for a null; other types as `pd.ArrowDtype`), a polars Series (its
/// name kept), otherwise a pyarrow Array.
pub(crate) fn give_back_column<'py>(
    py: Python<'py>,
    array: ArrayRef,
    like: &Bound<'py, PyAny>,
    export: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let is_float = matches!(array.data_type(), DataType::Float64);
    let mut table = OutputTable::new();
    table.push("values", array);
    let column = to_pyarrow(py, vec![table], false, export)?
        .call_method1("column", (0,))?
        .call_method0("combine_chunks")?;
    let module = like
        .get_type()
        .getattr("__module__")?
        .extract::<String>()
        .unwrap_or_default();
    if module.starts_with("pandas") {
        let pd = optional_import(py, "pandas", export)?;
        let kwargs = PyDict::new(py);
        if !is_float {
            kwargs.set_item("types_mapper", pd.getattr("ArrowDtype")?)?;
        }
        let series = column.call_method("to_pandas", (), Some(&kwargs))?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("index", like.getattr("index")?)?;
        kwargs.set_item("name", like.getattr("name")?)?;
        return pd
            .getattr("Series")?
            .call((series.getattr("array")?,), Some(&kwargs));
    }
    if module.starts_with("polars") {
        let pl = optional_import(py, "polars", export)?;
        let series = pl.getattr("from_arrow")?.call1((column,))?;
        return series.call_method1("alias", (like.getattr("name")?,));
    }
    Ok(column)
}
