//! Time-value-of-money solvers in exact Decimal, with numpy-financial's names, argument order and sign
//! convention (money paid out is negative): `fv`, `pv`, `pmt`, `nper`, `ipmt`, `ppmt`, `rate`, `npv`,
//! `irr`, `mirr`, Excel's `cumipmt`/`cumprinc`, the dated `xnpv`/`xirr` with a selectable day count, and
//! annual percentage rates: US Regulation Z's actuarial APR and the EU APRC.
//!
//! Where numpy-financial returns NaN (no solution) these return an [`Error`](crate::Error); where its
//! floats cancel (issue #35) these compute the balance prospectively and stay exact.

mod apr;
pub(crate) mod arith;
mod cashflow;
pub mod float;
pub mod solve;
mod tvm;

pub use apr::{
    apr_regulation_z, aprc_eu, Aprc, AprcBasis, DatedAmount, RegulationZApr, UnitPeriod,
};
pub use cashflow::{irr, mirr, npv, xirr, xnpv};
pub use tvm::{cumipmt, cumprinc, fv, ipmt, nper, pmt, ppmt, pv, rate, When};
