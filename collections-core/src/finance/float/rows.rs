//! The row functions over columns: `out[i] = pmt(rate[i], nper[i], pv[i], fv[i], when)` for every row at
//! once, and the same for `fv`, `pv`, `nper`, `ipmt` and `ppmt`, for the float64 columns of a notebook.
//!
//! Rows are taken in blocks. Each block runs straight-line arithmetic with the vectorizable `exp` and
//! `ln_1p` of `math` (no branch, no call), which the compiler turns into SIMD code, and marks the rows it
//! cannot answer that way: a zero rate, a rate at or below -50% or a power beyond e^±700, invalid input,
//! a result that is not finite. Those rows are recomputed by the scalar function of the parent module,
//! which gives the same values (to a few units in the last place) and every error, so a column and its
//! rows one by one cannot disagree by more than rounding. [`map_rows`] runs any scalar function over
//! columns the same way, for the functions without a column kernel.

use super::math::{exp_exp_m1, ln_1p, EXP_LIMIT};
use super::{when_factor, When};
use crate::error::Error;

/// Rows per block: enough to amortize the block's bookkeeping, small enough for the stack.
const BLOCK: usize = 256;

/// One argument of a row function over many rows: a value per row, or one value for every row.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Column<'a> {
    /// One value per row (as long as the output).
    Values(&'a [f64]),
    /// The same value in every row.
    Same(f64),
}

impl<'a> Column<'a> {
    /// The rows `start..end` of this column.
    ///
    /// ```
    /// use collections_core::finance::float::Column;
    ///
    /// assert_eq!(Column::Values(&[1.0, 2.0, 3.0]).rows(1, 3), Column::Values(&[2.0, 3.0]));
    /// assert_eq!(Column::Same(1.0).rows(1, 3), Column::Same(1.0));
    /// ```
    pub fn rows(self, start: usize, end: usize) -> Column<'a> {
        match self {
            Column::Values(values) => Column::Values(values.get(start..end).unwrap_or(&[])),
            same => same,
        }
    }
}

/// The first row that has no result, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    /// The row's index (0-based) in the output.
    pub row: usize,
    /// The error the scalar function gives for that row.
    pub error: Error,
}

/// Every column of values as long as the output, else an error naming the first that is not.
fn check_lengths<const N: usize>(
    columns: &[Column<'_>; N],
    fields: [&'static str; N],
    rows: usize,
) -> Result<(), RowError> {
    for (column, field) in columns.iter().zip(fields) {
        if let Column::Values(values) = column {
            if values.len() != rows {
                return Err(RowError {
                    row: 0,
                    error: Error::invalid(
                        field,
                        format!("{} values", values.len()),
                        format!("need one value per row ({rows} rows)"),
                    ),
                });
            }
        }
    }
    Ok(())
}

/// Runs a block kernel over the rows: `fast` gives a row's value, or NaN for a row that `careful` (the
/// scalar function, which also gives the errors) must answer. (A NaN rather than a flag beside the value:
/// a select between two floats vectorizes where a vector of flags does not.)
#[inline(always)]
fn drive<const N: usize>(
    columns: [Column<'_>; N],
    fields: [&'static str; N],
    out: &mut [f64],
    fast: impl Fn(&[[f64; BLOCK]; N], &mut [f64; BLOCK]),
    careful: impl Fn([f64; N]) -> crate::Result<f64>,
) -> Result<(), RowError> {
    check_lengths(&columns, fields, out.len())?;
    // The block's inputs, gathered so that the loop below runs over fixed bounds; a column that is the
    // same in every row is filled once. Rows past the end of the last block are padding, never read back.
    let mut inputs = [[1.0; BLOCK]; N];
    for (column, input) in columns.iter().zip(inputs.iter_mut()) {
        if let Column::Same(value) = column {
            *input = [*value; BLOCK];
        }
    }
    let mut values = [0.0; BLOCK];
    for (block, chunk) in out.chunks_mut(BLOCK).enumerate() {
        let start = block * BLOCK;
        let len = chunk.len();
        for (column, input) in columns.iter().zip(inputs.iter_mut()) {
            if let Column::Values(all) = column {
                input[..len].copy_from_slice(&all[start..start + len]);
            }
        }
        fast(&inputs, &mut values);
        chunk.copy_from_slice(&values[..len]);
        if chunk.iter().any(|v| v.is_nan()) {
            for (j, slot) in chunk.iter_mut().enumerate() {
                if slot.is_nan() {
                    let row: [f64; N] = std::array::from_fn(|k| inputs[k][j]);
                    *slot = careful(row).map_err(|error| RowError {
                        row: start + j,
                        error,
                    })?;
                }
            }
        }
    }
    Ok(())
}

/// Runs a scalar function over columns: `out[i] = f(row i)`, stopping at the first error.
///
/// ```
/// use collections_core::finance::float::{self, map_rows, Column};
/// use collections_core::finance::When;
///
/// let mut out = [0.0; 2];
/// map_rows([Column::Values(&[10.0, 20.0]), Column::Same(-100.0)], ["nper", "pmt"], &mut out, |[n, p]| {
///     float::rate(n, p, 1000.0, 0.0, When::End, None)
/// }).unwrap();
/// assert!(out[0] > 0.0 && out[1] > out[0]);
/// ```
pub fn map_rows<const N: usize>(
    columns: [Column<'_>; N],
    fields: [&'static str; N],
    out: &mut [f64],
    f: impl Fn([f64; N]) -> crate::Result<f64>,
) -> Result<(), RowError> {
    drive(
        columns,
        fields,
        out,
        |_, values| *values = [f64::NAN; BLOCK],
        f,
    )
}

/// Inputs the block kernels answer: a finite rate above -50%, a finite positive nper, and a power
/// `e = nper·ln(1 + rate)` within the vectorized exp's range. Anything else goes to the scalar function.
#[inline(always)]
fn plain(rate: f64, nper: f64, e: f64) -> bool {
    rate > -0.5
        && rate < f64::INFINITY
        && nper > 0.0
        && nper < f64::INFINITY
        && e.abs() <= EXP_LIMIT
}

#[inline(always)]
fn finite(x: f64) -> bool {
    x.abs() < f64::INFINITY
}

/// A whole number (below 2^51 in size), by rounding through 1.5 × 2^52: no call, so it vectorizes.
#[inline(always)]
fn whole(x: f64) -> bool {
    const SHIFT: f64 = 6_755_399_441_055_744.0;
    (x + SHIFT) - SHIFT == x
}

/// A plain row's value, else NaN (the row goes to the scalar function).
#[inline(always)]
fn or_redo(value: f64, ok: bool) -> f64 {
    if ok {
        value
    } else {
        f64::NAN
    }
}

type Block = [f64; BLOCK];

// The kernels run in passes over the block (the logarithms, then the powers, then the formula): each
// pass is a short loop whose rows the processor overlaps, where one long loop body would wait on itself.

/// `ln(1 + x)` of each row.
#[inline(always)]
fn ln_1p_pass(x: &Block, out: &mut Block) {
    for (o, x) in out.iter_mut().zip(x) {
        *o = ln_1p(*x);
    }
}

/// `e^(sign·n·l)` and `e^(sign·n·l) - 1` of each row.
#[inline(always)]
fn exp_pass(n: &Block, l: &Block, sign: f64, e: &mut Block, e_minus_1: &mut Block) {
    for (((e, e_minus_1), n), l) in e.iter_mut().zip(e_minus_1.iter_mut()).zip(n).zip(l) {
        (*e, *e_minus_1) = exp_exp_m1(sign * (n * l));
    }
}

/// The level payment of each row into `out`, in the discounted form `-(fv·v + pv)·r / ((1 + r·w)(1 - v))`
/// with `v = (1 + r)^-n`, or NaN where the row is not plain; and ln(1 + r) into `l`.
#[inline(always)]
fn payment_pass(inputs: [&Block; 4], w: f64, out: &mut Block, l: &mut Block) {
    let [rate, nper, pv, fv] = inputs;
    ln_1p_pass(rate, l);
    let mut v = [0.0; BLOCK];
    let mut v_minus_1 = [0.0; BLOCK];
    exp_pass(nper, l, -1.0, &mut v, &mut v_minus_1);
    for j in 0..BLOCK {
        let (r, n) = (rate[j], nper[j]);
        let value = -(fv[j] * v[j] + pv[j]) * r / ((1.0 + r * w) * -v_minus_1[j]);
        let ok = plain(r, n, n * l[j]) && finite(value) && finite(pv[j]) && finite(fv[j]);
        out[j] = or_redo(value, ok);
    }
}

/// `pmt` over rows: see [`pmt`](super::pmt).
///
/// ```
/// use collections_core::finance::float::{self, pmt_rows, Column};
/// use collections_core::finance::When;
///
/// let rates = [0.005, 0.0, 0.01];
/// let mut out = [0.0; 3];
/// pmt_rows(Column::Values(&rates), Column::Same(360.0), Column::Same(200000.0), Column::Same(0.0), When::End, &mut out).unwrap();
/// for (r, p) in rates.iter().zip(out) {
///     let one = float::pmt(*r, 360.0, 200000.0, 0.0, When::End).unwrap();
///     assert!((p - one).abs() <= 1e-12 * one.abs());
/// }
/// // The first bad row is reported with the scalar function's error.
/// let err = pmt_rows(Column::Values(&[0.01, -2.0]), Column::Same(12.0), Column::Same(1.0), Column::Same(0.0), When::End, &mut [0.0; 2]).unwrap_err();
/// assert_eq!((err.row, err.error.field()), (1, "rate"));
/// ```
#[inline]
pub fn pmt_rows(
    rate: Column<'_>,
    nper: Column<'_>,
    pv: Column<'_>,
    fv: Column<'_>,
    when: When,
    out: &mut [f64],
) -> Result<(), RowError> {
    let w = when_factor(when);
    drive(
        [rate, nper, pv, fv],
        ["rate", "nper", "pv", "fv"],
        out,
        |[r, n, p, f], out| payment_pass([r, n, p, f], w, out, &mut [0.0; BLOCK]),
        |[r, n, p, f]| super::pmt(r, n, p, f, when),
    )
}

/// `fv` over rows: see [`fv`](super::fv).
///
/// ```
/// use collections_core::finance::float::{fv_rows, Column};
/// use collections_core::finance::When;
///
/// let mut out = [0.0; 2];
/// fv_rows(Column::Values(&[0.075, 0.0]), Column::Same(20.0), Column::Same(-2000.0), Column::Same(0.0), When::End, &mut out).unwrap();
/// assert!((out[0] - 86609.362673042924).abs() < 1e-8 && out[1] == 40000.0);
/// ```
#[inline]
pub fn fv_rows(
    rate: Column<'_>,
    nper: Column<'_>,
    pmt: Column<'_>,
    pv: Column<'_>,
    when: When,
    out: &mut [f64],
) -> Result<(), RowError> {
    let w = when_factor(when);
    drive(
        [rate, nper, pmt, pv],
        ["rate", "nper", "pmt", "pv"],
        out,
        |[r, n, p, v], out| {
            let mut l = [0.0; BLOCK];
            ln_1p_pass(r, &mut l);
            let (mut g, mut g_minus_1) = ([0.0; BLOCK], [0.0; BLOCK]);
            exp_pass(n, &l, 1.0, &mut g, &mut g_minus_1);
            for j in 0..BLOCK {
                let value = -(v[j] * g[j] + p[j] * (1.0 + r[j] * w) * g_minus_1[j] / r[j]);
                let ok =
                    plain(r[j], n[j], n[j] * l[j]) && finite(value) && finite(p[j]) && finite(v[j]);
                out[j] = or_redo(value, ok);
            }
        },
        |[r, n, p, v]| super::fv(r, n, p, v, when),
    )
}

/// `pv` over rows: see [`pv`](super::pv).
///
/// ```
/// use collections_core::finance::float::{pv_rows, Column};
/// use collections_core::finance::When;
///
/// let mut out = [0.0; 1];
/// pv_rows(Column::Same(0.07), Column::Same(20.0), Column::Values(&[12000.0]), Column::Same(0.0), When::End, &mut out).unwrap();
/// assert!((out[0] + 127128.1709461939).abs() < 1e-8);
/// ```
#[inline]
pub fn pv_rows(
    rate: Column<'_>,
    nper: Column<'_>,
    pmt: Column<'_>,
    fv: Column<'_>,
    when: When,
    out: &mut [f64],
) -> Result<(), RowError> {
    let w = when_factor(when);
    drive(
        [rate, nper, pmt, fv],
        ["rate", "nper", "pmt", "fv"],
        out,
        |[r, n, p, f], out| {
            let mut l = [0.0; BLOCK];
            ln_1p_pass(r, &mut l);
            let (mut v, mut v_minus_1) = ([0.0; BLOCK], [0.0; BLOCK]);
            exp_pass(n, &l, -1.0, &mut v, &mut v_minus_1);
            for j in 0..BLOCK {
                let value = -(f[j] * v[j] - p[j] * (1.0 + r[j] * w) * v_minus_1[j] / r[j]);
                let ok =
                    plain(r[j], n[j], n[j] * l[j]) && finite(value) && finite(p[j]) && finite(f[j]);
                out[j] = or_redo(value, ok);
            }
        },
        |[r, n, p, f]| super::pv(r, n, p, f, when),
    )
}

/// `nper` over rows: see [`nper`](super::nper).
///
/// ```
/// use collections_core::finance::float::{nper_rows, Column};
/// use collections_core::finance::When;
///
/// let mut out = [0.0; 2];
/// nper_rows(Column::Same(0.075), Column::Values(&[-2000.0, -3000.0]), Column::Same(0.0), Column::Same(100000.0), When::End, &mut out).unwrap();
/// assert!((out[0] - 21.5449441973).abs() < 1e-9);
/// ```
#[inline]
pub fn nper_rows(
    rate: Column<'_>,
    pmt: Column<'_>,
    pv: Column<'_>,
    fv: Column<'_>,
    when: When,
    out: &mut [f64],
) -> Result<(), RowError> {
    let w = when_factor(when);
    drive(
        [rate, pmt, pv, fv],
        ["rate", "pmt", "pv", "fv"],
        out,
        |[r, p, v, f], out| {
            let mut ratio_minus_1 = [0.0; BLOCK];
            for j in 0..BLOCK {
                let z = p[j] * (1.0 + r[j] * w) / r[j];
                ratio_minus_1[j] = -(f[j] + v[j]) / (v[j] + z);
            }
            let (mut top, mut l) = ([0.0; BLOCK], [0.0; BLOCK]);
            ln_1p_pass(&ratio_minus_1, &mut top);
            ln_1p_pass(r, &mut l);
            for j in 0..BLOCK {
                let value = top[j] / l[j];
                let ok = r[j] > -0.5
                    && r[j] < f64::INFINITY
                    && ratio_minus_1[j] > -1.0
                    && ratio_minus_1[j] < f64::INFINITY
                    && value > 0.0
                    && value < f64::INFINITY
                    && finite(p[j])
                    && finite(v[j])
                    && finite(f[j]);
                out[j] = or_redo(value, ok);
            }
        },
        |[r, p, v, f]| super::nper(r, p, v, f, when),
    )
}

/// The interest or the principal part of each row's payment (`interest` chooses), NaN where the row is
/// not plain.
#[inline(always)]
fn parts_pass(inputs: &[Block; 5], when: When, interest: bool, out: &mut Block) {
    let [rate, per, nper, pv, fv] = inputs;
    let w = when_factor(when);
    let (mut payment, mut l) = ([0.0; BLOCK], [0.0; BLOCK]);
    payment_pass([rate, nper, pv, fv], w, &mut payment, &mut l);
    let mut remaining = [0.0; BLOCK];
    for ((m, n), k) in remaining.iter_mut().zip(nper).zip(per) {
        *m = n - k + 1.0;
    }
    let (mut v, mut v_minus_1) = ([0.0; BLOCK], [0.0; BLOCK]);
    exp_pass(&remaining, &l, -1.0, &mut v, &mut v_minus_1);
    for j in 0..BLOCK {
        let (r, k, pay) = (rate[j], per[j], payment[j]);
        let due = 1.0 + r * w;
        // An annuity due pays no interest in its first period.
        let first_due = when == When::Begin && k == 1.0;
        let value = if interest {
            let i = fv[j] * v[j] * r / due - pay * v_minus_1[j];
            if first_due {
                0.0
            } else {
                i
            }
        } else {
            let p = v[j] * (pay - r * fv[j] / due);
            if first_due {
                pay
            } else {
                p
            }
        };
        // A NaN payment (a row that is not plain) makes the value NaN, as it should.
        let ok = k >= 1.0 && k <= nper[j] && whole(k) && finite(value) && !pay.is_nan();
        out[j] = or_redo(value, ok);
    }
}

/// `ipmt` over rows: see [`ipmt`](super::ipmt).
///
/// ```
/// use collections_core::finance::float::{ipmt_rows, Column};
/// use collections_core::finance::When;
///
/// let per = [1.0, 2.0, 3.0, 4.0];
/// let mut out = [0.0; 4];
/// ipmt_rows(Column::Same(0.1 / 12.0), Column::Values(&per), Column::Same(24.0), Column::Same(2000.0), Column::Same(0.0), When::End, &mut out).unwrap();
/// assert!((out[3] + 14.76028842).abs() < 1e-8);
/// ```
#[inline]
pub fn ipmt_rows(
    rate: Column<'_>,
    per: Column<'_>,
    nper: Column<'_>,
    pv: Column<'_>,
    fv: Column<'_>,
    when: When,
    out: &mut [f64],
) -> Result<(), RowError> {
    drive(
        [rate, per, nper, pv, fv],
        ["rate", "per", "nper", "pv", "fv"],
        out,
        |inputs, out| parts_pass(inputs, when, true, out),
        |[r, k, n, p, f]| super::ipmt(r, k, n, p, f, when),
    )
}

/// `ppmt` over rows: see [`ppmt`](super::ppmt).
///
/// ```
/// use collections_core::finance::float::{ppmt_rows, Column};
/// use collections_core::finance::When;
///
/// let mut out = [0.0; 1];
/// ppmt_rows(Column::Same(0.1479), Column::Same(297.0), Column::Same(300.0), Column::Same(-270.51), Column::Same(0.0), When::End, &mut out).unwrap();
/// assert!((out[0] - 23.0428013).abs() < 1e-6);
/// ```
#[inline]
pub fn ppmt_rows(
    rate: Column<'_>,
    per: Column<'_>,
    nper: Column<'_>,
    pv: Column<'_>,
    fv: Column<'_>,
    when: When,
    out: &mut [f64],
) -> Result<(), RowError> {
    drive(
        [rate, per, nper, pv, fv],
        ["rate", "per", "nper", "pv", "fv"],
        out,
        |inputs, out| parts_pass(inputs, when, false, out),
        |[r, k, n, p, f]| super::ppmt(r, k, n, p, f, when),
    )
}
