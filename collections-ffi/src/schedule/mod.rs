//! Amortized repayment schedules across the ABI: the opaque `coll_schedule` handle built from a
//! `coll_schedule_terms` (level payment, level principal, interest only, balloon, graduated or custom
//! payments; periodic or daily interest; odd first periods; payment holidays; named rounding), its rows
//! and totals, and re-amortization into a new handle. The engine is the core's `schedule` module; this
//! converts values and maps errors.
//!
//! - `terms`: `coll_schedule_terms`, `coll_reamortization`, the option constants and their names.
//! - `handle`: the `coll_schedule` handle, its rows and totals.

// In the order the header presents them: the terms, then the handle made from them.
mod terms;

mod handle;

pub use handle::*;
pub use terms::*;
