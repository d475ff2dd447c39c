//! `ContactProfile` and its parts (over the core's `contact::ContactProfile`, `Destination`, consents,
//! opt-outs, inconvenient times and status flags).

use chrono::{NaiveTime, Weekday};
use collections_core::contact::{
    Channel, ContactProfile, Destination, FlagKind, Medium, OptOut, Party, PhoneLine, PriorConsent,
    StatusFlag, TcpaConsent, TimePlaceConsent, TimeZone, WeeklyWindow,
};
use pyo3::prelude::*;
use pyo3::types::PyString;

use super::{class_arg, each, from_json, instant_arg, opt_date, opt_instant, opt_str};
use crate::convert::{bool_arg, date_arg, describe, int_arg, str_arg, wrong_type};
use crate::debt::{given, name_arg, name_or, value_class};
use crate::errors::{invalid, CoreResultExt};

fn flag(obj: Option<&Bound<'_, PyAny>>, field: &'static str) -> PyResult<bool> {
    given(obj).map_or(Ok(false), |o| bool_arg(o, field))
}

value_class! {
    in "collections_core.contact"
    /// A way to reach the person: an ``address`` (a phone number, an email address, a postal address)
    /// of a ``medium`` (``phone``, ``email``, ``postal``), with, for a phone, its ``line`` (``cell``,
    /// ``landline`` or ``unknown``); whether it is at the person's ``place_of_employment`` and whether
    /// the ``employer_prohibits_contact`` there; whether an email address is ``employer_provided_email``;
    /// and whose it is (``party``: ``consumer`` by default, ``third_party``, ``consumer_attorney``, ...).
    ///
    /// >>> Destination("+1 212 555 0100", "phone", line="cell").line
    /// 'cell'
    "Destination" PyDestination(Destination) {
        /// The address.
        address: |d| d.address(),
        /// ``phone``, ``email`` or ``postal``.
        medium: |d| d.medium().name(),
        /// ``cell``, ``landline`` or ``unknown``.
        line: |d| d.line().name(),
        /// Whether it is at the place of employment.
        place_of_employment: |d| d.place_of_employment(),
        /// Whether the employer prohibits contact there.
        employer_prohibits_contact: |d| d.employer_prohibits_contact(),
        /// Whether it is an email address the employer provided.
        employer_provided_email: |d| d.is_employer_provided_email(),
        /// Whose it is.
        party: |d| d.party().name(),
    }

    #[new]
    #[pyo3(signature = (address, medium, *, line = None, place_of_employment = None, employer_prohibits_contact = None, employer_provided_email = None, party = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        address: &Bound<'_, PyAny>,
        medium: &Bound<'_, PyAny>,
        line: Option<&Bound<'_, PyAny>>,
        place_of_employment: Option<&Bound<'_, PyAny>>,
        employer_prohibits_contact: Option<&Bound<'_, PyAny>>,
        employer_provided_email: Option<&Bound<'_, PyAny>>,
        party: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let medium: Medium = name_arg(medium, "medium")?;
        let mut d = Destination::new(str_arg(address, "address")?, medium).or_raise()?;
        if let Some(l) = given(line) {
            d = d.with_line(name_arg::<PhoneLine>(l, "line")?);
        }
        d = d
            .at_place_of_employment(flag(place_of_employment, "place_of_employment")?)
            .with_employer_prohibiting_contact(flag(employer_prohibits_contact, "employer_prohibits_contact")?)
            .with_party(name_or(party, "party", Party::Consumer)?);
        if flag(employer_provided_email, "employer_provided_email")? {
            d = d.employer_provided_email().or_raise()?;
        }
        Ok(PyDestination(d))
    }
}

value_class! {
    in "collections_core.contact"
    /// The person's prior consent to be called about a ``debt`` (§1006.14(b)(3)(i)), ``given_at`` an
    /// instant, optionally only ``until`` a local date, and ``revoked_at`` an instant.
    "PriorConsent" PyPriorConsent(PriorConsent) {
        /// The debt.
        debt: |c| c.debt(),
        /// When it was given.
        given_at: |c| c.given_at(),
        /// The last local day it covers, or ``None``.
        until: |c| c.last_day(),
        /// When it was revoked, or ``None``.
        revoked_at: |c| c.revoked_at(),
    }

    #[new]
    #[pyo3(signature = (debt, given_at, *, until = None, revoked_at = None))]
    fn new(
        debt: &Bound<'_, PyAny>,
        given_at: &Bound<'_, PyAny>,
        until: Option<&Bound<'_, PyAny>>,
        revoked_at: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut c = PriorConsent::new(str_arg(debt, "debt")?, instant_arg(given_at, "given_at")?)
            .or_raise()?;
        if let Some(day) = opt_date(until, "until")? {
            c = c.until(day).or_raise()?;
        }
        if let Some(t) = opt_instant(revoked_at, "revoked_at")? {
            c = c.revoked(t).or_raise()?;
        }
        Ok(PyPriorConsent(c))
    }
}

value_class! {
    in "collections_core.contact"
    /// TCPA consent to autodialed or prerecorded calls to a cell ``destination``, ``given_at`` an
    /// instant, optionally ``revoked_at`` one.
    "TcpaConsent" PyTcpaConsent(TcpaConsent) {
        /// The phone number.
        destination: |c| c.destination(),
        /// When it was given.
        given_at: |c| c.given_at(),
        /// When it was revoked, or ``None``.
        revoked_at: |c| c.revoked_at(),
    }

    #[new]
    #[pyo3(signature = (destination, given_at, *, revoked_at = None))]
    fn new(
        destination: &Bound<'_, PyAny>,
        given_at: &Bound<'_, PyAny>,
        revoked_at: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut c = TcpaConsent::new(
            str_arg(destination, "destination")?,
            instant_arg(given_at, "given_at")?,
        )
        .or_raise()?;
        if let Some(t) = opt_instant(revoked_at, "revoked_at")? {
            c = c.revoked(t).or_raise()?;
        }
        Ok(PyTcpaConsent(c))
    }
}

value_class! {
    in "collections_core.contact"
    /// An opt-out of a ``channel`` (§1006.14(h), §1006.6(e)), for one ``destination`` or all
    /// (``None``), in force ``since`` an instant and optionally ``until`` one.
    "OptOut" PyOptOut(OptOut) {
        /// The channel.
        channel: |o| o.channel().name(),
        /// The address, or ``None`` for every address of the channel.
        destination: |o| o.destination(),
        /// When it took effect.
        since: |o| o.from(),
        /// When it ends, or ``None``.
        until: |o| o.until_instant(),
    }

    #[new]
    #[pyo3(signature = (channel, since, *, destination = None, until = None))]
    fn new(
        channel: &Bound<'_, PyAny>,
        since: &Bound<'_, PyAny>,
        destination: Option<&Bound<'_, PyAny>>,
        until: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut o = OptOut::new(
            name_arg::<Channel>(channel, "channel")?,
            opt_str(destination, "destination")?,
            instant_arg(since, "since")?,
        )
        .or_raise()?;
        if let Some(t) = opt_instant(until, "until")? {
            o = o.until(t).or_raise()?;
        }
        Ok(PyOptOut(o))
    }
}

value_class! {
    in "collections_core.contact"
    /// The person's consent to contact at a time or place otherwise inconvenient (§1006.6(b)(4)), for
    /// one ``channel`` or all (``None``), ``since`` an instant, optionally ``until`` one.
    "TimePlaceConsent" PyTimePlaceConsent(TimePlaceConsent) {
        /// The channel, or ``None`` for all.
        channel: |c| c.channel().map(Channel::name),
        /// When it took effect.
        since: |c| c.from(),
        /// When it ends, or ``None``.
        until: |c| c.until_instant(),
    }

    #[new]
    #[pyo3(signature = (since, *, channel = None, until = None))]
    fn new(
        since: &Bound<'_, PyAny>,
        channel: Option<&Bound<'_, PyAny>>,
        until: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let channel = given(channel)
            .map(|c| name_arg::<Channel>(c, "channel"))
            .transpose()?;
        let mut c = TimePlaceConsent::new(channel, instant_arg(since, "since")?).or_raise()?;
        if let Some(t) = opt_instant(until, "until")? {
            c = c.until(t).or_raise()?;
        }
        Ok(PyTimePlaceConsent(c))
    }
}

/// A local time: a `datetime.time` or text `"HH:MM"` / `"HH:MM:SS"`.
fn time_arg(obj: &Bound<'_, PyAny>, field: &'static str) -> PyResult<NaiveTime> {
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
        return NaiveTime::parse_from_str(&text, "%H:%M:%S")
            .or_else(|_| NaiveTime::parse_from_str(&text, "%H:%M"))
            .map_err(|_| invalid(field, text.to_string(), "is not a time HH:MM or HH:MM:SS"));
    }
    let time_class = obj.py().import("datetime")?.getattr("time")?;
    if !obj.is_instance(&time_class)? {
        return Err(wrong_type(obj, field, "a datetime.time or \"HH:MM\" text"));
    }
    let part = |name: &str| -> PyResult<u32> { int_arg::<u32>(&obj.getattr(name)?, field) };
    NaiveTime::from_hms_opt(part("hour")?, part("minute")?, part("second")?)
        .ok_or_else(|| invalid(field, describe(obj), "is not a valid time"))
}

value_class! {
    in "collections_core.contact"
    /// A weekly time the person said is inconvenient, in their local time: ``[start, end)`` on a
    /// ``weekday`` (``"Mon"``, ``"monday"``, ...), where an ``end`` of 00:00 is midnight at the end of
    /// the day; optionally only ``through`` a local date.
    ///
    /// >>> WeeklyWindow("wed", "15:00", "17:00").to_dict()
    /// {'weekday': 'Wed', 'start': datetime.time(15, 0), 'end': datetime.time(17, 0), 'through': None}
    "WeeklyWindow" PyWeeklyWindow(WeeklyWindow) {
        /// The day of the week (``Mon`` ... ``Sun``).
        weekday: |w| w.weekday().to_string(),
        /// The first local time.
        start: |w| LocalTime(w.start()),
        /// The end (excluded; 00:00 is midnight at the end of the day).
        end: |w| LocalTime(w.end()),
        /// The last local date it applies, or ``None``.
        through: |w| w.through_date(),
    }

    #[new]
    #[pyo3(signature = (weekday, start, end, *, through = None))]
    fn new(
        weekday: &Bound<'_, PyAny>,
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
        through: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let name = str_arg(weekday, "weekday")?;
        let day: Weekday = name
            .parse()
            .map_err(|_| invalid("weekday", name.clone(), "is not a day of the week"))?;
        let mut w = WeeklyWindow::new(day, time_arg(start, "start")?, time_arg(end, "end")?)
            .or_raise()?;
        if let Some(last) = opt_date(through, "through")? {
            w = w.through(last).or_raise()?;
        }
        Ok(PyWeeklyWindow(w))
    }
}

/// A local time out as a `datetime.time`.
struct LocalTime(NaiveTime);

impl crate::debt::Out for LocalTime {
    fn out<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        use chrono::Timelike;
        py.import("datetime")?.getattr("time")?.call1((
            self.0.hour(),
            self.0.minute(),
            self.0.second(),
        ))
    }
}

value_class! {
    in "collections_core.contact"
    /// A status with effective dates: ``kind`` (``cease_received``, ``attorney_representation``,
    /// ``bankruptcy``, ``deceased``, ``dispute_pending``, ``validation_period``, ``breathing_space``),
    /// for one ``debt`` or all (``None``),
    /// ``since`` an instant and optionally ``until`` one.
    "StatusFlag" PyStatusFlag(StatusFlag) {
        /// The status.
        kind: |f| f.kind().name(),
        /// The debt, or ``None`` for every debt.
        debt: |f| f.debt(),
        /// When it took effect.
        since: |f| f.from(),
        /// When it ends, or ``None``.
        until: |f| f.until_instant(),
    }

    #[new]
    #[pyo3(signature = (kind, since, *, debt = None, until = None))]
    fn new(
        kind: &Bound<'_, PyAny>,
        since: &Bound<'_, PyAny>,
        debt: Option<&Bound<'_, PyAny>>,
        until: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let mut f = StatusFlag::new(
            name_arg::<FlagKind>(kind, "kind")?,
            opt_str(debt, "debt")?,
            instant_arg(since, "since")?,
        )
        .or_raise()?;
        if let Some(t) = opt_instant(until, "until")? {
            f = f.until(t).or_raise()?;
        }
        Ok(PyStatusFlag(f))
    }

    /// The validation period of §1006.34(b)(5) for validation information about ``debt`` provided on
    /// the date ``provided_on``: from the start of that day until the end of the 30th day after the
    /// person receives it (receipt assumed five days after, not counting Saturdays, Sundays and US federal
    /// holidays), days local in ``zone`` (an IANA name).
    ///
    /// >>> StatusFlag.validation_period("card", "2026-11-20", "America/New_York").until
    /// datetime.datetime(2026, 12, 31, 5, 0, tzinfo=datetime.timezone.utc)
    #[staticmethod]
    fn validation_period(
        debt: &Bound<'_, PyAny>,
        provided_on: &Bound<'_, PyAny>,
        zone: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        let zone = TimeZone::parse("zone", &str_arg(zone, "zone")?).or_raise()?;
        StatusFlag::validation_period(str_arg(debt, "debt")?, date_arg(provided_on, "provided_on")?, &zone)
            .or_raise()
            .map(PyStatusFlag)
    }
}

value_class! {
    in "collections_core.contact"
    /// Everything known about how a person may be contacted: their ``person`` id, the IANA
    /// ``time_zones`` they may be in (all are respected: the strictest answer wins; none at all is for
    /// the policy to decide), their ``destinations``, consents (``prior_consents``, ``tcpa_consents``,
    /// ``time_place_consents``), ``opt_outs``, ``inconvenient_times`` and ``inconvenient_dates``, status
    /// ``flags``, and ``combined_debts`` (groups of debt ids counted as one for the call frequencies,
    /// such as student loans serviced under one account number). ``from_json``/``to_json`` read and
    /// write the core's JSON.
    ///
    /// >>> p = ContactProfile("p1", ["America/New_York"], destinations=[Destination("+1 212 555 0100", "phone", line="cell")])
    /// >>> p.time_zones, [d.address for d in p.destinations]
    /// (('America/New_York',), ['+1 212 555 0100'])
    "ContactProfile" PyContactProfile(ContactProfile) {
        /// The person's id.
        person: |p| p.person(),
        /// The IANA time zones they may be in.
        time_zones: |p| p.time_zones().iter().map(|z| z.name()).collect::<Vec<_>>(),
        /// The destinations.
        destinations: |p| p.destinations().iter().cloned().map(PyDestination).collect::<Vec<_>>(),
        /// The prior consents to be called.
        prior_consents: |p| p.prior_consents().iter().cloned().map(PyPriorConsent).collect::<Vec<_>>(),
        /// The TCPA consents.
        tcpa_consents: |p| p.tcpa_consents().iter().cloned().map(PyTcpaConsent).collect::<Vec<_>>(),
        /// The opt-outs.
        opt_outs: |p| p.opt_outs().iter().cloned().map(PyOptOut).collect::<Vec<_>>(),
        /// The consents to times and places otherwise inconvenient.
        time_place_consents: |p| p.time_place_consents().iter().cloned().map(PyTimePlaceConsent).collect::<Vec<_>>(),
        /// The weekly inconvenient times.
        inconvenient_times: |p| p.inconvenient_times().iter().cloned().map(PyWeeklyWindow).collect::<Vec<_>>(),
        /// The inconvenient dates.
        inconvenient_dates: |p| p.inconvenient_dates().to_vec(),
        /// The status flags.
        flags: |p| p.flags().iter().cloned().map(PyStatusFlag).collect::<Vec<_>>(),
    }

    #[new]
    #[pyo3(signature = (person, time_zones = None, *, destinations = None, prior_consents = None, tcpa_consents = None, opt_outs = None, time_place_consents = None, inconvenient_times = None, inconvenient_dates = None, flags = None, combined_debts = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        person: &Bound<'_, PyAny>,
        time_zones: Option<&Bound<'_, PyAny>>,
        destinations: Option<&Bound<'_, PyAny>>,
        prior_consents: Option<&Bound<'_, PyAny>>,
        tcpa_consents: Option<&Bound<'_, PyAny>>,
        opt_outs: Option<&Bound<'_, PyAny>>,
        time_place_consents: Option<&Bound<'_, PyAny>>,
        inconvenient_times: Option<&Bound<'_, PyAny>>,
        inconvenient_dates: Option<&Bound<'_, PyAny>>,
        flags: Option<&Bound<'_, PyAny>>,
        combined_debts: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let zones = each(time_zones, "time_zones", |z| str_arg(z, "time_zones"))?;
        let zones: Vec<&str> = zones.iter().map(String::as_str).collect();
        let mut p = ContactProfile::new(str_arg(person, "person")?, &zones).or_raise()?;
        for d in each(destinations, "destinations", |o| {
            Ok(class_arg::<PyDestination>(o, "destinations", "a Destination")?.get().0.clone())
        })? {
            p = p.with_destination(d).or_raise()?;
        }
        for c in each(prior_consents, "prior_consents", |o| {
            Ok(class_arg::<PyPriorConsent>(o, "prior_consents", "a PriorConsent")?.get().0.clone())
        })? {
            p = p.with_prior_consent(c);
        }
        for c in each(tcpa_consents, "tcpa_consents", |o| {
            Ok(class_arg::<PyTcpaConsent>(o, "tcpa_consents", "a TcpaConsent")?.get().0.clone())
        })? {
            p = p.with_tcpa_consent(c).or_raise()?;
        }
        for o in each(opt_outs, "opt_outs", |o| {
            Ok(class_arg::<PyOptOut>(o, "opt_outs", "an OptOut")?.get().0.clone())
        })? {
            p = p.with_opt_out(o);
        }
        for c in each(time_place_consents, "time_place_consents", |o| {
            Ok(class_arg::<PyTimePlaceConsent>(o, "time_place_consents", "a TimePlaceConsent")?.get().0.clone())
        })? {
            p = p.with_time_place_consent(c);
        }
        for w in each(inconvenient_times, "inconvenient_times", |o| {
            Ok(class_arg::<PyWeeklyWindow>(o, "inconvenient_times", "a WeeklyWindow")?.get().0.clone())
        })? {
            p = p.with_inconvenient_time(w);
        }
        for d in each(inconvenient_dates, "inconvenient_dates", |o| date_arg(o, "inconvenient_dates"))? {
            p = p.with_inconvenient_date(d).or_raise()?;
        }
        for f in each(flags, "flags", |o| {
            Ok(class_arg::<PyStatusFlag>(o, "flags", "a StatusFlag")?.get().0.clone())
        })? {
            p = p.with_flag(f);
        }
        for group in each(combined_debts, "combined_debts", |g| {
            each(Some(g), "combined_debts", |d| str_arg(d, "combined_debts"))
        })? {
            p = p.with_combined_debts(group).or_raise()?;
        }
        Ok(PyContactProfile(p))
    }

    /// A profile from its JSON (the core's).
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Self> {
        from_json!(ContactProfile, text, "profile").map(PyContactProfile)
    }

    /// The profile as JSON.
    fn to_json(&self) -> String {
        self.state()
    }
}

/// Registers the classes on the compiled module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDestination>()?;
    m.add_class::<PyPriorConsent>()?;
    m.add_class::<PyTcpaConsent>()?;
    m.add_class::<PyOptOut>()?;
    m.add_class::<PyTimePlaceConsent>()?;
    m.add_class::<PyWeeklyWindow>()?;
    m.add_class::<PyStatusFlag>()?;
    m.add_class::<PyContactProfile>()?;
    Ok(())
}
