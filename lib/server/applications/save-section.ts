import 'server-only'
import type { ZodType } from 'zod'
import { fieldErrorsFrom } from '@/lib/schemas/form-state'
import { SECTION_SCHEMAS, type SectionKey } from '@/lib/schemas/application/sections'
import {
  checkRequestedMonths,
  type PermitTypeCode,
  type ShortTermPurposeCode,
} from '@/lib/domain/permits/permit-types'
import { todayInIstanbul } from '../clock'
import { getMyApplication, saveDraftSection } from './my-application'
import { loadPermitCatalogue } from './permit-catalogue'

export type SaveSectionResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> }

/**
 * Checks and saves one task. "complete" needs every answer right; "partial" (save and come
 * back later) keeps the answers that are right and drops the others, so nothing valid is lost.
 */
export async function saveSectionAnswers(
  id: string,
  section: SectionKey,
  raw: Record<string, string>,
  mode: 'complete' | 'partial',
): Promise<SaveSectionResult> {
  const application = await getMyApplication(id)
  const schema = SECTION_SCHEMAS[section]
  if (mode === 'partial') {
    const kept: Record<string, unknown> = {}
    for (const [field, fieldSchema] of Object.entries(schema.shape)) {
      if (!raw[field]) continue
      const parsed = (fieldSchema as ZodType).safeParse(raw[field])
      if (parsed.success && parsed.data !== undefined) kept[field] = parsed.data
    }
    const saved = await saveDraftSection(id, section, kept)
    return saved.ok
      ? { ok: true }
      : { ok: false, fieldErrors: { _form: 'application:errors.notEditable' } }
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(parsed.error) }
  const values: Record<string, unknown> = { ...parsed.data }
  if (section === 'permit' && application.permitTypeCode === 'short_term' && !values.purpose) {
    return { ok: false, fieldErrors: { purpose: 'validation:purpose.required' } }
  }
  if (section === 'permit' && application.permitTypeCode !== 'short_term') delete values.purpose
  if (section === 'permit') {
    const months = checkRequestedMonths({
      catalogue: await loadPermitCatalogue(),
      permitType: application.permitTypeCode as PermitTypeCode,
      purpose: (values.purpose as ShortTermPurposeCode | undefined) ?? null,
      months: Number(values.requestedMonths),
      startDate: todayInIstanbul(),
    })
    if (!months.ok)
      return { ok: false, fieldErrors: { requestedMonths: `validation:months.${months.reason}` } }
  }
  const saved = await saveDraftSection(id, section, values)
  return saved.ok
    ? { ok: true }
    : { ok: false, fieldErrors: { _form: 'application:errors.notEditable' } }
}
