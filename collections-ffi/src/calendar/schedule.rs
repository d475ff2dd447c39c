//! Date schedules across the ABI: the due dates of a frequency from a start date.

use collections_core::{date_schedule, ScheduleEnd};

use super::date::coll_date;
use super::frequency::coll_frequency;
use crate::error::{boundary, coll_status, FfiResult};
use crate::ptr;

/// Where the schedule stops, by the core's rules for `count` and `until` (`ScheduleEnd::from_parts`).
/// C has no "no count": a count of 0 beside a date means "until that date"; without a date it is the
/// count given (and refused as such).
fn schedule_end(count: i64, until: Option<coll_date>) -> FfiResult<ScheduleEnd> {
    let until = until.map(|d| d.to_core("until")).transpose()?;
    let count = match (count, until) {
        (0, Some(_)) => None,
        (n, _) => Some(n),
    };
    Ok(ScheduleEnd::from_parts(count, until)?)
}

/// The dates `start`, `start + 1 period`, `start + 2 periods`, ... of `frequency`, each stepped from
/// `start` itself so the anchor day survives short months (Jan 31 -> Feb 28 -> Mar 31). With
/// `end_of_month`, a start on a month's last day gives month ends. Semi-monthly schedules begin on the
/// first of the two days on or after `start`.
///
/// The schedule stops after `count` dates (`count` from 1 to 100,000, `until` NULL), or at the last date
/// on or before `*until` (`count` 0, `until` not NULL). Any other count with NULL `until` gives
/// `COLL_INVALID_ARGUMENT` naming `count` (with the count as given), and a non-zero count with a date
/// gives `COLL_INVALID_ARGUMENT` naming `until` (give one or the other).
///
/// `end_of_month` is a C `bool` passed by value: 0 or 1 (any C caller's `bool` is; a caller from
/// another language must pass exactly 0 or 1).
///
/// `out` has room for `out_cap` dates. On success `*out_len` is the number written. When they do not fit
/// the call fails with `COLL_BUFFER_TOO_SMALL`, writes nothing to `out` and, as an exception to "out-
/// parameters only on success", sets `*out_len` to the number of dates needed. `out` may be NULL when
/// `out_cap` is 0, to ask for that number. Ownership: `out` belongs to the caller.
///
/// # Safety
/// `frequency` is NULL or points to a readable `coll_frequency`; `until` is NULL or points to a readable
/// `coll_date`; `out` is NULL or points to `out_cap` writable `coll_date`s; `out_len` is NULL or points
/// to a writable `size_t`.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn coll_date_schedule(
    start: coll_date,
    frequency: *const coll_frequency,
    count: i64,
    until: *const coll_date,
    end_of_month: bool,
    out: *mut coll_date,
    out_cap: usize,
    out_len: *mut usize,
) -> coll_status {
    boundary(|| {
        // SAFETY: the caller's contract (`until` may be NULL).
        let (frequency, until, out, out_len) = unsafe {
            (
                ptr::read(frequency, "frequency")?,
                ptr::read_optional(until),
                ptr::out_slice_or_size_query(out, out_cap, "out")?,
                ptr::out(out_len, "out_len")?,
            )
        };
        let start = start.to_core("start")?;
        let frequency = frequency.to_core("frequency")?;
        let end = schedule_end(count, until)?;
        // The core calls the end date `end`; here the argument is `until`.
        let dates: Vec<coll_date> = date_schedule(start, frequency, end, end_of_month)
            .map_err(|e| match e.field() {
                "end" => e.with_field("until"),
                _ => e,
            })?
            .into_iter()
            .map(coll_date::from_core)
            .collect();
        out.write_counted(&dates, out_len)
    })
}
