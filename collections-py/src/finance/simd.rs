//! The core's column kernels (`collections_core::finance::float::pmt_rows`, ...) compiled a second time
//! for AVX2, and chosen at run time when the processor has it, as numpy does for its own loops.
//!
//! The wheel targets the x86-64 baseline (SSE2: two f64 lanes); AVX2 has four. The kernels are the
//! core's own code, inlined here under `#[target_feature(enable = "avx2")]`; Rust never fuses a multiply
//! and an add on its own, so both builds round every operation alike and give the same bits.

use collections_core::finance::float::{self, Column, RowError};
use collections_core::finance::When;

macro_rules! dispatch {
    ($name:ident, $avx2:ident, $($arg:ident),+) => {
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = "avx2")]
        fn $avx2($($arg: Column<'_>,)+ when: When, out: &mut [f64]) -> Result<(), RowError> {
            float::$name($($arg,)+ when, out)
        }

        #[doc = concat!("`", stringify!($name), "` of the core, in AVX2 where the processor has it.")]
        pub fn $name($($arg: Column<'_>,)+ when: When, out: &mut [f64]) -> Result<(), RowError> {
            #[cfg(target_arch = "x86_64")]
            if std::is_x86_feature_detected!("avx2") {
                // SAFETY: the processor has AVX2 (checked just above), all that `$avx2` needs.
                return unsafe { $avx2($($arg,)+ when, out) };
            }
            float::$name($($arg,)+ when, out)
        }
    };
}

dispatch!(fv_rows, fv_rows_avx2, rate, nper, pmt, pv);
dispatch!(pv_rows, pv_rows_avx2, rate, nper, pmt, fv);
dispatch!(pmt_rows, pmt_rows_avx2, rate, nper, pv, fv);
dispatch!(nper_rows, nper_rows_avx2, rate, pmt, pv, fv);
dispatch!(ipmt_rows, ipmt_rows_avx2, rate, per, nper, pv, fv);
dispatch!(ppmt_rows, ppmt_rows_avx2, rate, per, nper, pv, fv);
