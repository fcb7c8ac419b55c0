import 'server-only'
import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { applications, residencePermits } from '@/db/schema'
import { ageOn } from '@/lib/domain/permits/ages'
import { isIsoDate, type IsoDate } from '@/lib/domain/permits/dates'
import { wholeMonthsCounted } from '@/lib/domain/permits/long-term'
import type { PermitTypeCode } from '@/lib/domain/permits/permit-types'
import {
  checkExtensionWindow,
  checkFirstApplicationTiming,
  checkTransitionTiming,
} from '@/lib/domain/permits/timing'
import { checkExtensionType } from '@/lib/domain/permits/type-changes'
import type {
  ExtensionEligibility,
  FirstApplicationEligibility,
  TransitionEligibility,
} from '@/lib/schemas/application/eligibility'
import { AccessDenied, requireSignedIn } from '../actor'
import { todayInIstanbul } from '../clock'
import { Refused } from '../errors'
import { openIdentityNumbers } from '../crypto/identity-numbers'
import { insertDraft } from './create-application'
import { longTermCheck, typeChangeCheck } from './law-checks'
import { listMyHeldPermits } from './law-facts'

export type StartResult =
  { ok: true; id: string } | { ok: false; reason: string; details?: Record<string, string> }

const CARRIED_OVER = ['personal', 'passport', 'address', 'insurance'] as const
type Permit = typeof residencePermits.$inferSelect

/**
 * The answers of the application that granted this permit, to pre-fill the next one (issue
 * 12, item 14). Never simply the account's latest application: an account that filed for a
 * family member must not copy that person into its own extension. A permit from before the
 * portal has no such application: nothing is pre-filled.
 */
async function answersBehind(
  applicantId: string,
  permit: Permit,
): Promise<Record<string, unknown>> {
  if (!permit.applicationId) return {}
  const db = await getDb()
  const [row] = await db
    .select({
      formData: applications.formData,
      passportNumberSealed: applications.passportNumberSealed,
      foreignerIdSealed: applications.foreignerIdSealed,
    })
    .from(applications)
    .where(
      and(eq(applications.id, permit.applicationId), eq(applications.applicantId, applicantId)),
    )
  // Opened here and sealed again by insertDraft, prefill copy included.
  const data = row ? openIdentityNumbers(row.formData, row) : {}
  return Object.fromEntries(CARRIED_OVER.filter((k) => data[k]).map((k) => [k, data[k]]))
}

async function findMyPermit(applicantId: string, permitId: string) {
  const db = await getDb()
  const [permit] = await db
    .select()
    .from(residencePermits)
    .where(and(eq(residencePermits.id, permitId), eq(residencePermits.holderId, applicantId)))
  // Someone else's permit is answered like a missing one.
  if (!permit) throw new AccessDenied('not_found')
  return permit
}

/**
 * Law 6458 art. 42: eight years on permits before a long-term permit. Checked at the start with
 * the permits on record; the declarations of the permit task are checked when it is saved.
 */
export async function requireLongTermYears(today: IsoDate): Promise<void> {
  const result = await longTermCheck({}, null, today)
  if (!result.reasons.includes('not_enough_years')) return
  const months = wholeMonthsCounted(today, result.countedDays)
  throw new Refused('not_enough_years', {
    namespace: 'application',
    values: { years: String(Math.floor(months / 12)), months: String(months % 12) },
  })
}

export async function startFirstApplication(
  input: FirstApplicationEligibility,
): Promise<StartResult> {
  const actor = await requireSignedIn()
  const today = todayInIstanbul()
  const timing = checkFirstApplicationTiming({ today, legalStayUntil: input.legalStayUntil })
  if (!timing.ok) return { ok: false, reason: timing.reason }
  if (input.permitType === 'long_term') await requireLongTermYears(today)
  const db = await getDb()
  const draft = await db.transaction((tx) =>
    insertDraft(tx, {
      applicantId: actor.userId,
      kind: 'first',
      permitTypeCode: input.permitType,
      purposeCode: null,
      basedOnPermitId: null,
      formData: { eligibility: { legalStayUntil: input.legalStayUntil } },
    }),
  )
  return { ok: true, id: draft.id }
}

/** Extension of the permit the applicant holds, pre-filled from the application behind it. */
export async function startExtension(input: ExtensionEligibility): Promise<StartResult> {
  const actor = await requireSignedIn()
  const permit = await findMyPermit(actor.userId, input.permitId)
  // Art. 42: long-term is indefinite; art. 46, 48–49: renewed by the directorate.
  const byType = checkExtensionType(permit.permitTypeCode as PermitTypeCode)
  if (!byType.ok) throw new Refused(byType.reason, { namespace: 'application' })
  const window = checkExtensionWindow({
    today: todayInIstanbul(),
    permitValidUntil: permit.validUntil,
  })
  if (!window.ok)
    return {
      ok: false,
      reason: window.reason,
      details: 'opensOn' in window && window.opensOn ? { date: window.opensOn } : undefined,
    }
  const carried = await answersBehind(actor.userId, permit)
  const permitSection = permit.purposeCode ? { purpose: permit.purposeCode } : {}
  const db = await getDb()
  const draft = await db.transaction((tx) =>
    insertDraft(tx, {
      applicantId: actor.userId,
      kind: 'extension',
      permitTypeCode: permit.permitTypeCode,
      purposeCode: permit.purposeCode,
      basedOnPermitId: permit.id,
      // `prefill` keeps what we filled in, so staff can see what the applicant changed.
      formData: {
        ...carried,
        permit: permitSection,
        prefill: { ...carried, permit: permitSection },
      },
    }),
  )
  return { ok: true, id: draft.id }
}

/** The holder's age today: from the permit's record, else from the answers behind it. */
function knownAge(permit: Permit, carried: Record<string, unknown>, today: IsoDate) {
  const personal = carried.personal as Record<string, unknown> | undefined
  const born = permit.holderBirthDate ?? personal?.dateOfBirth
  return typeof born === 'string' && isIsoDate(born) && born <= today ? ageOn(born, today) : null
}

export async function startTransition(input: TransitionEligibility): Promise<StartResult> {
  const actor = await requireSignedIn()
  const permit = await findMyPermit(actor.userId, input.permitId)
  const today = todayInIstanbul()
  const carried = await answersBehind(actor.userId, permit)
  const from = permit.permitTypeCode as PermitTypeCode
  // Art. 29 and Reg. art. 34: which type this permit may become, and on which ground.
  const change = typeChangeCheck({
    from,
    to: input.permitType,
    ground: input.familyExitGround ?? null,
    held: await listMyHeldPermits(),
    age: knownAge(permit, carried, today),
    today,
  })
  if (!change.ok)
    throw new Refused(change.reason, {
      namespace: 'application',
      values: 'eligibleOn' in change ? { date: change.eligibleOn } : {},
    })
  const timing = checkTransitionTiming({
    today,
    groundEndedOn: input.groundEndedOn ?? null,
    hasAdditionalGround: input.hasAdditionalGround === 'yes',
    currentPermitValidUntil: permit.validUntil,
  })
  if (!timing.ok) return { ok: false, reason: timing.reason }
  if (input.permitType === 'long_term') await requireLongTermYears(today)
  // A switch from a family permit to a short-term one is purpose ğ (art. 31(1)(ğ)).
  const permitSection = change.purpose ? { permit: { purpose: change.purpose } } : {}
  const db = await getDb()
  const draft = await db.transaction((tx) =>
    insertDraft(tx, {
      applicantId: actor.userId,
      kind: 'transition',
      permitTypeCode: input.permitType,
      purposeCode: change.purpose,
      basedOnPermitId: permit.id,
      formData: {
        ...carried,
        ...permitSection,
        eligibility: {
          fromType: from,
          familyExitGround: input.familyExitGround ?? null,
          groundEndedOn: input.groundEndedOn ?? null,
          hasAdditionalGround: input.hasAdditionalGround,
        },
        prefill: { ...carried, ...permitSection },
      },
    }),
  )
  return { ok: true, id: draft.id }
}
