import 'server-only'
import { and, desc, eq, ne, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { applications, residencePermits } from '@/db/schema'
import {
  checkExtensionWindow,
  checkFirstApplicationTiming,
  checkTransitionTiming,
} from '@/lib/domain/permits/timing'
import type {
  ExtensionEligibility,
  FirstApplicationEligibility,
  TransitionEligibility,
} from '@/lib/schemas/application/eligibility'
import { AccessDenied, requireSignedIn } from '../actor'
import { todayInIstanbul } from '../clock'
import { insertDraft } from './create-application'

export type StartResult =
  { ok: true; id: string } | { ok: false; reason: string; details?: Record<string, string> }

const CARRIED_OVER = ['personal', 'passport', 'address', 'insurance'] as const

/** The answers of the applicant's latest sent application, to pre-fill a new one. */
async function previousAnswers(applicantId: string): Promise<Record<string, unknown>> {
  const db = await getDb()
  const [row] = await db
    .select({ formData: applications.formData })
    .from(applications)
    .where(
      and(
        eq(applications.applicantId, applicantId),
        ne(applications.status, 'draft'),
        sql`${applications.formData} ? 'personal'`,
      ),
    )
    .orderBy(desc(applications.submittedAt))
    .limit(1)
  const data = row?.formData ?? {}
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

export async function startFirstApplication(
  input: FirstApplicationEligibility,
): Promise<StartResult> {
  const actor = await requireSignedIn()
  const timing = checkFirstApplicationTiming({
    today: todayInIstanbul(),
    legalStayUntil: input.legalStayUntil,
  })
  if (!timing.ok) return { ok: false, reason: timing.reason }
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

/** Extension of the permit the applicant holds, pre-filled from it and from their last application. */
export async function startExtension(input: ExtensionEligibility): Promise<StartResult> {
  const actor = await requireSignedIn()
  const permit = await findMyPermit(actor.userId, input.permitId)
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
  const carried = await previousAnswers(actor.userId)
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

export async function startTransition(input: TransitionEligibility): Promise<StartResult> {
  const actor = await requireSignedIn()
  const permit = await findMyPermit(actor.userId, input.permitId)
  const timing = checkTransitionTiming({
    today: todayInIstanbul(),
    groundEndedOn: input.groundEndedOn ?? null,
    hasAdditionalGround: input.hasAdditionalGround === 'yes',
    currentPermitValidUntil: permit.validUntil,
  })
  if (!timing.ok) return { ok: false, reason: timing.reason }
  const carried = await previousAnswers(actor.userId)
  const db = await getDb()
  const draft = await db.transaction((tx) =>
    insertDraft(tx, {
      applicantId: actor.userId,
      kind: 'transition',
      permitTypeCode: input.permitType,
      purposeCode: null,
      basedOnPermitId: permit.id,
      formData: {
        ...carried,
        eligibility: {
          groundEndedOn: input.groundEndedOn ?? null,
          hasAdditionalGround: input.hasAdditionalGround,
        },
        prefill: carried,
      },
    }),
  )
  return { ok: true, id: draft.id }
}
