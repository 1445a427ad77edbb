//! Criminogenic needs: weights, and severity scored from raw section answers (docs/rules/tier.md).

use crate::model::{Answer, AssessmentKind, NeedArea, NeedSeverity};

/// The number of need areas ([`NeedArea::ALL`]).
pub const NEED_AREAS: usize = 10;

/// The position of `area` in [`NeedArea::ALL`].
pub const fn index(area: NeedArea) -> usize {
    match area {
        NeedArea::Accommodation => 0,
        NeedArea::EducationTrainingEmployability => 1,
        NeedArea::Relationships => 2,
        NeedArea::LifestyleAssociates => 3,
        NeedArea::DrugMisuse => 4,
        NeedArea::AlcoholMisuse => 5,
        NeedArea::ThinkingBehaviour => 6,
        NeedArea::Attitudes => 7,
        NeedArea::FinancialManagement => 8,
        NeedArea::EmotionalWellbeing => 9,
    }
}

/// The tier weight of a need (\[V-code\] hmpps-tier `Need`): 2 for thinking & behaviour and attitudes, 0 for
/// financial management and emotional wellbeing, 1 for the rest.
pub const fn weight(area: NeedArea) -> u32 {
    match area {
        NeedArea::ThinkingBehaviour | NeedArea::Attitudes => 2,
        NeedArea::FinancialManagement | NeedArea::EmotionalWellbeing => 0,
        _ => 1,
    }
}

/// The points of a severity: no need 0, standard 1, severe 2.
pub const fn severity_score(s: NeedSeverity) -> u32 {
    match s {
        NeedSeverity::NoNeed => 0,
        NeedSeverity::Standard => 1,
        NeedSeverity::Severe => 2,
    }
}

/// The (standard, severe) section-score thresholds of a need for an assessment kind, or `None` for the areas the
/// tier does not score from answers (financial management, emotional wellbeing: weight 0).
///
/// OASys / SAN \[V-code\] hmpps-tier: accommodation 2, 7 / 3, 5; education, training & employability 3, 7;
/// relationships 2, 5; lifestyle 2, 5; drug misuse 2, 8 / 2, 6; alcohol misuse 4, 7 / 2, 4; thinking & behaviour
/// 4, 7 / 3, 5; attitudes 2, 7 / 1, 5.
pub const fn thresholds(area: NeedArea, kind: AssessmentKind) -> Option<(u32, u32)> {
    let san = matches!(kind, AssessmentKind::San);
    match area {
        NeedArea::Accommodation => Some(if san { (3, 5) } else { (2, 7) }),
        NeedArea::EducationTrainingEmployability => Some((3, 7)),
        NeedArea::Relationships | NeedArea::LifestyleAssociates => Some((2, 5)),
        NeedArea::DrugMisuse => Some(if san { (2, 6) } else { (2, 8) }),
        NeedArea::AlcoholMisuse => Some(if san { (2, 4) } else { (4, 7) }),
        NeedArea::ThinkingBehaviour => Some(if san { (3, 5) } else { (4, 7) }),
        NeedArea::Attitudes => Some(if san { (1, 5) } else { (2, 7) }),
        NeedArea::FinancialManagement | NeedArea::EmotionalWellbeing => None,
    }
}

/// A section's score: the sum of its answers' scores (missing and unknown answers 0), or `None` when every answer
/// is missing or unknown (the section is skipped: no severity at all, not "no need" — \[V-code\] hmpps-tier
/// `NeedSection.getScore`, docs/rules/tier.md).
pub fn section_score(answers: &[Option<Answer>]) -> Option<u32> {
    let mut any = false;
    let mut total = 0;
    for a in answers.iter().flatten() {
        any |= *a != Answer::Unknown;
        total += a.score();
    }
    any.then_some(total)
}

/// The severity of a need scored from its section answers; `None` when the section is skipped or the area is not
/// scored from answers.
///
/// ```
/// use probation_core::model::{Answer, AssessmentKind, NeedArea, NeedSeverity};
/// use probation_core::tier::severity_from_answers;
/// let answers = [Some(Answer::Significant), Some(Answer::Yes), None];
/// // accommodation: 4 points; OASys thresholds 2 / 7 → standard; SAN 3 / 5 → standard
/// assert_eq!(severity_from_answers(NeedArea::Accommodation, AssessmentKind::Oasys, &answers),
///            Some(NeedSeverity::Standard));
/// assert_eq!(severity_from_answers(NeedArea::Attitudes, AssessmentKind::San, &[None, None]), None);
/// ```
pub fn severity_from_answers(
    area: NeedArea,
    kind: AssessmentKind,
    answers: &[Option<Answer>],
) -> Option<NeedSeverity> {
    let (standard, severe) = thresholds(area, kind)?;
    let score = section_score(answers)?;
    Some(if score >= severe {
        NeedSeverity::Severe
    } else if score >= standard {
        NeedSeverity::Standard
    } else {
        NeedSeverity::NoNeed
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_matches_all() {
        for (i, a) in NeedArea::ALL.iter().enumerate() {
            assert_eq!(index(*a), i);
        }
        assert_eq!(NeedArea::ALL.len(), NEED_AREAS);
    }

    #[test]
    fn thresholds_are_inclusive() {
        use Answer as A;
        let k = AssessmentKind::Oasys;
        // drug misuse OASys 2 / 8
        let sev = |xs: &[Answer]| {
            let v: Vec<_> = xs.iter().copied().map(Option::Some).collect();
            severity_from_answers(NeedArea::DrugMisuse, k, &v)
        };
        assert_eq!(sev(&[A::Some]), Some(NeedSeverity::NoNeed));
        assert_eq!(sev(&[A::Yes]), Some(NeedSeverity::Standard));
        assert_eq!(
            sev(&[A::Yes, A::Yes, A::Yes, A::Previous]),
            Some(NeedSeverity::Standard)
        );
        assert_eq!(
            sev(&[A::Yes, A::Yes, A::Yes, A::Yes]),
            Some(NeedSeverity::Severe)
        );
        assert_eq!(
            severity_from_answers(NeedArea::DrugMisuse, k, &[]),
            None,
            "no answers: skipped"
        );
        assert_eq!(
            severity_from_answers(NeedArea::DrugMisuse, k, &[Some(A::Unknown), None]),
            None,
            "all answers missing or unknown: skipped"
        );
        assert_eq!(
            severity_from_answers(NeedArea::DrugMisuse, k, &[Some(A::Unknown), Some(A::No)]),
            Some(NeedSeverity::NoNeed),
            "one known answer: scored (0 → no need)"
        );
    }
}
