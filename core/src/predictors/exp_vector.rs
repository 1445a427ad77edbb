//! e^x for the OGRS3 batch kernel's exponential pass, written so that a loop over many rows compiles to
//! vector code: no branches, no calls, no table loads (glibc's `exp` is a call the compiler can neither inline
//! nor vectorise, about a seventh of the kernel's instructions).
//!
//! [`exp_nonpositive`] is used only where its result decides a rounding with a margin of 1e-12
//! (`ogrs3::probability_units`; a rounding within the margin is redone with `f64::exp`), so its few ulps of
//! error cannot change any result (`ogrs3`'s test `probability_units_with_either_exponential`). The test
//! `exp_nonpositive_error` bounds the error at 2 ulps.

/// ln 2 in two parts (fdlibm's `ln2_hi`, `ln2_lo`; the shortest decimals of their bit patterns, which the
/// test `fdlibm_constants` checks): `k × LN2_HI` is exact for |k| < 2^20.
const LN2_HI: f64 = 0.693_147_180_369_123_8;
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;

/// e^x for x ≤ 0, to within 2 ulps; below −708 it gives e^−708 (about 3e−308), which no rounding of a
/// probability can tell from the true value. NaN gives e^−708 too (no caller passes one).
#[inline(always)]
pub(crate) fn exp_nonpositive(x: f64) -> f64 {
    // 1.5 × 2^52: adding it rounds x / ln 2 to the nearest integer k, kept in the sum's low bits.
    const SHIFT: f64 = 6_755_399_441_055_744.0;
    const SHIFT_BITS: u64 = 0x4338_0000_0000_0000;
    let x = x.max(-708.0);
    let shifted = x * std::f64::consts::LOG2_E + SHIFT;
    let k = shifted - SHIFT; // exact: an integer from −1,022 to 0
    // r = x − k ln 2, |r| ≤ ln 2 / 2 (plus an ulp or so), and e^x = 2^k e^r.
    let r = (x - k * LN2_HI) - k * LN2_LO;
    // e^r by its Taylor series to r^13: the remainder is under 4e−18 of the value for |r| ≤ 0.35.
    const C: [f64; 14] = [
        1.0,
        1.0,
        1.0 / 2.0,
        1.0 / 6.0,
        1.0 / 24.0,
        1.0 / 120.0,
        1.0 / 720.0,
        1.0 / 5_040.0,
        1.0 / 40_320.0,
        1.0 / 362_880.0,
        1.0 / 3_628_800.0,
        1.0 / 39_916_800.0,
        1.0 / 479_001_600.0,
        1.0 / 6_227_020_800.0,
    ];
    let mut p = C[13];
    for &c in C[..13].iter().rev() {
        p = p * r + c;
    }
    // 2^k from k's bits in `shifted`: the biased exponent k + 1,023 (1 to 1,023) in place.
    let scale = f64::from_bits(
        shifted
            .to_bits()
            .wrapping_sub(SHIFT_BITS)
            .wrapping_add(1023)
            << 52,
    );
    p * scale
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distance in ulps between two positive finite doubles.
    fn ulps(a: f64, b: f64) -> u64 {
        a.to_bits().abs_diff(b.to_bits())
    }

    /// The constants are fdlibm's, to the bit.
    #[test]
    fn fdlibm_constants() {
        assert_eq!(LN2_HI.to_bits(), 0x3fe6_2e42_fee0_0000);
        assert_eq!(LN2_LO.to_bits(), 0x3dea_39ef_3579_3c76);
    }

    /// Within 2 ulps of `f64::exp` from 0 down to −708 (a grid of 2^−12 steps plus a walk of irregular
    /// values), and e^−708 below.
    #[test]
    fn exp_nonpositive_error() {
        let mut worst = 0;
        let mut x = 0.123_456_789_f64;
        let walk = (0..400_000).map(move |_| {
            x = (x * 7.31 + 0.377).fract();
            -708.0 * x * x
        });
        let grid = (0..708 * 4096).map(|i| -f64::from(i) / 4096.0);
        for v in grid
            .chain(walk)
            .chain([0.0, -0.0, -1e-300, -5e-324, -708.0])
        {
            let d = ulps(exp_nonpositive(v), v.exp());
            worst = worst.max(d);
            assert!(d <= 2, "{v}: {d} ulps");
        }
        assert!(worst >= 1, "the comparison can see a difference");
        let floor = exp_nonpositive(-708.0);
        for v in [-708.5, -745.0, -1e6, f64::NEG_INFINITY, f64::NAN] {
            assert_eq!(exp_nonpositive(v).to_bits(), floor.to_bits(), "{v}");
        }
    }
}
