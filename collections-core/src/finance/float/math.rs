//! `exp`, `exp_m1` and `ln_1p` written for the compiler to vectorize: straight-line f64 arithmetic and
//! bit operations, no branches and no calls, so a loop over a column runs them two or four rows at a time
//! where the platform's libm runs one. Accurate to a few units in the last place (the tests compare them
//! with the standard library's) inside the ranges stated; outside, the caller must not use the result
//! (the row kernels send such rows to the scalar functions).
//!
//! The reductions are the classic ones (fdlibm's): `x = k·ln 2 + r` with `|r| <= ln 2 / 2` and a Taylor
//! polynomial for `e^r - 1`; `1 + x = 2^k·m` with `m` in [√½, √2) and `ln m = 2·atanh((m - 1)/(m + 1))`.

/// 1.5 × 2^52: adding it to a number below 2^51 in size rounds that number to an integer kept in the
/// low bits of the sum.
const SHIFT: f64 = 6_755_399_441_055_744.0;
/// ln 2 split so that `k × LN2_HI` is exact for |k| < 2^11.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);

/// Where [`exp_exp_m1`] is valid: |x| <= this.
pub(super) const EXP_LIMIT: f64 = 708.0;

/// `(e^x, e^x - 1)` for |x| <= [`EXP_LIMIT`] (clamped beyond), both to a few ulps: `e^x - 1` keeps its
/// digits for tiny x, as `exp_m1` does.
#[inline(always)]
pub(super) fn exp_exp_m1(x: f64) -> (f64, f64) {
    let x = x.clamp(-EXP_LIMIT, EXP_LIMIT);
    let t = x * std::f64::consts::LOG2_E + SHIFT;
    let k = t - SHIFT;
    let r = (x - k * LN2_HI) - k * LN2_LO;
    // e^r - 1 = r·P(r), P(r) = 1 + r/2! + ... + r^12/13!: the next term is below 2e-17 of the sum for
    // |r| <= 0.347. Estrin's scheme: pairs, then pairs of pairs, so the chain of dependent operations is
    // four multiply-adds long where Horner's is twelve.
    let r2 = r * r;
    let r4 = r2 * r2;
    let r8 = r4 * r4;
    let p01 = 1.0 + r * 0.5;
    let p23 = 1.0 / 6.0 + r * (1.0 / 24.0);
    let p45 = 1.0 / 120.0 + r * (1.0 / 720.0);
    let p67 = 1.0 / 5_040.0 + r * (1.0 / 40_320.0);
    let p89 = 1.0 / 362_880.0 + r * (1.0 / 3_628_800.0);
    let p1011 = 1.0 / 39_916_800.0 + r * (1.0 / 479_001_600.0);
    let p12 = 1.0 / 6_227_020_800.0;
    let p0_3 = p01 + r2 * p23;
    let p4_7 = p45 + r2 * p67;
    let p8_11 = p89 + r2 * p1011;
    let p = (p0_3 + r4 * p4_7) + r8 * (p8_11 + r4 * p12);
    let q = p * r;
    // 2^k from k's bits in the low bits of t (k is within ±1022, so 2^k is a normal number).
    let k_bits = t.to_bits().wrapping_sub(SHIFT.to_bits());
    let scale = f64::from_bits(k_bits.wrapping_add(1023).wrapping_shl(52));
    (scale + scale * q, (scale - 1.0) + scale * q)
}

/// √½, as bits: `1 + x` is split at it so that the mantissa lies in [√½, √2).
const SQRT_HALF_BITS: u64 = 0x3fe6_a09e_667f_3bcd;
/// 1.0, as bits (the exponent bias in place).
const ONE_BITS: u64 = 0x3ff0_0000_0000_0000;

/// `ln(1 + x)` for x > -1 and finite, to a few ulps, keeping its digits for tiny x as `ln_1p` does.
#[inline(always)]
pub(super) fn ln_1p(x: f64) -> f64 {
    let u = 1.0 + x;
    // What rounding 1 + x lost, to first order (fdlibm's log1p correction c/u). 1/u is taken as 2 - u,
    // off by (1 - u)², which matters only where the correction itself is below an ulp of the result; for
    // u >= 2 the correction is below half an ulp and is dropped. (A division saved: they are the slow part.)
    let c = (x - (u - 1.0)) * (2.0 - u).max(0.0);
    let bits = u.to_bits();
    // k + 1023 where u = m·2^k, m in [√½, √2): offset so that the shift is a logical one (SSE2 has no
    // 64-bit arithmetic shift), then m's bits by taking k from the exponent.
    let biased = bits.wrapping_add(ONE_BITS.wrapping_sub(SQRT_HALF_BITS)) >> 52;
    let m = f64::from_bits(
        bits.wrapping_sub(biased.wrapping_shl(52))
            .wrapping_add(ONE_BITS),
    );
    // k as a float through the same shifted-integer trick (exact for |k| < 2^51).
    let kf = (f64::from_bits(SHIFT.to_bits().wrapping_add(biased)) - SHIFT) - 1023.0;
    let f = m - 1.0;
    let s = f / (m + 1.0);
    let s2 = s * s;
    // ln m = 2s + s·s²·P(s²), P(z) = 2/3 + 2z/5 + ... + 2z^8/19: the next term is below 3e-17 of the sum
    // for |s| <= 0.1716 (Estrin's scheme, as above).
    let z2 = s2 * s2;
    let z4 = z2 * z2;
    let z8 = z4 * z4;
    let p01 = 2.0 / 3.0 + s2 * (2.0 / 5.0);
    let p23 = 2.0 / 7.0 + s2 * (2.0 / 9.0);
    let p45 = 2.0 / 11.0 + s2 * (2.0 / 13.0);
    let p67 = 2.0 / 15.0 + s2 * (2.0 / 17.0);
    let p = ((p01 + z2 * p23) + z4 * (p45 + z2 * p67)) + z8 * (2.0 / 19.0);
    let ln_m = 2.0 * s + s * s2 * p;
    kf * LN2_HI + (ln_m + (kf * LN2_LO + c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ulps(a: f64, b: f64) -> f64 {
        (a - b).abs() / (f64::EPSILON * b.abs().max(f64::MIN_POSITIVE))
    }

    #[test]
    fn exp_and_exp_m1_match_the_standard_library() {
        let mut worst: (f64, f64) = (0.0, 0.0);
        for i in -70_800..=70_800 {
            for x in [
                f64::from(i) / 100.0,
                f64::from(i) * 1e-7,
                f64::from(i) * 1e-12,
            ] {
                let (e, em1) = exp_exp_m1(x);
                worst.0 = worst.0.max(ulps(e, x.exp()));
                worst.1 = worst.1.max(ulps(em1, x.exp_m1()));
            }
        }
        assert!(worst.0 < 4.0 && worst.1 < 4.0, "{worst:?} ulps");
    }

    #[test]
    fn ln_1p_matches_the_standard_library() {
        let mut worst: f64 = 0.0;
        for i in 1..200_000 {
            let t = f64::from(i) / 200_000.0;
            for x in [
                t - 1.0,
                t * 1e-6,
                -t * 1e-6,
                t * 1e-12,
                t * 100.0,
                t * 1e12,
                t * 1e300,
            ] {
                worst = worst.max(ulps(ln_1p(x), x.ln_1p()));
            }
        }
        assert!(worst < 4.0, "{worst} ulps");
    }
}
