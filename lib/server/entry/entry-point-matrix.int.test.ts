// The authorization matrix of every entry point (issue 14, SECURITY.md AC-01): each server
// action export, route handler method and page is listed below with who may use it, and a test
// fails while one is missing. Then every forbidden combination of entry point × caller × record is
// called the way Next.js calls it: the answer is a refusal (sign-in, 401, 403 or 404), shows
// none of the record's personal data, and the database is the same before and after.
import '../testing/request-scope-mocks'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { checkForeignerIdentityNumber } from '@/lib/domain/identity-numbers'
import { roleHasPermission, type StaffPermission, type StaffRole } from '@/lib/domain/staff-roles'
import { COMPLETE_ANSWERS, testEmail } from '../testing/application-fixtures'
import { actAs } from '../testing/as-user'
import { caseVersion, createCase, type TestCase } from '../testing/case-fixtures'
import { createCounterOffice } from '../testing/counter-fixtures'
import { setCurrentRequest } from '../testing/request-context'
import { createTestStaff } from '../testing/staff-fixtures'

// What next.config.ts's experimental.authInterrupts sets in a build: forbidden() answers 403.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true'

const ROOT = path.resolve(__dirname, '../../..')
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

/**
 * Who may use an entry point. `public`: anyone. `signed-in`: anyone signed in, for records of
 * their own that the call creates. `owner`: the applicant who owns the record named in it.
 * `staff`: a role with the permission; `scoped`, only on a record of the caller's directorate
 * (the national roles: every directorate).
 */
type Who =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'owner' }
  | { kind: 'staff'; permission: StaffPermission; scoped: boolean }
  | { kind: 'any-staff' }
  // Staff between the e-mailed code and the second factor, on their own session (SF-01).
  | { kind: 'second-step' }
const PUBLIC: Who = { kind: 'public' }
const SIGNED_IN: Who = { kind: 'signed-in' }
const OWNER: Who = { kind: 'owner' }
const staff = (permission: StaffPermission, scoped = false): Who => ({
  kind: 'staff',
  permission,
  scoped,
})

/** A record and, in its directorate, an office with a counter and a caseworker's account. */
type Target = {
  record: TestCase
  version: number
  reference: string
  directorateId: string
  officeId: string
  counterId: string
  staffId: string
}
type Form = Record<string, string | string[]>
/** How to call one export: the arguments the page binds before the form, and the form. */
type ActionCall = { bound: (t: Target) => unknown[]; form?: (t: Target) => Form }
/** How to call one route method: its path parameters and JSON body. */
type RouteCall = { params?: (t: Target) => Record<string, string>; body?: (t: Target) => unknown }
type Entry = { who: Who; call?: ActionCall | RouteCall }

const uuid = () => crypto.randomUUID()
const ctx = (returnTo = '/en/applications') => ({ locale: 'en', returnTo })
// The forms written before runFormAction take a strict { locale, id }.
const appCtx = (t: Target) => ({ locale: 'en', id: t.record.id })
const caseCtx = (t: Target) => [
  { ...ctx(`/en/staff/cases/${t.record.id}`), applicationId: t.record.id },
  null,
]
const caseAction = (form: (t: Target) => Form): Entry => ({
  who: staff('cases.decide', true),
  call: { bound: caseCtx, form },
})
const mySessions = { ...ctx('/en/account/sessions'), area: 'account' }
const ver = (t: Target) => ({ version: String(t.version) })
const key = () => ({ idempotencyKey: uuid() })
const lookup = (t: Target) => ({ reference: t.reference, reason: 'status_question' })
const birthBoxes = (name: string) => ({
  [`${name}-day`]: '27',
  [`${name}-month`]: '3',
  [`${name}-year`]: '1990',
})
const day = '2030-06-03'
// A foreigner number whose checksum holds, so the claim form gets past its schema.
const FOREIGNER_ID = Array.from(
  { length: 100 },
  (_, n) => `991234567${String(n).padStart(2, '0')}`,
).find((v) => checkForeignerIdentityNumber(v, { enforceChecksum: true }) === 'valid')!
/** A form bound to a locale alone (the capacity and holiday forms). */
const byLocale = (form: (t: Target) => Form): ActionCall => ({ bound: () => ['en'], form })
const staffForm = (returnTo: string, form: (t: Target) => Form): ActionCall => ({
  bound: () => [ctx(returnTo), null],
  form,
})
const officeForm = (form: (t: Target) => Form) => ({
  who: staff('capacity.manage', true),
  call: staffForm('/en/staff/capacity/offices', (t) => ({ officeId: t.officeId, ...form(t) })),
})
const dayView = (form: (t: Target) => Form): Entry => ({
  who: staff('appointments.check_in'),
  call: {
    bound: (t) => [{ locale: 'en', date: day, office: t.officeId }],
    form: (t) => ({ appointmentId: uuid(), version: '1', ...form(t) }),
  },
})

const A = 'app/[locale]/(public)/applications/[id]'
const S = 'app/[locale]/(staff)/staff'
const API = 'app/api/v1/applications/[id]'

export const MATRIX: Record<string, Record<string, Entry>> = {
  [`${A}/[task]/actions.ts`]: {
    saveSectionAction: {
      who: OWNER,
      call: {
        bound: (t) => [{ ...ctx(), id: t.record.id, section: 'personal' }, null],
        form: () => ({}),
      },
    },
  },
  [`${A}/appointment/actions.ts`]: {
    bookingAction: { who: OWNER, call: { bound: (t) => [appCtx(t), 'cancel', null], form: key } },
  },
  [`${A}/appointment/assigned/actions.ts`]: {
    assignmentAction: {
      who: OWNER,
      call: { bound: (t) => [appCtx(t), 'cancel', null], form: key },
    },
  },
  [`${A}/appointment/draw/actions.ts`]: {
    enterDrawAction: {
      who: OWNER,
      call: { bound: (t) => [appCtx(t)], form: () => ({ ...key(), choice1: uuid() }) },
    },
  },
  [`${A}/appointment/waitlist/actions.ts`]: {
    waitlistAction: { who: OWNER, call: { bound: (t) => [appCtx(t), 'leave', null], form: key } },
  },
  [`${A}/check/actions.ts`]: {
    submitApplicationAction: {
      who: OWNER,
      call: { bound: (t) => [{ ...ctx(), id: t.record.id }, null], form: key },
    },
  },
  [`${A}/documents/actions.ts`]: {
    deleteDocumentAction: {
      who: OWNER,
      call: { bound: (t) => [appCtx(t)], form: () => ({ documentId: uuid() }) },
    },
  },
  [`${A}/status/actions.ts`]: {
    answerRequestAction: {
      who: OWNER,
      call: { bound: (t) => [{ ...ctx(), applicationId: t.record.id }, null] },
    },
    payOnlineAction: {
      who: OWNER,
      call: { bound: (t) => [{ ...ctx(), applicationId: t.record.id }, null], form: () => ({}) },
    },
    withdrawAction: {
      who: OWNER,
      call: {
        bound: (t) => [{ ...ctx(), applicationId: t.record.id }, null],
        form: () => ({ confirm: 'yes' }),
      },
    },
  },
  'app/[locale]/(public)/applications/claim/actions.ts': {
    claimApplicationAction: {
      who: SIGNED_IN,
      call: {
        bound: () => [ctx(), null],
        form: (t) => ({
          reference: t.reference,
          passportNumber: PASSPORT,
          ...birthBoxes('dateOfBirth'),
        }),
      },
    },
  },
  'app/[locale]/(public)/account/sessions/actions.ts': {
    endSessionAction: {
      who: SIGNED_IN,
      call: { bound: () => [mySessions, null], form: () => ({ sessionId: uuid() }) },
    },
    endOtherSessionsAction: { who: SIGNED_IN, call: { bound: () => [mySessions, null] } },
  },
  'app/[locale]/(public)/apply/[kind]/actions.ts': {
    checkEligibilityAction: {
      who: SIGNED_IN,
      call: {
        bound: () => [{ ...ctx(), kind: 'first' }, null],
        form: () => ({ permitType: 'short_term', legalStayUntil: day }),
      },
    },
  },
  'app/[locale]/(public)/permits/claim/actions.ts': {
    claimPermitAction: {
      who: SIGNED_IN,
      call: {
        bound: () => [ctx(), null],
        form: () => ({
          foreignerIdNumber: FOREIGNER_ID,
          cardSerial: 'A1234567',
          birthDate: '1990-03-27',
        }),
      },
    },
  },
  'app/[locale]/(public)/sign-in/actions.ts': { requestSignInCodeAction: { who: PUBLIC } },
  'app/[locale]/(public)/track/actions.ts': { lookUpStatusAction: { who: PUBLIC } },
  'app/[locale]/actions.ts': { signOutAction: { who: PUBLIC } },
  [`${S}/sign-in/second-factor/actions.ts`]: {
    confirmTotpEnrolmentAction: {
      who: { kind: 'second-step' },
      call: { bound: () => [ctx('/en/staff'), {}], form: () => ({ code: '123456' }) },
    },
    verifySecondFactorAction: {
      who: { kind: 'second-step' },
      call: { bound: () => [ctx('/en/staff'), {}], form: () => ({ code: '123456' }) },
    },
  },
  [`${S}/appointments/actions.ts`]: {
    checkInAction: dayView((t) => ({ identityNumber: PASSPORT, counterId: t.counterId })),
    noShowAction: dayView(() => ({})),
  },
  [`${S}/capacity/actions.ts`]: {
    closeDayAction: {
      who: staff('capacity.manage', true),
      call: byLocale((t) => ({ officeId: t.officeId, date: day, reason: 'matrix' })),
    },
    dayCapacityAction: {
      who: staff('capacity.manage', true),
      call: byLocale((t) => ({ officeId: t.officeId, date: day, placesPerSlot: '2' })),
    },
  },
  [`${S}/capacity/draws/actions.ts`]: {
    openWindowAction: {
      who: staff('capacity.manage', true),
      call: {
        bound: () => [{ locale: 'en' }],
        form: (t) => ({
          ...key(),
          officeId: t.officeId,
          slotsFrom: day,
          slotsUntil: day,
          opensAt: '2030-05-01T09:00',
          closesAt: '2030-05-02T09:00',
        }),
      },
    },
  },
  [`${S}/capacity/holidays/actions.ts`]: {
    addHolidayAction: {
      who: staff('holidays.manage'),
      call: byLocale(() => ({ date: day, name: 'Matrix day' })),
    },
    removeHolidayAction: { who: staff('holidays.manage'), call: byLocale(() => ({ date: day })) },
  },
  [`${S}/capacity/offices/actions.ts`]: {
    createOfficeAction: {
      who: staff('capacity.manage'),
      call: {
        bound: () => [ctx('/en/staff/capacity/offices'), null],
        form: () => ({ name: 'Matrix', address: 'Somewhere 1', slotMinutes: '15' }),
      },
    },
    changeOfficeAction: officeForm(() => ({ name: 'X', address: 'Y', slotMinutes: '15' })),
    addCounterAction: officeForm(() => ({ label: '9' })),
    setCounterActiveAction: officeForm((t) => ({ counterId: t.counterId, active: 'false' })),
    setOpeningHoursAction: officeForm(() => ({ weekdays: ['1'], closed: 'yes' })),
  },
  [`${S}/cases/[id]/actions.ts`]: {
    claimAction: caseAction(ver),
    releaseAction: caseAction(ver),
    assignAction: {
      who: staff('cases.assign', true),
      call: { bound: caseCtx, form: (t) => ({ ...ver(t), assignee: uuid() }) },
    },
    noteAction: caseAction(() => ({ body: 'matrix note' })),
    receiptAction: caseAction((t) => ({ ...ver(t), feesPaid: 'yes', documentsReceived: 'yes' })),
    recordPaymentAction: {
      who: staff('appointments.check_in', true),
      call: {
        bound: caseCtx,
        form: (t) => ({ ...ver(t), receiptNumber: 'DEK-0001', amount: '1000.00' }),
      },
    },
    requestDocumentsAction: caseAction((t) => ({ ...ver(t), items: ['criminal_record'] })),
    approveAction: caseAction((t) => ({
      ...ver(t),
      validFrom: '2026-01-01',
      validUntil: '2027-01-01',
    })),
    refuseAction: caseAction((t) => ({ ...ver(t), legalBasis: 'art25_general', reason: 'x' })),
    proposalAction: {
      who: staff('cases.confirm', true),
      call: { bound: caseCtx, form: (t) => ({ ...ver(t), outcome: 'confirm' }) },
    },
    notProcessedAction: caseAction((t) => ({ ...ver(t), reason: 'missed_appointment' })),
    closeAction: caseAction((t) => ({ ...ver(t), reason: 'duplicate' })),
    cardPrintingAction: caseAction((t) => ({ ...ver(t), cardSerial: 'A1234567' })),
    handedToPostAction: caseAction((t) => ({ ...ver(t), trackingNumber: 'RR123456789TR' })),
    returnedAction: caseAction(ver),
    deliveredAction: caseAction(ver),
  },
  [`${S}/cases/settings/actions.ts`]: {
    saveCaseworkSettingsAction: {
      who: staff('casework.configure', true),
      call: staffForm('/en/staff/cases/settings', (t) => ({
        directorateId: t.directorateId,
        fourEyesRefusals: 'yes',
        longTermDecisionDays: '120',
        wasFourEyesRefusals: 'false',
        wasFourEyesLongTerm: 'false',
        wasLongTermDecisionDays: '90',
        extensionRoute: 'post',
        wasExtensionRoute: 'appointment',
      })),
    },
  },
  [`${S}/lookup/actions.ts`]: {
    lookUpCallerAction: {
      who: staff('status.lookup'),
      call: staffForm('/en/staff/lookup', (t) => ({
        reference: t.reference,
        passportLastFour: '6543',
        reason: 'status_question',
        ...birthBoxes('dateOfBirth'),
      })),
    },
    resendAction: {
      who: staff('status.lookup'),
      call: { bound: () => [ctx('/en/staff/lookup'), null], form: lookup },
    },
    changeLinkAction: {
      who: staff('status.lookup'),
      call: { bound: () => [ctx('/en/staff/lookup'), null], form: lookup },
    },
  },
  [`${S}/staff/actions.ts`]: {
    createStaffMemberAction: {
      who: staff('staff.manage'),
      call: {
        bound: () => [ctx('/en/staff/staff'), null],
        form: () => ({ email: testEmail('matrix-new'), displayName: 'X', role: 'caseworker' }),
      },
    },
    changeStaffRoleAction: {
      who: staff('staff.manage', true),
      call: staffForm('/en/staff/staff', (t) => ({
        userId: t.staffId,
        role: 'supervisor',
        wasRole: 'caseworker',
      })),
    },
    setStaffActiveAction: {
      who: staff('staff.manage', true),
      call: staffForm('/en/staff/staff', (t) => ({
        userId: t.staffId,
        active: 'false',
        wasRole: 'caseworker',
      })),
    },
  },
  [`${S}/walk-in/actions.ts`]: {
    registerWalkInAction: {
      who: staff('cases.register'),
      call: {
        bound: () => [{ ...ctx('/en/staff/walk-in'), permitType: 'short_term' }, null],
        form: () => ({ ...key(), ...COMPLETE_ANSWERS.personal }),
      },
    },
  },
  'app/api/auth/[...nextauth]/route.ts': { GET: { who: PUBLIC }, POST: { who: PUBLIC } },
  'app/api/health/route.ts': { GET: { who: PUBLIC } },
  'app/api/v1/openapi.json/route.ts': { GET: { who: PUBLIC } },
  'app/api/v1/status-lookups/route.ts': { POST: { who: PUBLIC } },
  // The payment provider's notification: no session; it records only what the provider
  // confirms when asked (SECURITY.md PY-01), tested in lib/server/payments/payments.int.test.ts.
  'app/api/v1/payments/notifications/route.ts': { POST: { who: PUBLIC } },
  [`${API}/route.ts`]: { GET: { who: OWNER, call: {} } },
  [`${API}/appointment/route.ts`]: { GET: { who: OWNER, call: {} } },
  [`${API}/appointment/calendar/route.ts`]: { GET: { who: OWNER, call: {} } },
  [`${API}/appointment/slots/route.ts`]: { GET: { who: OWNER, call: {} } },
  [`${API}/appointment/cancel/route.ts`]: { POST: { who: OWNER, call: { body: () => ({}) } } },
  [`${API}/appointment/confirm/route.ts`]: { POST: { who: OWNER, call: { body: () => ({}) } } },
  [`${API}/appointment/hold/route.ts`]: {
    POST: { who: OWNER, call: { body: () => ({ slotId: uuid() }) } },
  },
  [`${API}/appointment/reschedule/route.ts`]: {
    POST: { who: OWNER, call: { body: () => ({ slotId: uuid() }) } },
  },
  [`${API}/documents/route.ts`]: { POST: { who: OWNER, call: {} } },
  [`${API}/documents/[documentId]/route.ts`]: {
    GET: { who: OWNER, call: { params: () => ({ documentId: uuid() }) } },
    DELETE: { who: OWNER, call: { params: () => ({ documentId: uuid() }) } },
  },
  [`${API}/sections/[section]/route.ts`]: {
    PUT: {
      who: OWNER,
      call: { params: () => ({ section: 'personal' }), body: () => COMPLETE_ANSWERS.personal },
    },
  },
  [`${API}/submit/route.ts`]: { POST: { who: OWNER, call: { body: () => ({}) } } },
  'app/api/v1/applications/route.ts': {
    GET: { who: SIGNED_IN, call: {} },
    POST: { who: SIGNED_IN, call: { body: () => ({ kind: 'first' }) } },
  },
  'app/api/v1/permit-claims/route.ts': { POST: { who: SIGNED_IN, call: { body: () => ({}) } } },
  'app/api/v1/permits/route.ts': { GET: { who: SIGNED_IN, call: {} } },
  'app/api/v1/staff/call-centre/change-links/route.ts': {
    POST: { who: staff('status.lookup'), call: { body: lookup } },
  },
  'app/api/v1/staff/call-centre/resends/route.ts': {
    POST: { who: staff('status.lookup'), call: { body: lookup } },
  },
  'app/api/v1/staff/cases/[id]/documents/[documentId]/route.ts': {
    GET: { who: staff('cases.view', true), call: { params: () => ({ documentId: uuid() }) } },
  },
  'app/api/v1/staff/cases/route.ts': { GET: { who: staff('cases.view'), call: {} } },
  'app/api/v1/staff/status-lookups/route.ts': {
    POST: {
      who: staff('status.lookup'),
      call: {
        body: (t) => ({
          reference: t.reference,
          dateOfBirth: '1990-03-27',
          passportLastFour: '4567',
          reason: 'status_question',
        }),
      },
    },
  },
}

// Pages run the same data-access calls through loadForPage (EP-03); each page's default export
// is called as Next.js renders it, and a forbidden one must throw its refusal before any markup.
// `params`: the record a page names, where it is not the application (an office, an account).
type PageEntry = { who: Who; params?: (t: Target) => Record<string, string> }
const P = 'app/[locale]/(public)'
const owner: PageEntry = { who: OWNER }
export const PAGES: Record<string, PageEntry> = {
  [`${A}/[task]/page.tsx`]: owner,
  [`${A}/appointment/assigned/page.tsx`]: owner,
  [`${A}/appointment/cancel/page.tsx`]: owner,
  [`${A}/appointment/choose/page.tsx`]: owner,
  [`${A}/appointment/confirm/page.tsx`]: owner,
  [`${A}/appointment/draw/page.tsx`]: owner,
  [`${A}/appointment/page.tsx`]: owner,
  [`${A}/appointment/slip/page.tsx`]: owner,
  [`${A}/appointment/waitlist/page.tsx`]: owner,
  [`${A}/check/page.tsx`]: owner,
  [`${A}/confirmation/page.tsx`]: owner,
  [`${A}/documents/page.tsx`]: owner,
  [`${A}/page.tsx`]: owner,
  [`${A}/registration-form/page.tsx`]: owner,
  [`${A}/status/page.tsx`]: owner,
  [`${P}/account/sessions/page.tsx`]: { who: SIGNED_IN },
  [`${P}/applications/claim/page.tsx`]: { who: SIGNED_IN },
  [`${P}/applications/page.tsx`]: { who: SIGNED_IN },
  [`${P}/apply/[kind]/page.tsx`]: { who: SIGNED_IN },
  // The answer to a failed eligibility question: no record, 404 without one.
  [`${P}/apply/[kind]/stop/page.tsx`]: { who: PUBLIC },
  [`${P}/page.tsx`]: { who: PUBLIC },
  [`${P}/permits/claim/page.tsx`]: { who: SIGNED_IN },
  [`${P}/permits/page.tsx`]: { who: SIGNED_IN },
  [`${P}/sign-in/code/page.tsx`]: { who: PUBLIC },
  [`${P}/sign-in/page.tsx`]: { who: PUBLIC },
  [`${P}/start/[kind]/page.tsx`]: { who: PUBLIC },
  [`${P}/track/page.tsx`]: { who: PUBLIC },
  // Unknown staff sections and addresses: 404 for everyone.
  [`${S}/[section]/page.tsx`]: { who: PUBLIC },
  [`${S}/appointments/page.tsx`]: { who: staff('appointments.view') },
  [`${S}/call-centre/page.tsx`]: { who: staff('call_centre.supervise') },
  [`${S}/capacity/draws/page.tsx`]: { who: staff('capacity.manage') },
  [`${S}/capacity/holidays/page.tsx`]: { who: staff('holidays.manage') },
  [`${S}/capacity/offices/[id]/page.tsx`]: {
    who: staff('capacity.manage', true),
    params: (t) => ({ id: t.officeId }),
  },
  [`${S}/capacity/offices/page.tsx`]: { who: staff('capacity.manage') },
  [`${S}/capacity/page.tsx`]: { who: staff('capacity.manage') },
  [`${S}/cases/[id]/page.tsx`]: { who: staff('cases.view', true) },
  [`${S}/cases/page.tsx`]: { who: staff('cases.view') },
  [`${S}/cases/settings/page.tsx`]: { who: staff('casework.configure') },
  [`${S}/lookup/page.tsx`]: { who: staff('status.lookup') },
  [`${S}/page.tsx`]: { who: { kind: 'any-staff' } },
  [`${S}/sessions/page.tsx`]: { who: { kind: 'any-staff' } },
  [`${S}/sign-in/code/page.tsx`]: { who: PUBLIC },
  [`${S}/sign-in/page.tsx`]: { who: PUBLIC },
  // Like the other sign-in pages: staff past the second factor are sent on, everyone else to
  // sign in or 404; it shows only the caller's own set-up.
  [`${S}/sign-in/second-factor/page.tsx`]: { who: PUBLIC },
  [`${S}/staff/[id]/page.tsx`]: {
    who: staff('staff.manage', true),
    params: (t) => ({ id: t.staffId }),
  },
  [`${S}/staff/page.tsx`]: { who: staff('staff.manage') },
  [`${S}/walk-in/[id]/page.tsx`]: { who: staff('cases.register', true) },
  [`${S}/walk-in/page.tsx`]: { who: staff('cases.register') },
  'app/[locale]/[...rest]/page.tsx': { who: PUBLIC },
  // Only in demo mode, for everyone (SECURITY.md DM-01, e2e/demo-mode.spec.ts).
  'app/[locale]/dev/mailbox/page.tsx': { who: PUBLIC },
}

function files(name: string, dir = path.join(ROOT, 'app')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return files(name, full)
    return entry.name === name ? [path.relative(ROOT, full).split(path.sep).join('/')] : []
  })
}

/** Every exported action and every route method, as `file#name`. */
async function entryPoints(): Promise<string[]> {
  const out: string[] = []
  for (const file of [...files('actions.ts'), ...files('route.ts')]) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>
    const names = file.endsWith('route.ts')
      ? METHODS.filter((m) => typeof mod[m] === 'function')
      : Object.keys(mod).filter((k) => typeof mod[k] === 'function')
    out.push(...names.map((n) => `${file}#${n}`))
  }
  return out.sort()
}

// The callers. `record` says whose record or which directorate each one stands to.
type Caller = {
  label: string
  email: string | null
  role?: StaffRole
  province?: number
  /** Signed in with the e-mailed code, second factor not yet passed: as good as signed out. */
  beforeSecondFactor?: true
}
const ISTANBUL = 34
const ANKARA = 6
const OWNER_EMAIL = testEmail('matrix-owner')
const CALLERS: Caller[] = [
  { label: 'signed out', email: null },
  { label: 'the owning applicant', email: OWNER_EMAIL },
  { label: 'another applicant', email: testEmail('matrix-other') },
  {
    label: 'a caseworker of İstanbul',
    email: 'caseworker.istanbul@example.org',
    role: 'caseworker',
    province: ISTANBUL,
  },
  {
    label: 'a caseworker of Ankara',
    email: 'caseworker.ankara@example.org',
    role: 'caseworker',
    province: ANKARA,
  },
  {
    label: 'a supervisor of İstanbul',
    email: 'supervisor.istanbul@example.org',
    role: 'supervisor',
    province: ISTANBUL,
  },
  {
    label: 'the directorate admin of İstanbul',
    email: 'admin.istanbul@example.org',
    role: 'directorate_admin',
    province: ISTANBUL,
  },
  { label: 'the national admin', email: 'admin.national@example.org', role: 'national_admin' },
  {
    label: 'a call-centre agent',
    email: 'agent.callcentre@example.org',
    role: 'call_centre_agent',
  },
  {
    label: 'the national admin before the second factor',
    email: 'admin.national@example.org',
    beforeSecondFactor: true,
  },
]

// The records: the owner's own in İstanbul, and another applicant's in Ankara.
const RECORDS = ['own record, İstanbul', 'another applicant’s record, Ankara'] as const
type RecordKind = (typeof RECORDS)[number]

function forbidden(who: Who, caller: Caller, record: RecordKind): boolean {
  const signedIn = caller.email !== null && !caller.beforeSecondFactor
  if (who.kind === 'public') return false
  if (who.kind === 'second-step') return !caller.beforeSecondFactor
  if (who.kind === 'signed-in') return !signedIn
  if (who.kind === 'owner') return !(caller.email === OWNER_EMAIL && record.startsWith('own'))
  if (who.kind === 'any-staff') return !caller.role
  if (!caller.role || !roleHasPermission(caller.role, who.permission)) return true
  if (!who.scoped || caller.province === undefined) return false
  return caller.province !== (record.startsWith('own') ? ISTANBUL : ANKARA)
}

// Personal data of the records: none of it may appear in a refusal.
const PERSON = {
  givenNames: 'Zebulon',
  surname: 'Quixotic',
  fatherName: 'Barnabas',
  motherName: 'Philippa',
}
const PASSPORT = 'Q9876543'

async function newRecord(province: number, email?: string): Promise<Target> {
  const office = await createCounterOffice(province, 1)
  const member = await createTestStaff('caseworker', province)
  const formData = {
    ...COMPLETE_ANSWERS,
    personal: { ...COMPLETE_ANSWERS.personal, ...PERSON },
    passport: { ...COMPLETE_ANSWERS.passport, passportNumber: PASSPORT },
  }
  const record = await createCase(province, { formData })
  const db = await getDb()
  if (email)
    await db.execute(sql`update users set email = ${email} where id = ${record.applicantId}`)
  const rows = await select<{ reference: string }>(
    sql`select reference from applications where id = ${record.id}`,
  )
  return {
    record: { ...record, email: email ?? record.email },
    version: await caseVersion(record.id),
    reference: rows[0]!.reference,
    directorateId: office.directorateId,
    officeId: office.officeId,
    counterId: office.counterIds[0]!,
    staffId: member.userId,
  }
}

async function select<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await (await getDb()).execute(query)) as unknown as T[] | { rows: T[] }
  return Array.isArray(result) ? result : result.rows
}

// Refused attempts count towards the rate limits on purpose (guessing is limited too), and
// each is an `access.denied` audit row (SECURITY.md AD-02), checked on its own below.
const COUNTS_ATTEMPTS = new Set(['rate_limit_counters', 'audit_events'])

const lastAuditId = async () =>
  Number(
    (
      await select<{ id: number }>(sql`select coalesce(max(id), 0)::int as id from audit_events`)
    )[0]!.id,
  )

/** One digest per table of the whole database. */
async function databaseDigest(): Promise<Record<string, string>> {
  const tables = await select<{ name: string }>(
    sql`select table_name as name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )
  const out: Record<string, string> = {}
  for (const { name } of tables.filter((t) => !COUNTS_ATTEMPTS.has(t.name))) {
    const [row] = await select<{ digest: string }>(
      sql.raw(
        `select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from "${name}" t`,
      ),
    )
    out[name] = row!.digest
  }
  return out
}

// Each call from its own address, so the limits per address never answer for the matrix.
let addresses = 0
const fromNewAddress = () => ({
  'x-forwarded-for': `198.18.${Math.floor(++addresses / 250)}.${addresses % 250}`,
})

type Outcome = { refusal: string | null; text: string }

function classifyThrown(error: unknown): Outcome {
  const digest = (error as { digest?: string }).digest ?? ''
  if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;')) {
    return { refusal: digest.split(';')[1]!, text: digest }
  }
  if (digest.startsWith('NEXT_REDIRECT;')) {
    const url = digest.split(';')[2] ?? ''
    return { refusal: /\/sign-in(\/second-factor)?(\?|$)/.test(url) ? 'sign-in' : null, text: url }
  }
  throw error
}

async function callAction(fn: unknown, call: ActionCall | undefined, t: Target): Promise<Outcome> {
  setCurrentRequest(
    new NextRequest('http://localhost:3000/en', { method: 'POST', headers: fromNewAddress() }),
  )
  const data = new FormData()
  for (const [k, v] of Object.entries(call?.form?.(t) ?? {}))
    for (const one of [v].flat()) data.append(k, one)
  const bound = call?.bound(t) ?? [ctx(), null]
  try {
    const state = await (fn as (...a: unknown[]) => Promise<unknown>)(...bound, data)
    // The booking forms answer a refusal in the form: signed out, or not found.
    const key = (state as { formError?: { key?: string } } | null)?.formError?.key ?? ''
    const refused = /\.(signed_out|not_found|forbidden)$/.test(key)
    return { refusal: refused ? key : null, text: JSON.stringify(state ?? null) }
  } catch (error) {
    return classifyThrown(error)
  }
}

async function callRoute(
  file: string,
  fn: unknown,
  method: string,
  call: RouteCall | undefined,
  t: Target,
): Promise<Outcome> {
  const params = { id: t.record.id, ...call?.params?.(t) }
  const pathname = file
    .replace(/^app\//, '/')
    .replace(/\/route\.ts$/, '')
    .replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, n: string) => params[n as keyof typeof params] ?? n)
  const body = call?.body?.(t)
  const request = setCurrentRequest(
    new NextRequest(`http://localhost:3000${pathname}`, {
      method,
      headers: {
        ...fromNewAddress(),
        'idempotency-key': uuid(),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    }),
  )
  try {
    const res = await (fn as (r: NextRequest, c: unknown) => Promise<Response>)(request, {
      params: Promise.resolve(params),
    })
    const refused = [401, 403, 404].includes(res.status)
    return {
      refusal: refused ? String(res.status) : null,
      text: `${res.status} ${await res.text()}`,
    }
  } catch (error) {
    return classifyThrown(error)
  }
}

async function callPage(file: string, entry: PageEntry, t: Target): Promise<Outcome> {
  setCurrentRequest(new NextRequest('http://localhost:3000/en', { headers: fromNewAddress() }))
  const page = modules.get(file)!.default as (props: unknown) => Promise<unknown>
  const params = {
    locale: 'en',
    id: t.record.id,
    task: 'personal',
    kind: 'first',
    ...entry.params?.(t),
  }
  try {
    await page({ params: Promise.resolve(params), searchParams: Promise.resolve({}) })
    return { refusal: null, text: 'rendered' }
  } catch (error) {
    return classifyThrown(error)
  }
}

const modules = new Map<string, Record<string, unknown>>()
const targets = new Map<RecordKind, Target>()

beforeAll(async () => {
  for (const file of [...Object.keys(MATRIX), ...Object.keys(PAGES)])
    modules.set(file, (await import(path.join(ROOT, file))) as Record<string, unknown>)
  targets.set(RECORDS[0], await newRecord(ISTANBUL, OWNER_EMAIL))
  targets.set(RECORDS[1], await newRecord(ANKARA))
})

afterAll(() => actAs(null))

describe('entry point authorization matrix', () => {
  it('lists every server action and route handler, and nothing else', async () => {
    const listed = Object.entries(MATRIX)
      .flatMap(([file, names]) => Object.keys(names).map((n) => `${file}#${n}`))
      .sort()
    expect(listed).toEqual(await entryPoints())
  })

  it('lists every page', () => {
    expect(Object.keys(PAGES).sort()).toEqual(files('page.tsx').sort())
  })

  for (const caller of CALLERS) {
    for (const record of RECORDS) {
      it(`${caller.label}, ${record}: every forbidden entry point refuses, shows nothing, changes nothing`, async () => {
        const t = targets.get(record)!
        const secrets = [t.reference, t.record.email, PASSPORT, ...Object.values(PERSON)]
        await actAs(caller.email, { secondFactor: !caller.beforeSecondFactor })
        const before = await databaseDigest()
        const auditedBefore = await lastAuditId()
        let called = 0
        const problems: string[] = []
        for (const [file, names] of Object.entries(MATRIX)) {
          for (const [name, entry] of Object.entries(names)) {
            if (!forbidden(entry.who, caller, record)) continue
            const fn = modules.get(file)![name]
            const outcome = file.endsWith('route.ts')
              ? await callRoute(file, fn, name, entry.call as RouteCall, t)
              : await callAction(fn, entry.call as ActionCall, t)
            const label = `${file}#${name}: ${outcome.text.slice(0, 200)}`
            if (outcome.refusal === null) problems.push(`not refused: ${label}`)
            for (const secret of secrets)
              if (outcome.text.includes(secret)) problems.push(`shows ${secret}: ${label}`)
            called++
          }
        }
        for (const [file, entry] of Object.entries(PAGES)) {
          if (!forbidden(entry.who, caller, record)) continue
          const outcome = await callPage(file, entry, t)
          if (outcome.refusal === null) problems.push(`not refused: ${file}: ${outcome.text}`)
          called++
        }
        expect(problems).toEqual([])
        const after = await databaseDigest()
        expect(Object.keys(after).filter((table) => after[table] !== before[table])).toEqual([])
        // The only audit rows a refusal leaves are refusals, and they hold none of the record.
        const audited = await select<{ action: string; row: string }>(
          sql`select action, a::text as row from audit_events a where id > ${auditedBefore}`,
        )
        expect(audited.filter((a) => a.action !== 'access.denied')).toEqual([])
        for (const secret of secrets)
          expect(audited.filter((a) => a.row.includes(secret))).toEqual([])
        // Each caller is refused something: the matrix is not silently empty.
        expect(called).toBeGreaterThan(0)
      })
    }
  }
})
