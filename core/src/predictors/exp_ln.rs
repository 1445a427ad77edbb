//! `exp` and `ln` for OGRS3's hot path, written so that a loop over many rows compiles to vector code: no
//! branches, no calls, no table loads (glibc's `exp` and `log` are calls the compiler cannot vectorise or
//! inline, about a quarter of the batch kernel's instructions).
//!
//! - [`exp_nonpositive`] is used only where its result decides a rounding with a margin of 1e-12
//!   (`ogrs3::probability_units`; a rounding within the margin is redone with `f64::exp`), so a few ulps of
//!   error cannot change any result. The test `exp_nonpositive_error` bounds the error at 2 ulps.
//! - [`ln_positive`] is fdlibm's `__ieee754_log` (Sun Microsystems, 1993; the algorithm of most libms,
//!   error < 1 ulp) without its special cases, which the callers' arguments never reach (positive, normal
//!   quotients of small integers), and with its one branch made a select. It gives OGRS3's Copas rate, so
//!   the logit total can differ from one computed with the platform's `ln` by an ulp; the test `ln_positive_error`
//!   bounds the difference at 1 ulp over every Copas quotient the inputs allow.

/// ln 2 in two parts (fdlibm's `ln2_hi`, `ln2_lo`; the shortest decimals of its bit patterns, which the
/// test `fdlibm_constants` checks): `k × LN2_HI` is exact for |k| < 2^20.
const LN2_HI: f64 = 0.693_147_180_369_123_8;
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;

/// fdlibm's `Lg1`–`Lg7`: ln m = 2s + s·R(s²) with s = (m − 1) / (m + 1), R a minimax polynomial.
const LG: [f64; 7] = [
    0.666_666_666_666_673_5,
    0.399_999_999_994_094_2,
    0.285_714_287_436_623_9,
    0.222_221_984_321_497_84,
    0.181_835_721_616_180_5,
    0.153_138_376_992_093_73,
    0.147_981_986_051_165_86,
];

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

/// ln x for a positive normal x (fdlibm's algorithm; error < 1 ulp). For zero, subnormals, infinities and
/// NaN the result is meaningless (no caller passes them).
#[inline(always)]
pub(crate) fn ln_positive(x: f64) -> f64 {
    let [lg1, lg2, lg3, lg4, lg5, lg6, lg7] = LG;
    // 2^52 + 1,023: subtracting it from a double whose low bits hold a biased exponent gives the exponent.
    const EXPONENT_BIAS: f64 = 4_503_599_627_371_519.0;
    let bits = x.to_bits();
    // x = 2^k × m with m in [√2/2, √2): fdlibm's `i = (hx + 0x95f64) & 0x100000` on the high word, that is
    // whether the mantissa is at least √2's (0x6a09c…), moving one power of two from m to k when it is.
    let high = bits >> 32;
    let up = ((high & 0x000f_ffff) + 0x95f64) & 0x10_0000; // 0 or 2^20
    let m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | ((up ^ 0x3ff0_0000) << 32));
    // k as a double without an integer conversion: the biased exponent (plus 1 when m was halved) in the
    // low bits of 2^52.
    let biased = (bits >> 52) + (up >> 20);
    let dk = f64::from_bits(0x4330_0000_0000_0000 | biased) - EXPONENT_BIAS;
    let f = m - 1.0;
    let s = f / (2.0 + f);
    let z = s * s;
    let w = z * z;
    let t1 = w * (lg2 + w * (lg4 + w * lg6));
    let t2 = z * (lg1 + w * (lg3 + w * (lg5 + w * lg7)));
    let r = t2 + t1;
    // fdlibm's two forms of the last step; the one with ½f² where the mantissa's high word lies in
    // 0x6147a–0x6b851 (m near √2 or √2/2), chosen by a mask rather than a branch.
    let mantissa_high = high & 0x000f_ffff;
    let near_root_two = u64::from((0x6147a..=0x6b851).contains(&mantissa_high)).wrapping_neg();
    let half_f_squared = 0.5 * f * f;
    let with_square =
        dk * LN2_HI - ((half_f_squared - (s * (half_f_squared + r) + dk * LN2_LO)) - f);
    let without = dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    f64::from_bits((with_square.to_bits() & near_root_two) | (without.to_bits() & !near_root_two))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distance in ulps between two positive finite doubles.
    fn ulps(a: f64, b: f64) -> u64 {
        a.to_bits().abs_diff(b.to_bits())
    }

    /// Within 2 ulps of `f64::exp` from 0 down to −708 (a grid of 2^−12 steps plus a walk of irregular
    /// values), and e^−708 below.
    /// The constants are fdlibm's, to the bit.
    #[test]
    fn fdlibm_constants() {
        assert_eq!(LN2_HI.to_bits(), 0x3fe6_2e42_fee0_0000);
        assert_eq!(LN2_LO.to_bits(), 0x3dea_39ef_3579_3c76);
        assert_eq!(
            LG.map(f64::to_bits),
            [
                0x3fe5_5555_5555_5593,
                0x3fd9_9999_9997_fa04,
                0x3fd2_4924_9422_9359,
                0x3fcc_71c5_1d8e_78af,
                0x3fc7_4664_96cb_03de,
                0x3fc3_9a09_d078_c69f,
                0x3fc2_f112_df3e_5244,
            ]
        );
    }

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

    /// Within 1 ulp of `f64::ln` on every Copas quotient n / d the OGRS3 inputs allow up to d = 1,200 (n
    /// sanctions 1–999; d = 10 + age at conviction − age at first sanction, 10 or more), and on powers of
    /// two, values either side of 1 and of √2 (the two forms' switch), and a walk over 1e−300 to 1e300.
    #[test]
    fn ln_positive_error() {
        for d in 10..=1_200u32 {
            for n in 1..=999u32 {
                let q = f64::from(n) / f64::from(d);
                let e = ulps(ln_positive(q), q.ln());
                assert!(e <= 1, "{n}/{d}: {e} ulps");
            }
        }
        let mut others = vec![
            1.0,
            2.0,
            0.5,
            std::f64::consts::SQRT_2,
            std::f64::consts::FRAC_1_SQRT_2,
        ];
        for k in -1000..1000 {
            others.push(2f64.powi(k));
        }
        for c in [1.0, std::f64::consts::SQRT_2, 1.38, 1.42, 0.69, 0.71] {
            let mut v = c;
            let mut w = c;
            for _ in 0..2000 {
                v = f64::from_bits(v.to_bits() + 1);
                w = f64::from_bits(w.to_bits() - 1);
                others.extend([v, w]);
            }
        }
        let mut t = 0.5_f64;
        for _ in 0..200_000 {
            t = (t * 7.31 + 0.377).fract();
            others.push(10f64.powf(600.0 * t - 300.0));
        }
        for v in others {
            let lv = v.ln();
            let mine = ln_positive(v);
            if lv == 0.0 {
                assert_eq!(mine, 0.0, "{v}");
                continue;
            }
            assert!(
                mine.signum() == lv.signum() && ulps(mine.abs(), lv.abs()) <= 1,
                "{v}: {mine} against {lv}"
            );
        }
    }
}
