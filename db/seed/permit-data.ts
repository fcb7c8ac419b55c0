import 'server-only'
// Permit types (Law 6458 art. 30) and short-term purposes (art. 31(1)), from the domain brief §3.
// Values the brief marks uncertain [U] carry needsLegalReview and the source of the value.
//
// `permitFeeExempt`: categories that pay the card fee only (domain.md §8: "several
// nationalities/categories pay no permit fee"). The brief does not list the categories; these
// follow Law 492 (Fees Law) art. 88 as amended by Law 6458 art. 124 — student permits, and
// humanitarian and trafficking-victim permits — [S][U]: the national admin confirms them.
export const PERMIT_TYPES = [
  {
    code: 'short_term',
    lawArticles: '31–33',
    regulationArticles: '28–29',
    maxMonthsPerGrant: 24,
    selfService: true,
    permitFeeExempt: false,
  },
  {
    code: 'family',
    lawArticles: '34–37',
    regulationArticles: '30–34',
    maxMonthsPerGrant: 36,
    selfService: true,
    needsLegalReview: true,
    legalReviewSource:
      'domain.md §3 and §13: 3 years in current sources, 2 years in older texts; amendment date unconfirmed [U] (yabancilar.org, ozansoylu.av.tr)',
    permitFeeExempt: false,
  },
  {
    code: 'student',
    lawArticles: '38–41',
    regulationArticles: '35–39',
    // The programme decides (checkStudentPeriod); this caps one grant at six years, the
    // longest normal programme (medicine).
    maxMonthsPerGrant: 72,
    selfService: true,
    permitFeeExempt: true,
  },
  {
    code: 'long_term',
    lawArticles: '42–45',
    regulationArticles: '40–43',
    maxMonthsPerGrant: null,
    selfService: true,
    permitFeeExempt: false,
  },
  {
    code: 'humanitarian',
    lawArticles: '46–47',
    regulationArticles: null,
    maxMonthsPerGrant: 12,
    selfService: false,
    permitFeeExempt: true,
  },
  {
    code: 'trafficking_victim',
    lawArticles: '48–49',
    regulationArticles: '45–46',
    // Renewals; the first grant is 30 days and all grants together at most three years.
    maxMonthsPerGrant: 6,
    firstGrantDays: 30,
    maxTotalMonths: 36,
    selfService: false,
    permitFeeExempt: true,
  },
] as const

const GRADUATE_SOURCE =
  'domain.md §3: apply within 6 months of graduation, one-off, reportedly 1 year [U] (mevzuat.tbmm.gov.tr art. 31; oturmaiznialma)'
const COURSE_SOURCE =
  'domain.md §3: Turkish-course permits at most twice (mevzuat.tbmm.gov.tr art. 31; elysiondanismanlik); listed for review in issue 12'
const INVESTOR_SOURCE = 'domain.md §3: outside the two-year cap, one source says 5 years [U]'

// The letters follow the Turkish alphabet of the law text: a b c ç d e f g ğ h ı i j k.
export const SHORT_TERM_PURPOSES = [
  { code: 'research', lawLetter: 'a', maxMonthsPerGrant: 24, needsLegalReview: false },
  { code: 'property_owner', lawLetter: 'b', maxMonthsPerGrant: 24, needsLegalReview: false },
  { code: 'business', lawLetter: 'c', maxMonthsPerGrant: 24, needsLegalReview: false },
  { code: 'in_service_training', lawLetter: 'ç', maxMonthsPerGrant: 24, needsLegalReview: false },
  { code: 'exchange_programme', lawLetter: 'd', maxMonthsPerGrant: 24, needsLegalReview: false },
  { code: 'tourism', lawLetter: 'e', maxMonthsPerGrant: 24, needsLegalReview: false },
  { code: 'medical_treatment', lawLetter: 'f', maxMonthsPerGrant: 24, needsLegalReview: false },
  { code: 'authority_request', lawLetter: 'g', maxMonthsPerGrant: 24, needsLegalReview: false },
  { code: 'from_family_permit', lawLetter: 'ğ', maxMonthsPerGrant: 24, needsLegalReview: false },
  {
    code: 'turkish_course',
    lawLetter: 'h',
    maxMonthsPerGrant: 24,
    maxGrants: 2,
    needsLegalReview: true,
    legalReviewSource: COURSE_SOURCE,
  },
  { code: 'public_programme', lawLetter: 'ı', maxMonthsPerGrant: 24, needsLegalReview: false },
  // Reported as a one-off of about a year; the brief marks it uncertain.
  {
    code: 'recent_graduate',
    lawLetter: 'i',
    maxMonthsPerGrant: 12,
    maxGrants: 1,
    graduationWindowMonths: 6,
    needsLegalReview: true,
    legalReviewSource: GRADUATE_SOURCE,
  },
  // Outside the two-year cap; one source says five years, also uncertain.
  {
    code: 'investor',
    lawLetter: 'j',
    maxMonthsPerGrant: 60,
    needsLegalReview: true,
    legalReviewSource: INVESTOR_SOURCE,
  },
  {
    code: 'trnc_citizen',
    lawLetter: 'k',
    maxMonthsPerGrant: 60,
    needsLegalReview: true,
    legalReviewSource: INVESTOR_SOURCE,
  },
] as const
