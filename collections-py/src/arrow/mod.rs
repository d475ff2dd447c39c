//! The one way the batch calls read and write tables: Arrow arrays.
//!
//! [`InputTable::read`] takes what a caller has, through the Arrow PyCapsule interface where it can:
//! an object with `__arrow_c_stream__` (a pyarrow Table or RecordBatchReader, a polars DataFrame, a
//! pandas DataFrame), or `__arrow_c_array__` (a pyarrow RecordBatch), or a dict of columns whose values
//! are such arrays (a pyarrow Array or ChunkedArray, a polars or pandas Series), numpy arrays or plain
//! Python lists. Lists and numpy arrays are turned into Arrow arrays once, here, so that every batch
//! call has one reading path: the typed accessors of [`InputColumn`], which need no GIL and make no
//! Python object per cell.
//!
//! [`OutputTable`] collects Arrow arrays built in Rust and [`give_back`] hands them to Python through
//! the C stream interface (a capsule named `arrow_array_stream`), as the kind of table given: a
//! pyarrow Table (for Arrow and dict input), a pandas DataFrame with `pd.ArrowDtype` columns, or a
//! polars DataFrame.

mod column;
mod input;
mod output;

pub(crate) use column::{InputColumn, ValueKind, UNIX_EPOCH_FROM_CE};
pub(crate) use input::{is_arrow_column, read_column, InputTable, TableKind};
#[allow(unused_imports)] // the builders other batch calls use
pub(crate) use output::{
    give_back, give_back_column, give_back_parts, units_at, OutputTable, UnitsToFloat,
};

use collections_core::Error;

/// `err` with its value rewritten by `f` (a currency mismatch, which has no one value, as it is).
pub(crate) fn map_value(mut err: Error, f: impl FnOnce(&str) -> String) -> Error {
    match &mut err {
        Error::InvalidArgument { value, .. }
        | Error::InvalidDecimal { value, .. }
        | Error::InvalidDate { value, .. }
        | Error::UnknownCurrency { value, .. }
        | Error::InvalidRate { value, .. }
        | Error::Overflow { value, .. }
        | Error::NoSolution { value, .. }
        | Error::DateOutOfRange { value, .. } => *value = f(value),
        _ => {}
    }
    err
}

/// `err` with its value led by `prefix` (`'row 4: None'`, `'loan L-2: ...'`).
pub(crate) fn prefixed(err: Error, prefix: &str) -> Error {
    map_value(err, |value| format!("{prefix}: {value}"))
}
