import 'server-only'
import { eq } from 'drizzle-orm'
import type { Db } from '@/db'
import { applications, residencePermits } from '@/db/schema'
import { caseChecks as runChecks, type CaseCheck } from '@/lib/domain/casework/case-checks'
import { isPermitTypeCode, isShortTermPurposeCode } from '@/lib/domain/permits/permit-types'
import { sponsorPermitLimit } from '@/lib/schemas/application/sponsor'
import { loadPermitCatalogue } from '../applications/permit-catalogue'
import { permitStartDate } from '../applications/permit-period'

export type { CaseCheck }

/** The checks of one case the caller already read within their scope. */
export async function caseChecks(
  db: Pick<Db, 'select'>,
  app: typeof applications.$inferSelect,
): Promise<CaseCheck[]> {
  const [previous] = app.basedOnPermitId
    ? await db
        .select({ validUntil: residencePermits.validUntil })
        .from(residencePermits)
        .where(eq(residencePermits.id, app.basedOnPermitId))
    : []
  const passport = (app.formData.passport ?? {}) as Record<string, unknown>
  return runChecks({
    catalogue: await loadPermitCatalogue(db),
    permitType: isPermitTypeCode(app.permitTypeCode) ? app.permitTypeCode : 'short_term',
    purpose: app.purposeCode && isShortTermPurposeCode(app.purposeCode) ? app.purposeCode : null,
    startDate: permitStartDate({
      kind: app.kind,
      permitTypeCode: app.permitTypeCode,
      basedOnPermitValidUntil: previous?.validUntil ?? null,
    }),
    months: app.requestedMonths,
    passportValidUntil:
      typeof passport.passportValidUntil === 'string' ? passport.passportValidUntil : null,
    sponsorLimit: sponsorPermitLimit(app.formData),
    feesPaid: app.feesPaidAt !== null,
    documentsReceived: app.documentsReceivedAt !== null,
  })
}
