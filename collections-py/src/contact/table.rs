//! `evaluate_table`: a table of contact requests (one row per request) decided by the core's batch
//! evaluation without the GIL, on the threads of `set_threads`, and a table of decisions back.

use std::collections::HashMap;

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{
    TimestampMicrosecondType, TimestampMillisecondType, TimestampNanosecondType,
    TimestampSecondType,
};
use arrow_array::TimestampMicrosecondArray;
use arrow_schema::{DataType, TimeUnit};
use chrono::{DateTime, Utc};
use collections_core::contact::{
    self as core, BatchItem, Channel, ContactHistory, ContactProfile, ContactRequest, Decision,
    Purpose,
};
use collections_core::Error;
use pyo3::intern;
use pyo3::prelude::*;

use super::history::history_arg;
use super::policy::PyPolicy;
use super::profile::PyContactProfile;
use super::{class_arg, instant_arg};
use crate::arrow::{give_back, prefixed, InputColumn, InputTable, OutputTable, TableKind};
use crate::convert::{describe, items_arg, str_arg, wrong_type};
use crate::debt::batch::{error_text, errors_arg, missing, raise_at_row, OnError};
use crate::debt::{given, Out};
use crate::errors::raise;
use crate::threads::{par_map, par_map_detached, progress_arg};

/// Requests below this many per thread are decided on one thread (with a progress report).
const REQUESTS_PER_THREAD: usize = 256;

/// Requests below this many per thread are read on one thread.
const READS_PER_THREAD: usize = 4096;

/// The instant at `row` of an Arrow column: a timestamp with a time zone (any unit), or RFC 3339
/// text; a timestamp without a zone is refused, as its instant is unknown.
fn arrow_instant(column: &InputColumn, row: usize) -> Result<DateTime<Utc>, Error> {
    column.check(row)?;
    if column.is_null(row) {
        return Err(column.null(row));
    }
    let bad = |reason: &str| Error::InvalidArgument {
        field: "at",
        value: format!("row {row}: {}", column.show(row)),
        reason: reason.to_string(),
    };
    let array = column.array();
    if let DataType::Timestamp(unit, zone) = array.data_type() {
        if zone.is_none() {
            return Err(bad(
                "is a timestamp without a time zone: give its zone, as the instant is otherwise unknown",
            ));
        }
        let a = array.as_ref();
        let t = match unit {
            TimeUnit::Second => a
                .as_primitive_opt::<TimestampSecondType>()
                .and_then(|v| DateTime::from_timestamp(v.value(row), 0)),
            TimeUnit::Millisecond => a
                .as_primitive_opt::<TimestampMillisecondType>()
                .and_then(|v| DateTime::from_timestamp_millis(v.value(row))),
            TimeUnit::Microsecond => a
                .as_primitive_opt::<TimestampMicrosecondType>()
                .and_then(|v| DateTime::from_timestamp_micros(v.value(row))),
            TimeUnit::Nanosecond => a
                .as_primitive_opt::<TimestampNanosecondType>()
                .map(|v| DateTime::from_timestamp_nanos(v.value(row))),
        };
        return t.ok_or_else(|| bad("is not a valid instant"));
    }
    let text = column.require_str(row)?;
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| bad(&format!("is not an RFC 3339 instant with its offset ({e})")))
}

/// The instants of a column given as Python values (a list of aware datetimes or RFC 3339 text),
/// each read as ``ContactRequest`` reads its ``at``.
fn python_instants(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
) -> PyResult<Vec<Result<DateTime<Utc>, Error>>> {
    let values = if obj.hasattr("tolist")? {
        obj.call_method0("tolist")?
    } else {
        obj.clone()
    };
    let module = py.import("datetime")?;
    let datetime = module.getattr("datetime")?;
    let utc = module.getattr("timezone")?.getattr("utc")?;
    let epoch = datetime.call1((1970, 1, 1, 0, 0, 0, 0, &utc))?;
    let micro = module.getattr("timedelta")?.call1((0, 0, 1))?;
    let items = items_arg(&values, "at")?;
    let mut out = Vec::with_capacity(items.len());
    for (row, cell) in items.iter().enumerate() {
        let value = || format!("row {row}: {}", describe(cell));
        if missing(cell) {
            out.push(Err(Error::InvalidArgument {
                field: "at",
                value: value(),
                reason: String::from("a value is required"),
            }));
            continue;
        }
        // An aware datetime: its microseconds from the epoch, exactly (two calls, no float).
        if cell.is_instance(&datetime)? && !cell.getattr(intern!(py, "tzinfo"))?.is_none() {
            let micros = cell
                .call_method1(intern!(py, "__sub__"), (&epoch,))
                .and_then(|d| d.call_method1(intern!(py, "__floordiv__"), (&micro,)))
                .and_then(|m| m.extract::<i64>())
                .ok()
                .and_then(DateTime::from_timestamp_micros);
            if let Some(t) = micros {
                out.push(Ok(t));
                continue;
            }
        }
        out.push(instant_arg(cell, "at").map_err(|e| {
            // The exception's reason: its message less the field and the value shown.
            let text = error_text(py, &e);
            let text = text.strip_prefix("at: ").unwrap_or(&text);
            let reason = text.rfind(" (got ").map_or(text, |k| &text[..k]);
            Error::InvalidArgument {
                field: "at",
                value: value(),
                reason: reason.to_string(),
            }
        }));
    }
    Ok(out)
}

/// Whether `obj` is a pandas object.
fn is_pandas(obj: &Bound<'_, PyAny>) -> bool {
    obj.get_type()
        .module()
        .is_ok_and(|m| m.to_cow().is_ok_and(|m| m.starts_with("pandas")))
}

/// The requests table, and its `at` column: as Arrow, or its instants read from Python values (a
/// dict's list of datetimes, a pandas object column). A pandas datetime column goes through
/// `pyarrow.array` (a timestamp with its zone): the layer reads datetimes as dates.
#[allow(clippy::type_complexity)]
fn read_requests(
    py: Python<'_>,
    requests: &Bound<'_, PyAny>,
) -> PyResult<(
    InputTable,
    Result<InputColumn, Vec<Result<DateTime<Utc>, Error>>>,
)> {
    let arrow_like = |c: &Bound<'_, PyAny>| {
        c.hasattr("__arrow_c_array__").unwrap_or(false)
            || c.hasattr("__arrow_c_stream__").unwrap_or(false)
    };
    let is_dict = requests.cast::<pyo3::types::PyDict>().is_ok();
    let frame = is_pandas(requests) && requests.hasattr("iloc")? && !is_dict;
    let at = if is_dict || frame {
        requests.get_item("at").ok()
    } else {
        None
    };
    // A pandas Series exports Arrow too, but its datetimes as dates: a frame's is read here.
    let Some(at) = at.filter(|c| frame || !arrow_like(c)) else {
        let table = InputTable::read(requests, "requests")?;
        let at = table.required("at", "requests")?;
        return Ok((table, Ok(at)));
    };
    let table = if frame {
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("columns", vec!["at"])?;
        InputTable::read(
            &requests.call_method("drop", (), Some(&kwargs))?,
            "requests",
        )?
    } else {
        // The dict less its `at` (read here; the layer would read its datetimes as dates).
        let rest = pyo3::types::PyDict::new(py);
        for (k, v) in requests.cast::<pyo3::types::PyDict>()?.iter() {
            if k.extract::<String>().ok().as_deref() != Some("at") {
                rest.set_item(k, v)?;
            }
        }
        InputTable::read(&rest, "requests")?
    };
    if frame && at.getattr("dtype")?.getattr("kind")?.extract::<String>()? == "M" {
        let array = py.import("pyarrow")?.getattr("array")?.call1((&at,))?;
        let one = pyo3::types::PyDict::new(py);
        one.set_item("at", array)?;
        let column = InputTable::read(&one, "requests")?.required("at", "requests")?;
        return Ok((table, Ok(column)));
    }
    let instants = python_instants(py, &at)?;
    if instants.len() != table.rows() {
        return Err(raise(Error::InvalidArgument {
            field: "at",
            value: format!("{} values", instants.len()),
            reason: format!(
                "must have as many values as the other columns ({})",
                table.rows()
            ),
        }));
    }
    Ok((table, Err(instants)))
}

/// The columns of a requests table.
struct RequestColumns {
    person: InputColumn,
    debt: InputColumn,
    channel: InputColumn,
    destination: InputColumn,
    /// The `at` column as Arrow, or its instants read from Python values.
    at: Result<InputColumn, Vec<Result<DateTime<Utc>, Error>>>,
    autodialed: Option<InputColumn>,
    purpose: Option<InputColumn>,
}

/// One request row: the profile's and history's places, and the request.
type Row = (usize, Option<usize>, ContactRequest);

impl RequestColumns {
    /// The request at `row`, its person's profile and history found by id.
    fn row(
        &self,
        row: usize,
        profiles: &HashMap<String, usize>,
        histories: &HashMap<String, usize>,
    ) -> Result<Row, Error> {
        let person = self.person.require_str(row)?;
        let Some(&profile) = profiles.get(person) else {
            return Err(Error::InvalidArgument {
                field: "person",
                value: format!("row {row}: {person}"),
                reason: String::from("has no profile in profiles"),
            });
        };
        let at = match &self.at {
            Ok(column) => arrow_instant(column, row)?,
            Err(read) => match read.get(row) {
                Some(Ok(t)) => *t,
                Some(Err(e)) => return Err(e.clone()),
                None => return Err(self.person.null(row).with_field("at")),
            },
        };
        let channel = self.channel.require_parsed::<Channel>(row)?;
        let purpose = match &self.purpose {
            Some(p) => p.parsed::<Purpose>(row)?.unwrap_or(Purpose::Collection),
            None => Purpose::Collection,
        };
        let autodialed = match &self.autodialed {
            Some(a) => a.bool(row)?.unwrap_or(false),
            None => false,
        };
        let request = ContactRequest::new(
            person,
            self.debt.require_str(row)?,
            channel,
            self.destination.require_str(row)?,
            at,
        )
        .map_err(|e| prefixed(e, &format!("row {row}")))?
        .autodialed(autodialed)
        .with_purpose(purpose);
        Ok((profile, histories.get(person).copied(), request))
    }
}

/// Decides a table of requests: the columns ``person``, ``debt``, ``channel``, ``destination`` and
/// ``at`` (aware timestamps or RFC 3339 text; a timestamp without a time zone is refused), optionally
/// ``autodialed`` and ``purpose``, each row decided against the profile and history of its person
/// (``profiles`` and ``histories`` by person id; ``profiles`` may also be a list of profiles). The
/// table is read through Arrow (no Python object per cell, but for a dict's list of datetimes) and
/// its rows read and decided (the core's batch evaluation) without the GIL, on the threads of
/// ``set_threads``; ``progress`` is ``None``, ``True`` (a tqdm bar) or a callable told ``(done,
/// total)`` requests. Gives ``allowed``, ``rules`` (the blocking rule ids) and ``next_eligible``
/// (UTC) per row, as the same kind of table: a pandas DataFrame (``pd.ArrowDtype`` columns, with the
/// requests' index), a polars DataFrame, a pyarrow Table, or a dict of lists.
///
/// ``errors='raise'`` (the default): a person with no profile, a null or bad cell, or a row that
/// cannot be decided raises the error of its column, its value led by its row (``'row 1: None'``).
/// ``errors='column'``: nothing is raised for a bad row; an ``error`` column gives ``"<field>:
/// <message>"`` (``None`` when fine) and that row's results are ``None``.
///
/// >>> p = ContactProfile("p1", ["America/New_York"], destinations=[Destination("555", "phone")])
/// >>> out = evaluate_table(Policy.us_federal(), [p], {"person": ["p1", "p1"], "debt": ["d", "d"],
/// ...     "channel": ["call", "call"], "destination": ["555", "555"],
/// ...     "at": ["2026-04-08T11:00:00Z", "2026-04-08T13:00:00Z"]})
/// >>> out["allowed"], out["rules"]
/// ([False, True], [['reg_f.time_of_day'], []])
#[pyfunction]
#[pyo3(signature = (policy, profiles, requests, histories = None, *, errors = None, progress = None),
       text_signature = "(policy, profiles, requests, histories=None, *, errors='raise', progress=None)")]
#[allow(clippy::too_many_arguments)]
pub fn evaluate_table<'py>(
    py: Python<'py>,
    policy: &Bound<'py, PyAny>,
    profiles: &Bound<'py, PyAny>,
    requests: &Bound<'py, PyAny>,
    histories: Option<&Bound<'py, PyAny>>,
    errors: Option<&Bound<'py, PyAny>>,
    progress: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let policy = &class_arg::<PyPolicy>(policy, "policy", "a Policy")?.get().0;
    let on_error = errors_arg(errors)?;
    let mut progress = progress_arg(progress, "evaluate_table")?;

    // The profiles by person id (a mapping's keys, or each profile's person).
    let mapping = py.import("collections.abc")?.getattr("Mapping")?;
    let mut held: Vec<Bound<'py, PyContactProfile>> = Vec::new();
    let mut by_person: HashMap<String, usize> = HashMap::new();
    let profile_of = |o: &Bound<'py, PyAny>| -> PyResult<Bound<'py, PyContactProfile>> {
        o.cast::<PyContactProfile>()
            .cloned()
            .map_err(|_| wrong_type(o, "profiles", "a ContactProfile"))
    };
    if profiles.is_instance(&mapping)? {
        for item in items_arg(&profiles.call_method0("items")?, "profiles")? {
            let (key, value): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item.extract()?;
            by_person.insert(str_arg(&key, "profiles")?, held.len());
            held.push(profile_of(&value)?);
        }
    } else {
        for p in items_arg(profiles, "profiles")? {
            let p = profile_of(&p)?;
            by_person.insert(p.get().0.person().to_string(), held.len());
            held.push(p);
        }
    }
    let mut kept_histories: Vec<ContactHistory> = Vec::new();
    let mut history_of: HashMap<String, usize> = HashMap::new();
    if let Some(h) = given(histories) {
        if !h.is_instance(&mapping)? {
            return Err(wrong_type(
                h,
                "histories",
                "a mapping of person ids to ContactHistory",
            ));
        }
        for item in items_arg(&h.call_method0("items")?, "histories")? {
            let (key, value): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item.extract()?;
            history_of.insert(str_arg(&key, "histories")?, kept_histories.len());
            kept_histories.push(history_arg(Some(&value))?);
        }
    }

    let (table, at) = read_requests(py, requests)?;
    let cols = RequestColumns {
        person: table.required("person", "requests")?,
        debt: table.required("debt", "requests")?,
        channel: table.required("channel", "requests")?,
        destination: table.required("destination", "requests")?,
        at,
        autodialed: table.column("autodialed")?,
        purpose: table.column("purpose")?,
    };
    let rows = table.rows();

    // The rows read without the GIL, on the threads of set_threads (errors kept per row).
    let indices: Vec<usize> = (0..rows).collect();
    let read_one = |&row: &usize| Ok(cols.row(row, &by_person, &history_of));
    let read: Vec<Result<Row, Error>> = py
        .detach(|| par_map(&indices, READS_PER_THREAD, read_one))
        .map_err(|(_, e)| raise(e))?;
    if on_error == OnError::Raise {
        if let Some((row, e)) = read
            .iter()
            .enumerate()
            .find_map(|(row, r)| r.as_ref().err().map(|e| (row, e)))
        {
            return Err(raise_at_row(py, e.clone(), row));
        }
    }

    let empty = ContactHistory::empty();
    let profiles_core: Vec<&ContactProfile> = held.iter().map(|p| &p.get().0).collect();
    // The rows read well, decided by the core's batch evaluation; the others keep their errors.
    let good: Vec<BatchItem<'_>> = read
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|(profile, history, request)| BatchItem {
            profile: profiles_core[*profile],
            history: history.map_or(&empty, |h| &kept_histories[h]),
            request,
        })
        .collect();
    let decided: Vec<Result<Decision, Error>> = match progress.as_mut() {
        None => {
            let threads = crate::threads::threads();
            py.detach(|| core::evaluate_batch_on(policy, &good, threads))
        }
        Some(p) => {
            let one =
                |i: &BatchItem<'_>| Ok(core::evaluate(policy, i.profile, i.history, i.request));
            par_map_detached(py, &good, REQUESTS_PER_THREAD, one, Some(p))?
                .map_err(|(_, e)| raise(e))?
        }
    };
    let mut decided = decided.into_iter();
    let mut results: Vec<Result<Decision, Error>> = Vec::with_capacity(rows);
    for (row, r) in read.into_iter().enumerate() {
        results.push(match r {
            Err(e) => Err(e),
            Ok(_) => match decided.next() {
                Some(Ok(d)) => Ok(d),
                Some(Err(e)) if on_error == OnError::Raise => return Err(raise_at_row(py, e, row)),
                Some(Err(e)) => Err(e),
                None => Err(Error::InvalidArgument {
                    field: "requests",
                    value: format!("row {row}"),
                    reason: String::from("was not decided"),
                }),
            },
        });
    }

    match table.kind() {
        // A dict of columns gives a dict of lists, as before the Arrow layer.
        TableKind::Dict => decisions_dict(py, &results, on_error).map(Bound::into_any),
        TableKind::Pandas => {
            let t = decisions_table(&results, on_error);
            let frame = give_back(py, t, TableKind::Pandas, false, "evaluate_table")?;
            frame.setattr("index", requests.getattr("index")?)?;
            Ok(frame)
        }
        kind => give_back(
            py,
            decisions_table(&results, on_error),
            kind,
            false,
            "evaluate_table",
        ),
    }
}

/// The decisions as a dict of lists (for a dict of columns, as before the Arrow layer): `allowed`,
/// `rules` (lists of rule ids), `next_eligible` (aware UTC datetimes; one object per distinct
/// instant, as they are immutable) and, with `errors="column"`, `error`.
fn decisions_dict<'py>(
    py: Python<'py>,
    results: &[Result<Decision, Error>],
    on_error: OnError,
) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
    let none = py.None().into_bound(py);
    let mut instants: HashMap<i64, Bound<'py, PyAny>> = HashMap::new();
    let mut names: HashMap<&str, Bound<'py, PyAny>> = HashMap::new();
    let (mut allowed, mut rules, mut next) = (
        Vec::with_capacity(results.len()),
        Vec::with_capacity(results.len()),
        Vec::with_capacity(results.len()),
    );
    for r in results {
        let Ok(d) = r else {
            allowed.push(none.clone());
            rules.push(none.clone());
            next.push(none.clone());
            continue;
        };
        allowed.push(
            pyo3::types::PyBool::new(py, d.allowed())
                .to_owned()
                .into_any(),
        );
        let mut ids = Vec::with_capacity(d.reasons().len());
        for reason in d.reasons() {
            let name = match names.get(reason.rule.as_str()) {
                Some(n) => n.clone(),
                None => {
                    let n = pyo3::types::PyString::new(py, &reason.rule).into_any();
                    names.insert(reason.rule.as_str(), n.clone());
                    n
                }
            };
            ids.push(name);
        }
        rules.push(pyo3::types::PyList::new(py, ids)?.into_any());
        next.push(match d.next_eligible() {
            None => none.clone(),
            Some(t) => {
                let key = t.timestamp_micros();
                match instants.get(&key) {
                    Some(v) => v.clone(),
                    None => {
                        let v = t.out(py)?;
                        instants.insert(key, v.clone());
                        v
                    }
                }
            }
        });
    }
    let out = pyo3::types::PyDict::new(py);
    out.set_item("allowed", pyo3::types::PyList::new(py, allowed)?)?;
    out.set_item("rules", pyo3::types::PyList::new(py, rules)?)?;
    out.set_item("next_eligible", pyo3::types::PyList::new(py, next)?)?;
    if on_error == OnError::Column {
        let errors: Vec<Option<String>> = results
            .iter()
            .map(|r| r.as_ref().err().map(ToString::to_string))
            .collect();
        out.set_item("error", errors)?;
    }
    Ok(out)
}

/// The decisions as a table: `allowed`, `rules` (a list of rule ids), `next_eligible` (a UTC
/// timestamp in microseconds) and, with `errors="column"`, `error`.
fn decisions_table(results: &[Result<Decision, Error>], on_error: OnError) -> OutputTable {
    let mut rules = ListBuilder::new(StringBuilder::new());
    for r in results {
        match r {
            Ok(d) => {
                for reason in d.reasons() {
                    rules.values().append_value(&reason.rule);
                }
                rules.append(true);
            }
            Err(_) => rules.append(false),
        }
    }
    let next: TimestampMicrosecondArray = results
        .iter()
        .map(|r| {
            r.as_ref()
                .ok()
                .and_then(Decision::next_eligible)
                .map(|t| t.timestamp_micros())
        })
        .collect();
    let mut t = OutputTable::new();
    t.bools(
        "allowed",
        results
            .iter()
            .map(|r| r.as_ref().ok().map(Decision::allowed))
            .collect(),
    )
    .push("rules", Arc::new(rules.finish()))
    .push("next_eligible", Arc::new(next.with_timezone("UTC")));
    if on_error == OnError::Column {
        let errors: Vec<Option<String>> = results
            .iter()
            .map(|r| r.as_ref().err().map(ToString::to_string))
            .collect();
        t.strs("error", &errors);
    }
    t
}

/// Registers the function.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(evaluate_table, m)?)?;
    Ok(())
}
