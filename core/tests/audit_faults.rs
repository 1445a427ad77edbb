//! On a generated caseload with injected faults, the audit finds exactly the injected ones (recall and precision
//! 1.0), and a case recorded without a fault has no discrepancy.

use probation_core::audit::{AuditOptions, audit_with};
use probation_core::calendar::Calendar;
use probation_core::synth::{self, decisions};

#[test]
fn the_audit_finds_exactly_the_injected_faults() {
    let options = AuditOptions::standard().unwrap();
    let calendar = Calendar::england_and_wales();
    let generator = synth::Generator::new(2026);
    let (mut injected, mut found, mut true_positives) = (0usize, 0usize, 0usize);
    let mut by_kind = std::collections::BTreeMap::new();
    for index in 0..400 {
        let mut case = generator.case(index);
        let fault = decisions::record(&mut case, 2026, index, 40, &options, &calendar).unwrap();
        let a = audit_with(&case, synth::AS_OF, &options, &calendar).unwrap();
        let got: Vec<_> = a.discrepancies.iter().map(|d| (d.kind, d.on)).collect();
        found += got.len();
        if let Some(f) = fault {
            injected += 1;
            *by_kind.entry(f.kind).or_insert(0usize) += 1;
            if got.contains(&(f.kind, f.on)) {
                true_positives += 1;
            }
        }
        let want: Vec<_> = fault.iter().map(|f| (f.kind, f.on)).collect();
        assert_eq!(got, want, "case {index}: {:#?}", a.discrepancies);
    }
    eprintln!("{injected} fault(s) injected over 400 cases: {by_kind:?}; {found} found");
    // Every kind of fault is exercised.
    assert_eq!(by_kind.len(), 3, "{by_kind:?}");
    assert!(injected > 50, "{injected}");
    assert_eq!(true_positives, injected, "recall");
    assert_eq!(true_positives, found, "precision");
}
