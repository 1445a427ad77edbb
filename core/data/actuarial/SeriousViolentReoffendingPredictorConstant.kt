package uk.gov.justice.digital.hmpps.arnsriskactuarialapi.service.constants

class SeriousViolentReoffendingPredictorConstant {
  companion object {
    const val CAREER_BOOST = 12
    const val EXCLUSIVE_MIN_PERCENTAGE = 0.0
    const val MEDIUM_BAND_LOWER_BOUND = 1.0
    const val HIGH_BAND_LOWER_BOUND = 3.0
    const val VERY_HIGH_BAND_LOWER_BOUND = 6.9
    const val EXCLUSIVE_MAX_PERCENTAGE = 100.0
  }
}
