//! # collections-ffi
//!
//! The C ABI of the collections library: `include/collections.h`, generated from this crate by cbindgen.
//! It converts values and maps errors; every rule lives in `collections-core`.
//!
//! ## Module map (each mirrors the core module of the same name)
//! - [`error`]: status codes, the per-thread last error message, the panic boundary.
//! - [`money`]: `coll_decimal`, `coll_currency`, `coll_money`, rounding modes.
//! - [`rate`]: annual rates as decimal fractions.
//! - [`calendar`]: `coll_date`, frequencies, day counts, date schedules, the `coll_calendar` handle.
//! - [`finance`]: time value of money (`coll_fv`, `coll_pmt`, `coll_rate`, `coll_irr`, `coll_xirr`, ...)
//!   and annual percentage rates (`coll_apr_regulation_z`, `coll_apr_is_accurate`, `coll_aprc_eu`).
//! - [`schedule`]: amortized repayment schedules: `coll_schedule_terms`, the `coll_schedule` handle
//!   (`coll_schedule_new`, its rows and totals, `coll_schedule_reamortize`, `coll_schedule_free`).
//! - [`debt`]: statutory late interest (`coll_late_interest_new` with its breakdown, the
//!   `coll_statutory_tables` handle), the ERPNext and Business Central formulas, and dunning runs
//!   (`coll_dunning_run_new`: lines and customer groups), aging (`coll_age_account`, `coll_charge_off`,
//!   `coll_time_bar`, `coll_age_portfolio`) and the status lifecycle (`coll_debt_status_can_become`,
//!   the `coll_status_history` handle).
//! - [`affordability`]: income and expenditure statements (`coll_statement_new`, `coll_to_monthly`),
//!   guideline tables (the `coll_guidelines` handle: the embedded IRS standards, tables from structs,
//!   JSON or CSV), assessments (`coll_assess`: figures, flags, the derivation line by line), fair
//!   shares (`coll_fair_share_new`) and plan recommendations (`coll_recommend`).
//! - [`contact`]: contact-rule eligibility: policies (`coll_contact_policy`: the US federal baseline,
//!   presets, JSON), profiles, histories and requests, `coll_contact_evaluate` into a decision with its
//!   reasons, warnings and next eligible instant, eligible windows, batches; instants as Unix seconds
//!   and RFC 3339 text.
//! - [`plan`]: repayment arrangements (the `coll_arrangement` handle from promises, a schedule or
//!   JSON), tracking against payments (`coll_plan_track`), re-planning, scoring and ranking
//!   (`coll_plan_score`, `coll_plan_rank`), the treatment policy (`coll_treatment_recommend`),
//!   settlements (`coll_settle`, `coll_minimum_settlement`, `coll_settlement_offers`), forecasts
//!   (`coll_plan_forecast`), portfolio KPIs and the roll-rate matrix.
//!
//! ## The shape of every function (after rustls-ffi)
//! `#[no_mangle] pub unsafe extern "C" fn`, whose body runs inside `error::boundary` (a panic becomes
//! `COLL_PANIC`); every pointer is checked for NULL first (`COLL_NULL_ARGUMENT`); inputs are copied in
//! before anything is written; out-parameters are written only on success; failures leave a message
//! for `coll_last_error_message`. Enums arrive as `uint32_t` with `COLL_` constants, never as Rust enums,
//! so an out-of-range number is an error and not undefined behaviour; for the same reason yes/no fields
//! of structs read from caller memory are `uint8_t` flags checked to be 0 or 1 (`ptr::flag`), never
//! `bool`.

// In the order the header presents them: conventions and errors first, then the values.
pub mod error;
mod ptr;

pub mod money;
pub mod rate;

pub mod calendar;

pub mod finance;

pub mod schedule;

pub mod debt;

pub mod affordability;

pub mod contact;

pub mod plan;

use std::ffi::c_char;

/// The major version of the library this header belongs to (Cargo.toml's version).
pub const COLL_VERSION_MAJOR: u32 = 0;
/// The minor version of the library this header belongs to.
pub const COLL_VERSION_MINOR: u32 = 1;
/// The patch version of the library this header belongs to.
pub const COLL_VERSION_PATCH: u32 = 0;

/// The version of the library, `"MAJOR.MINOR.PATCH"` as in Cargo.toml (compare it with the
/// `COLL_VERSION_` macros to detect a header/library mismatch).
///
/// Ownership: a static string; never NULL; do not free it.
#[no_mangle]
pub extern "C" fn coll_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn version_constants_match_cargo_toml() {
        assert_eq!(
            COLL_VERSION_MAJOR.to_string(),
            env!("CARGO_PKG_VERSION_MAJOR")
        );
        assert_eq!(
            COLL_VERSION_MINOR.to_string(),
            env!("CARGO_PKG_VERSION_MINOR")
        );
        assert_eq!(
            COLL_VERSION_PATCH.to_string(),
            env!("CARGO_PKG_VERSION_PATCH")
        );
        // SAFETY: a static NUL-terminated string.
        let version = unsafe { CStr::from_ptr(coll_version()) };
        assert_eq!(version.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
        assert_eq!(version.to_str().unwrap(), collections_core::VERSION);
    }
}
