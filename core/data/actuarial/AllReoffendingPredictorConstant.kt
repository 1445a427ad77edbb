package uk.gov.justice.digital.hmpps.arnsriskactuarialapi.service.constants

class AllReoffendingPredictorConstant {
  companion object {
    const val CAREER_BOOST = 26
    const val EXCLUSIVE_MIN_PERCENTAGE = 0.0
    const val MEDIUM_BAND_LOWER_BOUND = 50.0
    const val HIGH_BAND_LOWER_BOUND = 75.0
    const val VERY_HIGH_BAND_LOWER_BOUND = 90.0
    const val EXCLUSIVE_MAX_PERCENTAGE = 100.0
  }
}
