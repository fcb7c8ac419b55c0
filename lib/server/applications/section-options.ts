import 'server-only'
import { asc } from 'drizzle-orm'
import { getDb } from '@/db'
import { provinces, shortTermPurposes } from '@/db/schema'
import type { Locale } from '@/lib/domain/locales'
import { nationalityOptions } from '@/lib/domain/nationalities'
import { provinceOptions } from '@/lib/domain/provinces/province-label'
import { getT } from '@/lib/i18n/create-translator'
import { STUDY_LEVELS } from '@/lib/domain/permits/student'
import { INSURANCE_TYPES, type SectionKey } from '@/lib/schemas/application/sections'
import { SPONSOR_CITIZENSHIPS, SPONSOR_RELATIONSHIPS } from '@/lib/schemas/application/sponsor'

type Option = { value: string; label: string }

/** The choices a task's form offers, in the reader's language. */
export async function sectionOptions(
  locale: Locale,
  section: SectionKey,
): Promise<Record<string, Option[]>> {
  const t = getT(locale, ['application', 'common'])
  if (section === 'personal') {
    return {
      nationalities: nationalityOptions(locale).map((n) => ({ value: n.code, label: n.name })),
    }
  }
  if (section === 'address') {
    const db = await getDb()
    // Sorted in the reader's collation here: the database's order is by character code.
    const rows = await db.select({ code: provinces.code, name: provinces.name }).from(provinces)
    return { provinces: provinceOptions(rows, locale) }
  }
  if (section === 'permit') {
    const db = await getDb()
    const rows = await db.select().from(shortTermPurposes).orderBy(asc(shortTermPurposes.sortOrder))
    return {
      purposes: rows.map((p) => ({ value: p.code, label: t(`purposes.${p.code}`) })),
      studyLevels: STUDY_LEVELS.map((l) => ({ value: l, label: t(`studyLevels.${l}`) })),
      yesNo: ['yes', 'no'].map((a) => ({ value: a, label: t(`common:answers.${a}`) })),
    }
  }
  if (section === 'insurance') {
    return {
      insuranceTypes: INSURANCE_TYPES.map((i) => ({ value: i, label: t(`insuranceTypes.${i}`) })),
    }
  }
  if (section === 'sponsor') {
    return {
      relationships: SPONSOR_RELATIONSHIPS.map((r) => ({
        value: r,
        label: t(`relationships.${r}`),
      })),
      citizenships: SPONSOR_CITIZENSHIPS.map((c) => ({ value: c, label: t(`citizenships.${c}`) })),
    }
  }
  return {}
}
