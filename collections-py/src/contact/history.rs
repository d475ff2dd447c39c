//! `Attempt`, `ContactHistory` and `ContactRequest` (over the core's `contact::history`).

use collections_core::contact::{
    Attempt, Channel, ContactHistory, ContactRequest, Direction, Outcome, Purpose,
};
use pyo3::prelude::*;

use super::{class_arg, each, from_json, instant_arg};
use crate::convert::{bool_arg, str_arg};
use crate::debt::{given, name_arg, name_or, value_class};
use crate::errors::CoreResultExt;

value_class! {
    in "collections_core.contact"
    /// One contact attempt: its instant ``at``, ``channel`` (``call``, ``ringless_voicemail``,
    /// ``text``, ``email``, ``letter``, ``visit``), ``outcome`` (``busy``, ``not_in_service``,
    /// ``no_answer``, ``voicemail``, ``limited_content_message``, ``right_party_conversation``,
    /// ``third_party``, ``wrong_number``, ``sent``, ...), ``destination``, the ``debts`` it concerned,
    /// its ``direction`` (``outbound`` by default, or ``inbound``: initiated by the person) and the
    /// debts the person raised in a conversation (``also_discussed``).
    ///
    /// >>> Attempt("2026-04-01T14:00:00Z", "call", "no_answer", "+1 212 555 0100", ["card"]).debts
    /// ('card',)
    "Attempt" PyAttempt(Attempt) {
        /// When.
        at: |a| a.at(),
        /// The channel.
        channel: |a| a.channel().name(),
        /// What happened.
        outcome: |a| a.outcome().name(),
        /// The address.
        destination: |a| a.destination(),
        /// The debts it concerned.
        debts: |a| a.debts().to_vec(),
        /// ``outbound`` or ``inbound``.
        direction: |a| a.direction().name(),
        /// Other debts discussed.
        also_discussed: |a| a.also_discussed_debts().to_vec(),
    }

    #[new]
    #[pyo3(signature = (at, channel, outcome, destination, debts = None, *, direction = None, also_discussed = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        at: &Bound<'_, PyAny>,
        channel: &Bound<'_, PyAny>,
        outcome: &Bound<'_, PyAny>,
        destination: &Bound<'_, PyAny>,
        debts: Option<&Bound<'_, PyAny>>,
        direction: Option<&Bound<'_, PyAny>>,
        also_discussed: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let a = Attempt::new(
            instant_arg(at, "at")?,
            name_arg::<Channel>(channel, "channel")?,
            name_or(direction, "direction", Direction::Outbound)?,
            name_arg::<Outcome>(outcome, "outcome")?,
            str_arg(destination, "destination")?,
        )
        .or_raise()?
        .about(each(debts, "debts", |d| str_arg(d, "debts"))?)
        .or_raise()?
        .also_discussed(each(also_discussed, "also_discussed", |d| {
            str_arg(d, "also_discussed")
        })?)
        .or_raise()?;
        Ok(PyAttempt(a))
    }
}

value_class! {
    in "collections_core.contact"
    /// A person's contact history: their ``attempts``, in time order. ``from_json``/``to_json`` read
    /// and write the core's JSON (a list of attempts).
    ///
    /// >>> len(ContactHistory([Attempt("2026-04-01T14:00:00Z", "call", "busy", "+1 212 555 0100")]))
    /// 1
    "ContactHistory" PyContactHistory(ContactHistory) {
        /// The attempts, in time order.
        attempts: |h| h.attempts().iter().cloned().map(PyAttempt).collect::<Vec<_>>(),
    }

    #[new]
    #[pyo3(signature = (attempts = None))]
    fn new(attempts: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        history_of(attempts).map(PyContactHistory)
    }

    /// A history from its JSON (the core's).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(ContactHistory, text, "history").map(PyContactHistory)
    }

    /// The history as JSON.
    fn to_json(&self) -> String {
        self.state()
    }

    fn __len__(&self) -> usize {
        self.0.attempts().len()
    }
}

/// A history from an iterable of `Attempt`s (or `None`: empty).
fn history_of(attempts: Option<&Bound<'_, PyAny>>) -> PyResult<ContactHistory> {
    let list = each(attempts, "attempts", |o| {
        Ok(class_arg::<PyAttempt>(o, "attempts", "an Attempt")?
            .get()
            .0
            .clone())
    })?;
    ContactHistory::new(list).or_raise()
}

/// A history argument: a `ContactHistory`, an iterable of `Attempt`s, or `None` (empty).
pub fn history_arg(obj: Option<&Bound<'_, PyAny>>) -> PyResult<ContactHistory> {
    match given(obj) {
        Some(o) => match o.cast::<PyContactHistory>() {
            Ok(h) => Ok(h.get().0.clone()),
            Err(_) => history_of(Some(o)),
        },
        None => Ok(ContactHistory::empty()),
    }
}

value_class! {
    in "collections_core.contact"
    /// A request to contact a ``person`` about a ``debt`` on a ``channel`` at a ``destination``, at an
    /// instant ``at`` (an aware ``datetime`` or RFC 3339 text); whether the call would be
    /// ``autodialed`` (for the TCPA), and its ``purpose`` (``collection`` by default,
    /// ``cease_notice`` or ``opt_out_confirmation``).
    ///
    /// >>> ContactRequest("p1", "card", "call", "+1 212 555 0100", "2026-04-08T08:00:00-04:00").at
    /// datetime.datetime(2026, 4, 8, 12, 0, tzinfo=datetime.timezone.utc)
    "ContactRequest" PyContactRequest(ContactRequest) {
        /// The person's id.
        person: |r| r.person(),
        /// The debt.
        debt: |r| r.debt(),
        /// The channel.
        channel: |r| r.channel().name(),
        /// The address.
        destination: |r| r.destination(),
        /// When (UTC).
        at: |r| r.at(),
        /// Whether the call would be autodialed or prerecorded.
        autodialed: |r| r.is_autodialed(),
        /// Why.
        purpose: |r| r.purpose().name(),
    }

    #[new]
    #[pyo3(signature = (person, debt, channel, destination, at, *, autodialed = None, purpose = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        person: &Bound<'_, PyAny>,
        debt: &Bound<'_, PyAny>,
        channel: &Bound<'_, PyAny>,
        destination: &Bound<'_, PyAny>,
        at: &Bound<'_, PyAny>,
        autodialed: Option<&Bound<'_, PyAny>>,
        purpose: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let autodialed = given(autodialed).map_or(Ok(false), |o| bool_arg(o, "autodialed"))?;
        let r = ContactRequest::new(
            str_arg(person, "person")?,
            str_arg(debt, "debt")?,
            name_arg::<Channel>(channel, "channel")?,
            str_arg(destination, "destination")?,
            instant_arg(at, "at")?,
        )
        .or_raise()?
        .autodialed(autodialed)
        .with_purpose(name_or(purpose, "purpose", Purpose::Collection)?);
        Ok(PyContactRequest(r))
    }

    /// The same request at another instant.
    fn at_instant(&self, at: &Bound<'_, PyAny>) -> PyResult<Self> {
        self.0
            .at_instant(instant_arg(at, "at")?)
            .or_raise()
            .map(PyContactRequest)
    }

    /// A request from its JSON (the core's).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(ContactRequest, text, "request").map(PyContactRequest)
    }

    /// The request as JSON.
    fn to_json(&self) -> String {
        self.state()
    }
}

/// Registers the classes on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyAttempt>()?;
    m.add_class::<PyContactHistory>()?;
    m.add_class::<PyContactRequest>()?;
    Ok(())
}
