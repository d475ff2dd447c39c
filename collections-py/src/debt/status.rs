//! The status lifecycle of a debt: `Status`, `transition` (the allowed changes) and `StatusHistory`
//! (a dated history with the rules that need the past).

use collections_core::debt::status::{self as core, Status, StatusChange, StatusHistory};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use super::value_class;
use crate::convert::{date_arg, items_arg, str_arg, wrong_type};
use crate::errors::{invalid, CoreResultExt};

/// A status argument: a `Status` or a name (the core's loose parsing). A name that is no status names
/// the core's field `status`; a value of another type names `field`.
pub(super) fn status_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<Status> {
    if let Ok(s) = obj.cast::<PyStatus>() {
        return Ok(s.get().0);
    }
    if obj.is_instance_of::<pyo3::types::PyString>() {
        // A name that is no status is the core's error, with the core's field ("status"), as in C
        // and Rust; a value of the wrong type names the argument.
        return super::name_arg::<Status>(obj, "status");
    }
    Err(wrong_type(obj, field, "a Status or a status name"))
}

value_class! {
    /// The status of a debt, by name: working ``current``, ``delinquent``, ``in_arrangement``,
    /// ``arrangement_broken``, ``legal``, ``charged_off``, ``bankrupt``, ``deceased``; pauses
    /// ``disputed``, ``hardship``, ``fraud`` (collection stops; the account returns to the status
    /// before); terminal ``settled``, ``paid_in_full``, ``written_off``, ``closed``, ``recalled``,
    /// ``sold`` (nothing follows). Case, ``_``, ``-`` and spaces in a name are not significant.
    ///
    /// >>> s = Status("Paid In Full")
    /// >>> s, s.is_terminal, Status("delinquent").can_become("in_arrangement")
    /// (Status(name='paid_in_full'), True, True)
    "Status" PyStatus(Status) {
        /// The snake_case name.
        name: |s| s.name(),
    }

    #[new]
    fn new(name: &Bound<'_, PyAny>) -> PyResult<Self> {
        super::name_arg::<Status>(name, "name").map(PyStatus)
    }

    /// Whether nothing may follow it.
    #[getter]
    fn is_terminal(&self) -> bool {
        self.0.is_terminal()
    }

    /// Whether it pauses collection (disputed, hardship, fraud).
    #[getter]
    fn is_pause(&self) -> bool {
        self.0.is_pause()
    }

    /// Whether the transition table allows a change to ``to`` (a ``Status`` or a name), without a
    /// history's rules.
    fn can_become(&self, to: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.can_become(status_arg(to, "to")?))
    }

    /// Every status, in declaration order.
    #[staticmethod]
    fn all() -> Vec<PyStatus> {
        Status::ALL.into_iter().map(PyStatus).collect()
    }

    fn __str__(&self) -> &'static str {
        self.0.name()
    }
}

value_class! {
    /// One change of status: ``from_status``, ``to_status`` (``Status`` values), the ``date`` it took
    /// effect and the ``reason`` (not empty).
    "StatusChange" PyStatusChange(StatusChange) {
        /// The status before.
        from_status: |c| PyStatus(c.from),
        /// The status after.
        to_status: |c| PyStatus(c.to),
        /// The date it took effect.
        date: |c| c.date,
        /// Why.
        reason: |c| c.reason.as_str(),
    }

    #[new]
    fn new(
        from_status: &Bound<'_, PyAny>,
        to_status: &Bound<'_, PyAny>,
        date: &Bound<'_, PyAny>,
        reason: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        transition(from_status, to_status, date, reason)
    }
}

/// Checks a change of status against the transition table and returns its record.
///
/// A refused change raises ``InvalidArgumentError`` with ``field == 'status'`` and ``value`` naming
/// both states (``'paid_in_full -> delinquent'``); an empty ``reason`` names ``reason``.
///
/// >>> transition("delinquent", "in_arrangement", "2026-03-01", "12-month plan agreed").to_status
/// Status(name='in_arrangement')
#[pyfunction]
pub fn transition(
    from_status: &Bound<'_, PyAny>,
    to_status: &Bound<'_, PyAny>,
    date: &Bound<'_, PyAny>,
    reason: &Bound<'_, PyAny>,
) -> PyResult<PyStatusChange> {
    core::transition(
        status_arg(from_status, "from_status")?,
        status_arg(to_status, "to_status")?,
        date_arg(date, "date")?,
        str_arg(reason, "reason")?,
    )
    .or_raise()
    .map(PyStatusChange)
}

/// A change argument for a history: a `StatusChange`.
fn change_arg(obj: &Bound<'_, PyAny>) -> PyResult<StatusChange> {
    obj.cast::<PyStatusChange>()
        .map(|c| c.get().0.clone())
        .map_err(|_| wrong_type(obj, "changes", "a StatusChange"))
}

value_class! {
    /// Every status change of one account, in order, from an ``initial`` status on ``opened_on``.
    ///
    /// Besides the transition table, a history refuses a change dated before the last one, a pause
    /// returning to another status than the one before it, and ``current`` or ``delinquent`` after a
    /// charge-off. It is immutable: ``change`` returns a new history (this one is unchanged).
    /// ``StatusHistory(initial, opened_on, changes)`` replays ``StatusChange``s through the rules.
    ///
    /// >>> h = StatusHistory("current", "2026-01-01")
    /// >>> h = h.change("delinquent", "2026-02-02", "January installment missed")
    /// >>> h = h.change("disputed", "2026-02-10", "debtor disputes the amount")
    /// >>> h.current, h.returns_to, h.status_on("2026-02-05")
    /// (Status(name='disputed'), Status(name='delinquent'), Status(name='delinquent'))
    "StatusHistory" PyStatusHistory(StatusHistory)
    repr |s, _py| Ok(format!(
        "<StatusHistory {} since {}, {} changes, now {} since {}>",
        s.0.initial(), s.0.opened_on(), s.0.changes().len(), s.0.current(), s.0.last_date()
    ));
    {
        /// The status it started in.
        initial: |h| PyStatus(h.initial()),
        /// The date it starts.
        opened_on: |h| h.opened_on(),
        /// Every change, in order.
        changes: |h| h.changes().iter().cloned().map(PyStatusChange).collect::<Vec<_>>(),
    }

    #[new]
    #[pyo3(signature = (initial, opened_on, changes = None), text_signature = "(initial, opened_on, changes=())")]
    fn new(
        initial: &Bound<'_, PyAny>,
        opened_on: &Bound<'_, PyAny>,
        changes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut h = StatusHistory::new(status_arg(initial, "initial")?, date_arg(opened_on, "opened_on")?);
        if let Some(changes) = super::given(changes) {
            for c in items_arg(changes, "changes")?.iter().map(change_arg) {
                let c = c?;
                if c.from != h.current() {
                    return Err(invalid(
                        "changes",
                        format!("{} -> {} on {}", c.from, c.to, c.date),
                        format!("the account was {} then", h.current()),
                    ));
                }
                h.change(c.to, c.date, c.reason).or_raise()?;
            }
        }
        Ok(PyStatusHistory(h))
    }

    /// The status now (after the last change).
    #[getter]
    fn current(&self) -> PyStatus {
        PyStatus(self.0.current())
    }

    /// The date of the last change (or of the opening).
    #[getter]
    fn last_date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        super::Out::out(&self.0.last_date(), py)
    }

    /// The working status a pause returns to, or ``None`` when not paused (or opened paused).
    #[getter]
    fn returns_to(&self) -> Option<PyStatus> {
        self.0.returns_to().map(PyStatus)
    }

    /// A new history with a change to ``to`` on ``date`` for ``reason``, after the table's and the
    /// history's rules; a refused change raises ``InvalidArgumentError`` naming both states.
    fn change(
        &self,
        to: &Bound<'_, PyAny>,
        date: &Bound<'_, PyAny>,
        reason: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let mut h = self.0.clone();
        h.change(status_arg(to, "to")?, date_arg(date, "date")?, str_arg(reason, "reason")?)
            .or_raise()?;
        Ok(PyStatusHistory(h))
    }

    /// The status in force at the end of ``date``; ``None`` before the history opens.
    fn status_on(&self, date: &Bound<'_, PyAny>) -> PyResult<Option<PyStatus>> {
        Ok(self.0.status_on(date_arg(date, "date")?).map(PyStatus))
    }

    fn __len__(&self) -> usize {
        self.0.changes().len()
    }
}

/// Registers the classes and the function.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("STATUSES", PyTuple::new(py, Status::ALL.map(Status::name))?)?;
    m.add_class::<PyStatus>()?;
    m.add_class::<PyStatusChange>()?;
    m.add_class::<PyStatusHistory>()?;
    m.add_function(wrap_pyfunction!(transition, m)?)?;
    Ok(())
}
