//! Local time in IANA zones: the person's local date and time of an instant, and the first instant at or
//! after a local date and time, exact across daylight-saving changes (a local time skipped by a
//! spring-forward maps to the instant the clocks jump; a repeated one to its first occurrence).

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone as _, Utc};
use chrono::{Duration, LocalResult};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, Result};

/// An IANA time zone (`America/New_York`), checked against the tz database chrono-tz embeds.
///
/// ```
/// use collections_core::contact::TimeZone;
///
/// let zone: TimeZone = "America/Los_Angeles".parse()?;
/// assert_eq!(zone.name(), "America/Los_Angeles");
/// let err = "America/Atlantis".parse::<TimeZone>().unwrap_err();
/// assert_eq!(err.field(), "time_zones");
/// assert_eq!(err.value(), "America/Atlantis");
/// # Ok::<(), collections_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeZone(Tz);

impl TimeZone {
    /// Parses an IANA name, naming `field` on failure.
    ///
    /// ```
    /// use collections_core::contact::TimeZone;
    /// assert_eq!(TimeZone::parse("missing_time_zone", "Mars/Olympus").unwrap_err().field(), "missing_time_zone");
    /// ```
    pub fn parse(field: &'static str, name: &str) -> Result<TimeZone> {
        Tz::from_str(name.trim())
            .map(TimeZone)
            .map_err(|_| Error::invalid(field, name, "unknown IANA time zone name"))
    }

    /// The IANA name.
    ///
    /// ```
    /// use collections_core::contact::TimeZone;
    /// assert_eq!(TimeZone::parse("zone", "Europe/London")?.name(), "Europe/London");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn name(&self) -> &'static str {
        self.0.name()
    }

    /// The local date and time of an instant in this zone.
    ///
    /// ```
    /// use chrono::{TimeZone as _, Utc};
    /// use collections_core::contact::TimeZone;
    ///
    /// let zone = TimeZone::parse("zone", "America/New_York")?;
    /// let t = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).unwrap();
    /// assert_eq!(zone.local(t).to_string(), "2026-07-01 08:00:00");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn local(&self, t: DateTime<Utc>) -> NaiveDateTime {
        t.with_timezone(&self.0).naive_local()
    }

    /// The first instant whose local date and time in this zone is at or after `local`: the instant
    /// itself when the local time exists once, its first occurrence when the clocks go back, and the
    /// instant the clocks jump forward when it is skipped.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use collections_core::contact::TimeZone;
    ///
    /// let zone = TimeZone::parse("zone", "America/New_York")?;
    /// // 2026-03-08 02:30 does not exist in New York: the clocks go from 02:00 EST to 03:00 EDT.
    /// let skipped = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap().and_hms_opt(2, 30, 0).unwrap();
    /// assert_eq!(zone.first_instant_at_or_after(skipped).to_rfc3339(), "2026-03-08T07:00:00+00:00");
    /// # Ok::<(), collections_core::Error>(())
    /// ```
    pub fn first_instant_at_or_after(&self, local: NaiveDateTime) -> DateTime<Utc> {
        match self.0.from_local_datetime(&local) {
            LocalResult::Single(t) => t.with_timezone(&Utc),
            LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
            LocalResult::None => {
                // In a gap: the answer is the transition, between `local` read at the largest and at the
                // smallest offset on Earth. Below it the local time is before `local`, from it on after.
                let mut lo = local.and_utc() - Duration::hours(15);
                let mut hi = local.and_utc() + Duration::hours(13);
                while hi - lo > Duration::nanoseconds(1) {
                    let mid = lo + (hi - lo) / 2;
                    if self.local(mid) >= local {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                hi
            }
        }
    }

    /// The first instant after `t` whose local time is `target` (later than `t`'s local time): the first
    /// instant at or after `target`, unless that is not after `t` (when `t` is in the second pass of a
    /// repeated hour and `target` comes later in it), then the instant the clock shows `target` again.
    pub(crate) fn next_local(&self, t: DateTime<Utc>, target: NaiveDateTime) -> DateTime<Utc> {
        let first = self.first_instant_at_or_after(target);
        if first > t {
            first
        } else {
            t + (target - self.local(t))
        }
    }

    /// The instant the clocks go back between `a` (exclusive) and `b` (inclusive), if they do (found by
    /// bisection on the UTC offset; one such change at most is assumed in the span, which holds for
    /// spans of a day).
    pub(crate) fn clocks_go_back(
        &self,
        a: DateTime<Utc>,
        b: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let offset = |t: DateTime<Utc>| self.local(t) - t.naive_utc();
        let (before, after) = (offset(a), offset(b));
        if after >= before {
            return None;
        }
        let (mut lo, mut hi) = (a, b);
        while hi - lo > Duration::nanoseconds(1) {
            let mid = lo + (hi - lo) / 2;
            if offset(mid) == before {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        Some(hi)
    }

    /// The first instant of a local date.
    pub(crate) fn start_of_day(&self, date: NaiveDate) -> DateTime<Utc> {
        self.first_instant_at_or_after(date.and_time(NaiveTime::MIN))
    }
}

impl FromStr for TimeZone {
    type Err = Error;

    fn from_str(s: &str) -> Result<TimeZone> {
        TimeZone::parse("time_zones", s)
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for TimeZone {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for TimeZone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<TimeZone, D::Error> {
        let name = String::deserialize(d)?;
        TimeZone::from_str(&name).map_err(serde::de::Error::custom)
    }
}

/// `date` plus `days` (negative to go back), saturating at chrono's range (inputs are checked to lie in
/// 1900-2200, so it never does in practice).
pub(crate) fn add_days(date: NaiveDate, days: i64) -> NaiveDate {
    let magnitude = Days::new(days.unsigned_abs());
    let moved = if days >= 0 {
        date.checked_add_days(magnitude)
    } else {
        date.checked_sub_days(magnitude)
    };
    moved.unwrap_or(if days >= 0 {
        NaiveDate::MAX
    } else {
        NaiveDate::MIN
    })
}

/// Seconds and nanoseconds from local midnight, as nanoseconds.
pub(crate) fn nanos_of_day(local: NaiveDateTime) -> i64 {
    let t = local.time();
    i64::from(chrono::Timelike::num_seconds_from_midnight(&t)) * 1_000_000_000
        + i64::from(chrono::Timelike::nanosecond(&t).min(999_999_999))
}

/// The years every instant and date given to the contact rules must lie in.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Fails naming `field` when an instant lies outside 1900-2200 (the range the rules compute in).
pub(crate) fn check_instant(field: &'static str, t: DateTime<Utc>) -> Result<()> {
    if YEARS.contains(&t.year()) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            t.to_rfc3339(),
            "must lie in the years 1900 to 2200",
        ))
    }
}

/// Fails naming `field` when a date lies outside 1900-2200.
pub(crate) fn check_date(field: &'static str, d: NaiveDate) -> Result<()> {
    if YEARS.contains(&d.year()) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            d,
            "must lie in the years 1900 to 2200",
        ))
    }
}
