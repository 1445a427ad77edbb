//! The thresholds and tables of the 2026 tier as typed data (docs/rules/tier-2026.md; \[V-code\] hmpps-tier @affac98a).

use super::Letter::{self, A, B, C, D, E, F, G};

/// The CSRP rows of the reoffending table: the first threshold the CSRP reaches (percent, inclusive).
pub const CSRP_ROWS: [f64; 5] = [6.9, 3.0, 1.0, 0.5, 0.0];

/// The ARP columns of the reoffending table: the first threshold the ARP reaches (percent, inclusive).
pub const ARP_COLUMNS: [f64; 6] = [90.0, 75.0, 50.0, 25.0, 15.0, 0.0];

/// The reoffending table: `REOFFENDING[row][column]`, rows [`CSRP_ROWS`], columns [`ARP_COLUMNS`].
pub const REOFFENDING: [[Letter; 6]; 5] = [
    [A, A, B, B, B, B],
    [A, B, C, C, C, C],
    [B, C, D, E, E, E],
    [C, D, E, E, F, F],
    [D, D, E, F, F, G],
];

/// DC-SRP in the medium band: the letter at the first threshold the score reaches (percent, inclusive); below the
/// last one (and above 0) hmpps-tier fails the calculation.
pub const DC_SRP_MEDIUM: [(f64, Letter); 4] = [(3.36, C), (2.11, D), (1.12, C), (0.60, D)];

/// Lifer / IPP: released within this many years before the date (inclusive) → the letter.
pub const LIFER_RELEASED_WITHIN: [(u32, Letter); 2] = [(1, B), (5, D)];

/// Lifer / IPP released earlier than the last of [`LIFER_RELEASED_WITHIN`].
pub const LIFER_EARLIER: Letter = E;

/// The letters of the flag steps.
pub const DOMESTIC_ABUSE: Letter = E;
/// `SPO`.
pub const STALKING: Letter = F;
/// `RCPR`.
pub const CHILD_PROTECTION: Letter = F;
/// Ever committed a sexual offence.
pub const SEXUAL_OFFENCE: Letter = E;
/// The letter a step without a result counts as.
pub const NO_RESULT: Letter = G;

/// The row of a CSRP score (index into [`CSRP_ROWS`]); `None` below 0 or not a number.
pub fn csrp_row(csrp: f64) -> Option<usize> {
    CSRP_ROWS.iter().position(|t| csrp >= *t)
}

/// The column of an ARP score (index into [`ARP_COLUMNS`]); `None` below 0 or not a number.
pub fn arp_column(arp: f64) -> Option<usize> {
    ARP_COLUMNS.iter().position(|t| arp >= *t)
}

/// The table letter at (`row`, `column`), `G` out of range.
pub fn cell(row: usize, column: usize) -> Letter {
    REOFFENDING
        .get(row)
        .and_then(|r| r.get(column))
        .copied()
        .unwrap_or(G)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_columns_are_inclusive_and_descending() {
        assert_eq!(csrp_row(6.9), Some(0));
        assert_eq!(csrp_row(6.89), Some(1));
        assert_eq!(csrp_row(0.0), Some(4));
        assert_eq!(csrp_row(-0.01), None);
        assert_eq!(arp_column(90.0), Some(0));
        assert_eq!(arp_column(14.99), Some(5));
        assert!(CSRP_ROWS.windows(2).all(|w| w[0] > w[1]));
        assert!(ARP_COLUMNS.windows(2).all(|w| w[0] > w[1]));
        // The table never falls as either score rises: each row and column is non-increasing in severity.
        for r in 0..5 {
            for c in 0..6 {
                if r > 0 {
                    assert!(cell(r - 1, c) >= cell(r, c));
                }
                if c > 0 {
                    assert!(cell(r, c - 1) >= cell(r, c));
                }
            }
        }
    }
}
