import 'server-only'
import { and, gt, lte } from 'drizzle-orm'
import { publicHolidays } from '@/db/schema'
import { statusAfterSubmission, type ApplicationKind } from '@/lib/domain/application-status'
import { addDays, type IsoDate } from '@/lib/domain/permits/dates'
import {
  extensionStep,
  personalDataChanged,
  postalDeadline,
  type ExtensionRoute,
} from '@/lib/domain/permits/extension-route'
import type { Tx } from '../idempotency'

// Five working days fit in three weeks even around the longest holiday (Kurban Bayramı).
const HOLIDAY_LOOKAHEAD_DAYS = 21

/**
 * Where a sent application goes, and for an extension sent by post the last day to post the
 * documents (domain.md §4): the directorate's extension route decides, İstanbul's by whether
 * the personal data changed since the earlier application.
 */
export async function nextStepAfterSubmission(
  tx: Pick<Tx, 'select'>,
  input: {
    kind: ApplicationKind
    extensionRoute: ExtensionRoute
    formData: Record<string, unknown>
    today: IsoDate
  },
): Promise<{ next: ReturnType<typeof statusAfterSubmission>; documentsDueOn: IsoDate | null }> {
  const step =
    input.kind === 'extension'
      ? extensionStep(input.extensionRoute, personalDataChanged(input.formData))
      : 'appointment'
  const next = statusAfterSubmission(input.kind, step)
  if (next !== 'documents_submitted') return { next, documentsDueOn: null }
  const holidays = await tx
    .select({ date: publicHolidays.date, halfDay: publicHolidays.halfDay })
    .from(publicHolidays)
    .where(
      and(
        gt(publicHolidays.date, input.today),
        lte(publicHolidays.date, addDays(input.today, HOLIDAY_LOOKAHEAD_DAYS)),
      ),
    )
  // Half days (a holiday's eve) are still working days: the post office is open.
  const closed = new Set(holidays.filter((h) => !h.halfDay).map((h) => h.date))
  return { next, documentsDueOn: postalDeadline(input.today, closed) }
}
