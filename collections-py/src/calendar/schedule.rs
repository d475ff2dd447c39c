//! `date_schedule`: the due dates of a frequency from a start date, by count or until an end date.

use collections_core::ScheduleEnd;
use pyo3::prelude::*;
use pyo3::types::PyDate;

use super::frequency::frequency_arg;
use crate::convert::{date_arg, dates_out, end_of_month_arg, int_arg};
use crate::errors::CoreResultExt;

/// The dates ``start``, ``start + 1 period``, ... of ``frequency`` (a ``Frequency`` or a name).
///
/// Give exactly one of ``count`` (1 to 100,000) and ``until`` (a date, not before ``start``). Each
/// date is stepped from ``start`` itself, so a day-31 anchor comes back wherever the month has a 31st;
/// ``end_of_month`` (``True`` or ``False``) makes a month-end start produce month ends.
///
/// >>> [d.isoformat() for d in date_schedule("2024-01-31", "monthly", count=3)]
/// ['2024-01-31', '2024-02-29', '2024-03-31']
#[pyfunction]
#[pyo3(signature = (start, frequency, *, count = None, until = None, end_of_month = false))]
pub fn date_schedule<'py>(
    py: Python<'py>,
    start: &Bound<'py, PyAny>,
    frequency: &Bound<'py, PyAny>,
    count: Option<&Bound<'py, PyAny>>,
    until: Option<&Bound<'py, PyAny>>,
    #[pyo3(from_py_with = end_of_month_arg)] end_of_month: bool,
) -> PyResult<Vec<Bound<'py, PyDate>>> {
    let start = date_arg(start, "start")?;
    let frequency = frequency_arg(frequency, "frequency")?;
    // The core's rule for C and Python callers: exactly one of the two, a count from 1 to the limit.
    let count = count.map(|c| int_arg::<i64>(c, "count")).transpose()?;
    let until = until.map(|u| date_arg(u, "until")).transpose()?;
    let end = ScheduleEnd::from_parts(count, until).or_raise()?;
    let dates = py
        .detach(|| collections_core::date_schedule(start, frequency, end, end_of_month))
        .or_raise_as(&[("end", "until"), ("date", "start")])?;
    dates_out(py, &dates, "start")
}
