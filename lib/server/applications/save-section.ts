import 'server-only'
import type { ZodType } from 'zod'
import { hasSection, sectionSchemaFor, type SectionKey } from '@/lib/schemas/application/sections'
import { AccessDenied } from '../actor'
import { getMyApplication, saveDraftSection } from './my-application'
import { checkPermitPeriod } from './permit-period'
import { checkTaskAnswers, serverFieldErrors } from './section-checks'

/**
 * `needsAttention`: saved, but another task no longer fits these answers (a sponsor whose
 * permit ends before the period already asked for); the applicant should go there next.
 */
export type SaveSectionResult =
  { ok: true; needsAttention?: SectionKey } | { ok: false; fieldErrors: Record<string, string> }

const NOT_EDITABLE = {
  ok: false,
  fieldErrors: { _form: 'application:errors.notEditable' },
} as const

/**
 * Checks and saves one task. "complete" needs every answer right; "partial" (save and come
 * back later) keeps the answers that are right and drops the others, so nothing valid is lost.
 * A task the application does not have (a sponsor outside family permits) is a 404.
 */
export async function saveSectionAnswers(
  id: string,
  section: SectionKey,
  raw: Record<string, string>,
  mode: 'complete' | 'partial',
): Promise<SaveSectionResult> {
  const application = await getMyApplication(id)
  if (!hasSection(application.permitTypeCode, section)) throw new AccessDenied('not_found')
  const schema = sectionSchemaFor(section, application.permitTypeCode)
  if (mode === 'partial') {
    const kept: Record<string, unknown> = {}
    for (const [field, fieldSchema] of Object.entries(schema.shape)) {
      if (!raw[field]) continue
      const parsed = (fieldSchema as ZodType).safeParse(raw[field])
      if (parsed.success && parsed.data !== undefined) kept[field] = parsed.data
    }
    for (const field of Object.keys(await serverFieldErrors(section, kept))) delete kept[field]
    const saved = await saveDraftSection(id, section, kept)
    return saved.ok ? { ok: true } : NOT_EDITABLE
  }
  const checked = await checkTaskAnswers(application, section, raw)
  if (!checked.ok) return checked
  const values = checked.values
  const saved = await saveDraftSection(id, section, values)
  if (!saved.ok) return NOT_EDITABLE
  if (section !== 'sponsor') return { ok: true }
  // The sponsor is kept even when the period saved earlier now ends too late: both answers
  // may be the one to change. The period task shows the clash until it is fixed.
  const period = await checkPermitPeriod(
    application,
    application.formData.permit as Record<string, unknown> | undefined,
    { ...application.formData, sponsor: values },
  )
  return period && !period.ok ? { ok: true, needsAttention: 'permit' } : { ok: true }
}
