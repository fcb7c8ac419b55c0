import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { applications, directorates, restrictedCaseStaff, users } from '@/db/schema'
import type { ApplicationKind, ApplicationStatus } from '@/lib/domain/application-status'
import { newReferenceNumber } from '../applications/create-application'
import { newAccrualReference } from '../payments/accrual-reference'
import { COMPLETE_ANSWERS, inDays, testEmail } from './application-fixtures'
import { storedAnswers } from '../crypto/identity-numbers'

export type TestCase = { id: string; applicantId: string; email: string }

/**
 * A submitted application of a new applicant at a province's directorate, written straight to
 * the database in the state a test needs: the journey up to submission has its own tests.
 */
export async function createCase(
  provinceCode: number,
  options: {
    status?: ApplicationStatus
    kind?: ApplicationKind
    permitType?: string
    purpose?: string | null
    documentsReceived?: boolean
    /** Fees paid; by default as documentsReceived (the counter records both together). */
    feesPaid?: boolean
    formData?: Record<string, unknown>
    basedOnPermitId?: string
    /** A restricted file (issue 13), with the staff named on it, by e-mail. */
    restrictedFor?: string[]
  } = {},
): Promise<TestCase> {
  const db = await getDb()
  const email = testEmail('case')
  const [user] = await db
    .insert(users)
    .values({ email, preferredLocale: 'fa' })
    .returning({ id: users.id })
  const [directorate] = await db
    .select({ id: directorates.id })
    .from(directorates)
    .where(eq(directorates.provinceCode, provinceCode))
  const id = randomUUID()
  const received = options.documentsReceived ?? true
  await db.insert(applications).values({
    id,
    reference: newReferenceNumber(),
    applicantId: user!.id,
    kind: options.kind ?? 'first',
    permitTypeCode: options.permitType ?? 'short_term',
    purposeCode: options.purpose === undefined ? 'tourism' : options.purpose,
    basedOnPermitId: options.basedOnPermitId ?? null,
    restricted: options.restrictedFor !== undefined,
    status: options.status ?? 'under_review',
    provinceCode,
    directorateId: directorate!.id,
    ...storedAnswers(options.formData ?? COMPLETE_ANSWERS),
    requestedMonths: 12,
    cardFeeKurus: 40_000,
    permitFeeKurus: 60_000,
    feeTotalKurus: 100_000,
    accrualReference: newAccrualReference(),
    submittedAt: new Date(Date.now() - 5 * 86_400_000),
    feesPaidAt: (options.feesPaid ?? received) ? new Date() : null,
    ...(received ? { documentsReceivedAt: new Date(), decisionDueOn: inDays(85) } : {}),
  })
  for (const staffEmail of options.restrictedFor ?? []) {
    const [staff] = await db.select({ id: users.id }).from(users).where(eq(users.email, staffEmail))
    await db.insert(restrictedCaseStaff).values({ applicationId: id, userId: staff!.id })
  }
  return { id, applicantId: user!.id, email }
}

export async function caseVersion(id: string): Promise<number> {
  const db = await getDb()
  const [row] = await db
    .select({ version: applications.version })
    .from(applications)
    .where(eq(applications.id, id))
  return row!.version
}
