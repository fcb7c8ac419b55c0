import 'server-only'
import { sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { queryRows } from '@/db/client'
import {
  APPLICATION_STATUSES,
  whoActsNext,
  type ApplicationStatus,
} from '@/lib/domain/application-status'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate, formatDateTime } from '@/lib/i18n/format-date'
import type { CallerLookupInput, CallerView } from '@/lib/schemas/call-centre/caller-lookup'
import { requireStaff } from '../actor'
import { auditRead } from '../audit'
import { passportTailHash } from '../crypto/identity-numbers'
import { enforceRateLimits } from '../rate-limit'

/** An agent answers calls all day; a hundred an hour is not a call centre, it is a harvest. */
export const AGENT_LOOKUP_LIMIT = { bucket: 'call_centre.lookup', limit: 60, windowSeconds: 3600 }

export type CallerLookupAnswer = { found: true; view: CallerView } | { found: false }

type Row = {
  id: string
  reference: string
  status: string
  initial: string | null
  decision_due_on: string | null
  documents_due_at: Date | string | null
  starts_at: Date | string | null
  office_name: string | null
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString())
const isStatus = (v: string): v is ApplicationStatus =>
  (APPLICATION_STATUSES as readonly string[]).includes(v)

/**
 * One statement for unknown and mismatch alike: all three checks sit in the WHERE, so a wrong
 * date of birth answers exactly like a reference that does not exist. Only the masked columns
 * are selected; the passport's last four are compared as a keyed hash (SECURITY.md PD-03);
 * the number itself is never read.
 * Drafts were never sent and are not found; a restricted case (humanitarian, trafficking
 * victim; issue 13) answers like an unknown one.
 */
async function findMasked(input: CallerLookupInput): Promise<Row | undefined> {
  const db = await getDb()
  const [row] = await queryRows<Row>(
    db,
    sql`select a.id, a.reference, a.status::text as status,
               left(a.form_data #>> '{personal,givenNames}', 1) as initial,
               a.decision_due_on::text as decision_due_on,
               r.due_at as documents_due_at, s.starts_at, o.name as office_name
          from applications a
          left join document_requests r
            on r.application_id = a.id and r.answered_at is null and r.lapsed_at is null
          left join appointments p on p.application_id = a.id and p.status = 'confirmed'
          left join appointment_slots s on s.id = p.slot_id
          left join offices o on o.id = s.office_id
         where a.reference = ${input.reference}
           and a.status <> 'draft'
           and not a.restricted
           and a.form_data #>> '{personal,dateOfBirth}' = ${input.dateOfBirth}::text
           and a.passport_tail_hash = ${passportTailHash(input.passportLastFour)}::text
         limit 1`,
  )
  return row
}

/** The dates as sentences in the caller's language, with the date format of that language. */
function spokenDates(view: Omit<CallerView, 'spoken'>, speak: Locale): string[] {
  const t = getT(speak, 'callcentre')
  const out: string[] = []
  if (view.decisionDueOn)
    out.push(t('spoken.decisionDue', { date: formatDate(view.decisionDueOn, speak) }))
  if (view.documentsDueAt)
    out.push(t('spoken.documentsDue', { date: formatDateTime(view.documentsDueAt, speak) }))
  if (view.appointment)
    out.push(
      t('spoken.appointment', {
        when: formatDateTime(view.appointment.startsAt, speak),
        office: view.appointment.officeName,
      }),
    )
  return out
}

function viewOf(row: Row & { status: ApplicationStatus }, speak: Locale): CallerView {
  const t = getT(speak, ['common', 'applications', 'callcentre'])
  const facts = {
    reference: row.reference,
    givenNameInitial: (row.initial ?? '').toLocaleUpperCase(),
    status: row.status,
    nextStep: whoActsNext(row.status),
    decisionDueOn: row.decision_due_on,
    documentsDueAt: iso(row.documents_due_at),
    appointment:
      row.starts_at && row.office_name
        ? { startsAt: iso(row.starts_at)!, officeName: row.office_name }
        : null,
  }
  return {
    ...facts,
    spoken: {
      locale: speak,
      status: t(`common:status.${row.status}`),
      step: t(`applications:progress.steps.${row.status}`),
      whoActs: t('callcentre:spoken.whoActs', { who: t(`callcentre:view.ball.${facts.nextStep}`) }),
      dates: spokenDates(facts, speak),
    },
  }
}

/**
 * A call-centre agent verifies a caller and reads the masked view. Every lookup counts
 * against the agent's hourly limit and is audited with its reason, found or not.
 */
export async function lookUpCaller(
  input: CallerLookupInput,
  agentLocale: Locale,
): Promise<CallerLookupAnswer> {
  const actor = await requireStaff('status.lookup')
  await enforceRateLimits([{ rule: AGENT_LOOKUP_LIMIT, subject: actor.userId }])
  const row = await findMasked(input)
  const found = row && isStatus(row.status) ? { ...row, status: row.status } : null
  await auditRead({
    actorUserId: actor.userId,
    action: 'call_centre.lookup',
    entityType: 'application',
    entityId: found?.id ?? null,
    // The reference tried, found or not, so a supervisor can see one being guessed at.
    details: { reason: input.reason, found: Boolean(found), reference: input.reference },
  })
  if (!found) return { found: false }
  return { found: true, view: viewOf(found, input.speak ?? agentLocale) }
}
