package uk.gov.justice.digital.hmpps.arnsriskactuarialapi.service.constants

class ViolentReoffendingPredictorConstant {
  companion object {
    const val CAREER_BOOST_COPAS = 12
    const val CAREER_BOOST_VIOLENT = 30
    const val EXCLUSIVE_MIN_PERCENTAGE = 0.0
    const val MEDIUM_BAND_LOWER_BOUND = 30.0
    const val HIGH_BAND_LOWER_BOUND = 60.0
    const val VERY_HIGH_BAND_LOWER_BOUND = 80.0
    const val EXCLUSIVE_MAX_PERCENTAGE = 100.0
  }
}
