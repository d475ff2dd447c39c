//! `evaluate_table`: a table of contact requests (one row per request) decided by the core's batch
//! evaluation without the GIL, on the threads of `set_threads`, and a table of decisions back.

use std::collections::HashMap;

use collections_core::contact::{
    self as core, BatchItem, Channel, ContactHistory, ContactProfile, ContactRequest, Decision,
    Purpose,
};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use super::history::history_arg;
use super::policy::PyPolicy;
use super::profile::PyContactProfile;
use super::{class_arg, instant_arg};
use crate::affordability::batch::with_prefix;
use crate::convert::{bool_arg, describe, items_arg, str_arg, wrong_type};
use crate::debt::batch::{error_text, errors_arg, missing, OnError};
use crate::debt::{given, name_arg, name_or, Out};
use crate::errors::{invalid, raise, CoreResultExt};
use crate::threads::{par_map_detached, progress_arg};

/// The columns a requests table must have.
const REQUIRED: [&str; 5] = ["person", "debt", "channel", "destination", "at"];

/// Requests below this many per thread are decided on one thread (with a progress report).
const REQUESTS_PER_THREAD: usize = 256;

/// How the requests came, so the decisions go back the same way.
enum Kind {
    /// A dict of columns: a dict of lists.
    Dict,
    /// A pyarrow Table (or RecordBatch): a pyarrow Table.
    Arrow,
    /// A pandas DataFrame: a DataFrame with the requests' index.
    Pandas,
}

/// A column's values: a pyarrow array (`to_pylist()`), a pandas Series or numpy array (`tolist()`:
/// aware timestamps stay instants), or any iterable.
fn items<'py>(obj: &Bound<'py, PyAny>, field: &'static str) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if obj.hasattr("to_pylist")? {
        return items_arg(&obj.call_method0("to_pylist")?, field);
    }
    if obj.hasattr("tolist")? {
        return items_arg(&obj.call_method0("tolist")?, field);
    }
    items_arg(obj, field)
}

/// The columns of the requests by name, and their kind.
fn request_columns<'py>(table: &Bound<'py, PyAny>) -> PyResult<(Bound<'py, PyDict>, Kind)> {
    let py = table.py();
    let mapping = py.import("collections.abc")?.getattr("Mapping")?;
    if table.is_instance(&mapping)? {
        let out = PyDict::new(py);
        for item in items_arg(&table.call_method0("items")?, "requests")? {
            let (name, values): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item.extract()?;
            out.set_item(name.str()?, values)?;
        }
        return Ok((out, Kind::Dict));
    }
    if table.hasattr("to_pydict")? && table.hasattr("column_names")? {
        let out = PyDict::new(py);
        for name in table.getattr("column_names")?.try_iter()? {
            let name = name?;
            out.set_item(&name, table.call_method1("column", (&name,))?)?;
        }
        return Ok((out, Kind::Arrow));
    }
    if table.hasattr("columns")? && table.hasattr("index")? {
        let out = PyDict::new(py);
        for name in table.getattr("columns")?.try_iter()? {
            let name = name?;
            out.set_item(name.str()?, table.get_item(&name)?)?;
        }
        return Ok((out, Kind::Pandas));
    }
    Err(invalid(
        "requests",
        describe(table),
        "expected a pandas DataFrame, a pyarrow Table or a dict of columns",
    ))
}

/// A table of Python values by column, built as a dict of lists, then given back as `kind`.
fn give_back<'py>(
    requests: &Bound<'py, PyAny>,
    out: Bound<'py, PyDict>,
    kind: Kind,
) -> PyResult<Bound<'py, PyAny>> {
    let py = requests.py();
    match kind {
        Kind::Dict => Ok(out.into_any()),
        Kind::Arrow => py.import("pyarrow")?.getattr("table")?.call1((out,)),
        Kind::Pandas => {
            let kwargs = PyDict::new(py);
            kwargs.set_item("index", requests.getattr("index")?)?;
            py.import("pandas")?
                .getattr("DataFrame")?
                .call((out,), Some(&kwargs))
        }
    }
}

/// One request row: the profile's and history's places, and the request.
type Row = (usize, Option<usize>, ContactRequest);

/// Decides a table of requests: the columns ``person``, ``debt``, ``channel``, ``destination`` and
/// ``at`` (aware timestamps or RFC 3339 text), optionally ``autodialed`` and ``purpose``, each row
/// decided against the profile and history of its person (``profiles`` and ``histories`` by person
/// id; ``profiles`` may also be a list of profiles). The table is read with the GIL held; the rows
/// are decided by the core's batch evaluation without it, on the threads of ``set_threads``;
/// ``progress`` is ``None``, ``True`` (a tqdm bar) or a callable told ``(done, total)`` requests.
/// Gives ``allowed``, ``rules`` (the blocking rule ids) and ``next_eligible`` (UTC) per row, as the
/// same kind of table: a pandas DataFrame (with the requests' index), a pyarrow Table, or a dict of
/// lists.
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

    let (cols, kind) = request_columns(requests)?;
    let mut required = Vec::with_capacity(REQUIRED.len());
    for name in REQUIRED {
        let c = cols
            .get_item(name)?
            .ok_or_else(|| invalid("requests", name, "a required column is missing"))?;
        required.push(items(&c, name)?);
    }
    let optional = |name: &'static str| -> PyResult<Option<Vec<Bound<'py, PyAny>>>> {
        cols.get_item(name)?.map(|c| items(&c, name)).transpose()
    };
    let autodialed = optional("autodialed")?;
    let purpose = optional("purpose")?;
    let rows = required[0].len();
    let lengths = REQUIRED.into_iter().zip(required.iter().map(Some)).chain([
        ("autodialed", autodialed.as_ref()),
        ("purpose", purpose.as_ref()),
    ]);
    for (name, c) in lengths {
        if let Some(c) = c.filter(|c| c.len() != rows) {
            return Err(invalid(
                name,
                c.len().to_string(),
                format!(
                    "the column has {} rows, column 'person' has {rows}",
                    c.len()
                ),
            ));
        }
    }
    let [persons, debts, channels, destinations, ats] = &required[..] else {
        unreachable!("five required columns");
    };

    let mut read: Vec<Result<Row, String>> = Vec::with_capacity(rows);
    for row in 0..rows {
        let one = || -> PyResult<Row> {
            let person = str_arg(&persons[row], "person")?;
            let Some(&profile) = by_person.get(&person) else {
                return Err(invalid("person", person, "has no profile in profiles"));
            };
            let auto = autodialed
                .as_ref()
                .map(|c| &c[row])
                .filter(|v| !missing(v))
                .map_or(Ok(false), |b| bool_arg(b, "autodialed"))?;
            let purpose = name_or(
                purpose.as_ref().map(|c| &c[row]).filter(|v| !missing(v)),
                "purpose",
                Purpose::Collection,
            )?;
            let request = ContactRequest::new(
                person.clone(),
                str_arg(&debts[row], "debt")?,
                name_arg::<Channel>(&channels[row], "channel")?,
                str_arg(&destinations[row], "destination")?,
                instant_arg(&ats[row], "at")?,
            )
            .or_raise()?
            .autodialed(auto)
            .with_purpose(purpose);
            Ok((profile, history_of.get(&person).copied(), request))
        };
        match one() {
            Ok(r) => read.push(Ok(r)),
            Err(e) => match on_error {
                OnError::Raise => return Err(with_prefix(py, e, &format!("row {row}"))),
                OnError::Column => read.push(Err(error_text(py, &e))),
            },
        }
    }

    let empty = ContactHistory::empty();
    let profiles_core: Vec<&ContactProfile> = held.iter().map(|p| &p.get().0).collect();
    // The rows read well, decided; the others keep their errors.
    let good: Vec<BatchItem<'_>> = read
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|(profile, history, request)| BatchItem {
            profile: profiles_core[*profile],
            history: history.map_or(&empty, |h| &kept_histories[h]),
            request,
        })
        .collect();
    let decided: Vec<Result<Decision, collections_core::Error>> = match progress.as_mut() {
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
    let mut results: Vec<Result<Decision, String>> = Vec::with_capacity(rows);
    for (row, r) in read.into_iter().enumerate() {
        match r {
            Err(text) => results.push(Err(text)),
            Ok(_) => match decided.next() {
                Some(Ok(d)) => results.push(Ok(d)),
                Some(Err(e)) => match on_error {
                    OnError::Raise => return Err(with_prefix(py, raise(e), &format!("row {row}"))),
                    OnError::Column => results.push(Err(e.to_string())),
                },
                None => results.push(Err(String::from("requests: not decided"))),
            },
        }
    }

    let allowed = PyList::empty(py);
    let rules = PyList::empty(py);
    let next = PyList::empty(py);
    let errors_out = PyList::empty(py);
    for r in &results {
        match r {
            Ok(d) => {
                allowed.append(d.allowed())?;
                rules.append(
                    d.reasons()
                        .iter()
                        .map(|x| x.rule.as_str())
                        .collect::<Vec<_>>(),
                )?;
                match d.next_eligible() {
                    Some(t) => next.append(t.out(py)?)?,
                    None => next.append(py.None())?,
                }
                errors_out.append(py.None())?;
            }
            Err(text) => {
                allowed.append(py.None())?;
                rules.append(py.None())?;
                next.append(py.None())?;
                errors_out.append(text)?;
            }
        }
    }
    let out = PyDict::new(py);
    out.set_item("allowed", allowed)?;
    out.set_item("rules", rules)?;
    out.set_item("next_eligible", next)?;
    if on_error == OnError::Column {
        out.set_item("error", errors_out)?;
    }
    give_back(requests, out, kind)
}

/// Registers the function.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(evaluate_table, m)?)?;
    Ok(())
}
