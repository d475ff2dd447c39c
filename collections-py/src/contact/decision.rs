//! `evaluate`, `next_eligible`, `eligible_windows` and `evaluate_many`, with the `Decision`, `Reason`
//! and `ContactWarning` they give (over the core's `contact::decision`).

use collections_core::contact::{
    self as core, BatchItem, ContactHistory, ContactProfile, ContactRequest, Decision, Policy,
    Reason, Warning,
};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use super::class_arg;
use super::history::{history_arg, PyContactHistory, PyContactRequest};
use super::policy::PyPolicy;
use super::profile::PyContactProfile;
use crate::convert::{html_escape, int_arg, items_arg, wrong_type};
use crate::debt::{given, value_class, Out};
use crate::errors::CoreResultExt;

value_class! {
    in "collections_core.contact"
    /// Why a contact is blocked: the ``rule``'s id, its ``citation`` and verification ``mark``, and a
    /// ``message`` a collector understands.
    "Reason" PyReason(Reason) {
        /// The rule's id.
        rule: |r| r.rule.as_str(),
        /// Its source.
        citation: |r| r.citation.as_str(),
        /// ``V``, ``S``, ``?`` or ``None`` (the creditor's own rules).
        mark: |r| r.mark.map(|m| m.name()),
        /// What is wrong, in a sentence.
        message: |r| r.message.as_str(),
    }
}

value_class! {
    in "collections_core.contact"
    /// Something that does not block but a collector should see: a ``code``
    /// (``rapid_succession``, ``high_concentration``), its ``citation`` and a ``message``.
    "ContactWarning" PyContactWarning(Warning) {
        /// ``rapid_succession`` or ``high_concentration``.
        code: |w| w.code.as_str(),
        /// Its source.
        citation: |w| w.citation.as_str(),
        /// What it means, in a sentence.
        message: |w| w.message.as_str(),
    }
}

value_class! {
    in "collections_core.contact"
    /// The answer to a request: whether it is ``allowed`` at its instant ``at``; if not, every
    /// ``reason`` (``rule_ids`` lists their rules); ``warnings`` that do not block; and
    /// ``next_eligible``, the earliest instant at or after the request when every rule allows (an aware
    /// UTC ``datetime``; the request's own instant when allowed; ``None`` when none comes within the
    /// policy's search horizon, as after a cease). ``to_json()`` is the decision for a log;
    /// ``_repr_html_`` shows it in a notebook.
    "Decision" PyDecision(Decision) {
        /// Whether every rule allows the request.
        allowed: |d| d.allowed(),
        /// The request's instant (UTC).
        at: |d| d.at(),
        /// Why it is blocked: one reason per blocking rule, in the policy's order.
        reasons: |d| d.reasons().iter().cloned().map(PyReason).collect::<Vec<_>>(),
        /// The ids of the blocking rules.
        rule_ids: |d| d.reasons().iter().map(|r| r.rule.as_str()).collect::<Vec<_>>(),
        /// Warnings that do not block.
        warnings: |d| d.warnings().iter().cloned().map(PyContactWarning).collect::<Vec<_>>(),
        /// The earliest instant at or after the request when every rule allows, or ``None``.
        next_eligible: |d| d.next_eligible(),
    }

    /// The decision as JSON (``allowed``, ``at``, ``reasons``, ``warnings``, ``next_eligible``).
    fn to_json(&self) -> String {
        self.state()
    }

    /// The decision in HTML: the answer, then a table of the reasons and the warnings.
    fn _repr_html_(&self) -> String {
        let d = &self.0;
        let rfc = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
        let mut out = String::from("<div class=\"collections-decision\">");
        if d.allowed() {
            out.push_str(&format!("<p><strong>Allowed</strong> at {}</p>", rfc(d.at())));
        } else {
            let next = d
                .next_eligible()
                .map_or_else(|| "none within the search horizon".to_string(), rfc);
            out.push_str(&format!(
                "<p><strong>Blocked</strong> at {}; next eligible: {}</p>",
                rfc(d.at()),
                html_escape(&next)
            ));
            out.push_str("<table><thead><tr><th>rule</th><th>citation</th><th>mark</th><th>why</th></tr></thead><tbody>");
            for r in d.reasons() {
                out.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    html_escape(&r.rule),
                    html_escape(&r.citation),
                    html_escape(r.mark.map_or("", |m| m.name())),
                    html_escape(&r.message)
                ));
            }
            out.push_str("</tbody></table>");
        }
        if !d.warnings().is_empty() {
            out.push_str("<ul>");
            for w in d.warnings() {
                out.push_str(&format!(
                    "<li><strong>{}</strong> ({}): {}</li>",
                    html_escape(&w.code),
                    html_escape(&w.citation),
                    html_escape(&w.message)
                ));
            }
            out.push_str("</ul>");
        }
        out.push_str("</div>");
        out
    }
}

/// The four inputs, borrowed from their Python objects (the history owned when built from attempts).
struct Inputs<'a, 'py> {
    policy: &'a Bound<'py, PyPolicy>,
    profile: &'a Bound<'py, PyContactProfile>,
    history: ContactHistory,
    request: &'a Bound<'py, PyContactRequest>,
}

impl Inputs<'_, '_> {
    /// The core values.
    fn parts(&self) -> (&Policy, &ContactProfile, &ContactHistory, &ContactRequest) {
        (
            &self.policy.get().0,
            &self.profile.get().0,
            &self.history,
            &self.request.get().0,
        )
    }
}

fn inputs<'a, 'py>(
    policy: &'a Bound<'py, PyAny>,
    profile: &'a Bound<'py, PyAny>,
    history: Option<&'a Bound<'py, PyAny>>,
    request: &'a Bound<'py, PyAny>,
) -> PyResult<Inputs<'a, 'py>> {
    Ok(Inputs {
        policy: class_arg::<PyPolicy>(policy, "policy", "a Policy")?,
        profile: class_arg::<PyContactProfile>(profile, "profile", "a ContactProfile")?,
        history: history_arg(history)?,
        request: class_arg::<PyContactRequest>(request, "request", "a ContactRequest")?,
    })
}

/// Decides a request: may we contact this person now, on this channel, about this debt? ``history``
/// is a ``ContactHistory``, a list of ``Attempt``s or ``None``. Fails (never answering "allowed") when
/// the request is for another person than the profile, names a destination the profile lacks or the
/// channel cannot reach, or the history holds an attempt after the request.
///
/// >>> p = ContactProfile("p1", ["America/Chicago"], destinations=[Destination("+1 312 555 0100", "phone", line="cell")])
/// >>> d = evaluate(Policy.us_federal(), p, None, ContactRequest("p1", "card", "call", "+1 312 555 0100", "2026-11-02T03:30:00Z"))
/// >>> d.allowed, d.rule_ids, d.next_eligible
/// (False, ('reg_f.time_of_day',), datetime.datetime(2026, 11, 2, 14, 0, tzinfo=datetime.timezone.utc))
#[pyfunction]
pub fn evaluate(
    py: Python<'_>,
    policy: &Bound<'_, PyAny>,
    profile: &Bound<'_, PyAny>,
    history: Option<&Bound<'_, PyAny>>,
    request: &Bound<'_, PyAny>,
) -> PyResult<PyDecision> {
    let i = inputs(policy, profile, history, request)?;
    let (p, f, h, r) = i.parts();
    // The next eligible instant may be searched far ahead: other threads run meanwhile.
    py.detach(|| core::evaluate(p, f, h, r))
        .or_raise()
        .map(PyDecision)
}

/// The earliest instant at or after the request when every rule allows it (an aware UTC
/// ``datetime``), or ``None`` when none comes within the policy's search horizon. Same checks as
/// ``evaluate``.
#[pyfunction]
pub fn next_eligible<'py>(
    py: Python<'py>,
    policy: &Bound<'py, PyAny>,
    profile: &Bound<'py, PyAny>,
    history: Option<&Bound<'py, PyAny>>,
    request: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let i = inputs(policy, profile, history, request)?;
    let (p, f, h, r) = i.parts();
    let next = py.detach(|| core::next_eligible(p, f, h, r)).or_raise()?;
    next.out(py)
}

/// The intervals ``(start, end)`` (aware UTC ``datetime``s, ``end`` excluded) in the ``days`` days
/// from the request's instant in which every rule allows it, assuming no further attempts: for dialer
/// scheduling. ``days`` from 1 to 3660. Same checks as ``evaluate``.
///
/// >>> p = ContactProfile("p1", ["America/New_York"], destinations=[Destination("555", "phone")])
/// >>> [(s.isoformat(), e.isoformat()) for s, e in eligible_windows(Policy.us_federal(), p, None, ContactRequest("p1", "d", "call", "555", "2026-04-08T04:00:00Z"), 1)]
/// [('2026-04-08T12:00:00+00:00', '2026-04-09T01:00:01+00:00')]
#[pyfunction]
pub fn eligible_windows<'py>(
    py: Python<'py>,
    policy: &Bound<'py, PyAny>,
    profile: &Bound<'py, PyAny>,
    history: Option<&Bound<'py, PyAny>>,
    request: &Bound<'py, PyAny>,
    days: &Bound<'py, PyAny>,
) -> PyResult<Vec<Bound<'py, PyTuple>>> {
    let days = int_arg::<u32>(days, "days")?;
    let i = inputs(policy, profile, history, request)?;
    let (p, f, h, r) = i.parts();
    let windows = py
        .detach(|| core::eligible_windows(p, f, h, r, days))
        .or_raise()?;
    windows
        .iter()
        .map(|w| PyTuple::new(py, [w.start.out(py)?, w.end.out(py)?]))
        .collect()
}

/// Decides many requests under one policy: ``items`` is an iterable of ``(profile, history, request)``
/// triples (``history`` a ``ContactHistory`` or ``None``). The decisions come back in order; the work
/// runs without the GIL on the threads of ``set_threads`` (every core by default; the core's
/// ``evaluate_batch``). The first item that cannot be
/// decided raises its error.
///
/// >>> p = ContactProfile("p1", ["Europe/London"], destinations=[Destination("a@b.uk", "email")])
/// >>> reqs = [ContactRequest("p1", "d", "email", "a@b.uk", f"2026-06-01T{h:02}:00:00Z") for h in (6, 12)]
/// >>> [d.allowed for d in evaluate_many(Policy("united_kingdom"), [(p, None, r) for r in reqs])]
/// [False, True]
#[pyfunction]
pub fn evaluate_many(
    py: Python<'_>,
    policy: &Bound<'_, PyAny>,
    items: &Bound<'_, PyAny>,
) -> PyResult<Vec<PyDecision>> {
    let policy = &class_arg::<PyPolicy>(policy, "policy", "a Policy")?.get().0;
    let expected = "a (profile, history, request) triple";
    let rows = items_arg(items, "items")?;
    let mut held = Vec::with_capacity(rows.len());
    for row in &rows {
        let t = row
            .cast::<PyTuple>()
            .map_err(|_| wrong_type(row, "items", expected))?;
        if t.len() != 3 {
            return Err(wrong_type(row, "items", expected));
        }
        let profile = t
            .get_item(0)?
            .cast_into::<PyContactProfile>()
            .map_err(|_| wrong_type(row, "items", expected))?;
        let history = match given(Some(&t.get_item(1)?)) {
            None => None,
            Some(h) => Some(
                h.cast::<PyContactHistory>()
                    .map_err(|_| wrong_type(row, "items", expected))?
                    .clone(),
            ),
        };
        let request = t
            .get_item(2)?
            .cast_into::<PyContactRequest>()
            .map_err(|_| wrong_type(row, "items", expected))?;
        held.push((profile, history, request));
    }
    let empty = ContactHistory::empty();
    let batch: Vec<BatchItem<'_>> = held
        .iter()
        .map(|(p, h, r)| BatchItem {
            profile: &p.get().0,
            history: h.as_ref().map_or(&empty, |h| &h.get().0),
            request: &r.get().0,
        })
        .collect();
    let threads = crate::threads::threads();
    let decided = py.detach(|| core::evaluate_batch_on(policy, &batch, threads));
    decided
        .into_iter()
        .map(|d| d.or_raise().map(PyDecision))
        .collect()
}

/// Registers the classes and functions on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyReason>()?;
    m.add_class::<PyContactWarning>()?;
    m.add_class::<PyDecision>()?;
    m.add_function(wrap_pyfunction!(evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(next_eligible, m)?)?;
    m.add_function(wrap_pyfunction!(eligible_windows, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate_many, m)?)?;
    Ok(())
}
