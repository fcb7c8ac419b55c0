import 'server-only'
import { sql, type SQL } from 'drizzle-orm'
import { DEADLINE_FALLBACK_DAYS } from '@/lib/domain/appointments/urgency'
import { TRANSITION_DEADLINE_DAYS } from '@/lib/domain/permits/timing'

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/
const FALLBACK_DAYS = sql.raw(String(Math.trunc(DEADLINE_FALLBACK_DAYS)))
const TRANSITION_DAYS = sql.raw(String(Math.trunc(TRANSITION_DEADLINE_DAYS)))
const ISO_DATE_RE = sql.raw(`'^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'`)

/**
 * The application's legal deadline as a SQL `date` (see LEGAL_DEADLINE_SOURCES in
 * lib/domain/appointments/urgency.ts for the order): the legal stay stated in a first
 * application, else for a transition whose ground ended that day + TRANSITION_DEADLINE_DAYS
 * (art. 29), else the valid-until of the permit an extension or transition is based on,
 * else DEADLINE_FALLBACK_DAYS after submission (İstanbul date). `applicationAlias` names
 * the `applications` row in the caller's query (default `a`), for example
 * `from applications a … order by ${legalDeadlineSql()} nulls last`.
 *
 * The stated date is only cast when it looks like an ISO date, so a malformed value in the
 * form data falls through to the next source instead of failing the whole query (forms
 * validate the date on submission; an impossible day such as 02-30 would still fail the cast).
 */
export function legalDeadlineSql(applicationAlias = 'a'): SQL {
  if (!IDENTIFIER.test(applicationAlias)) throw new Error('legalDeadlineSql: bad alias')
  const a = sql.raw(applicationAlias)
  return sql`(coalesce(
    case when ${a}.form_data #>> '{eligibility,legalStayUntil}' ~ ${ISO_DATE_RE}
         then (${a}.form_data #>> '{eligibility,legalStayUntil}')::date end,
    case when ${a}.kind = 'transition'
          and ${a}.form_data #>> '{eligibility,groundEndedOn}' ~ ${ISO_DATE_RE}
         then (${a}.form_data #>> '{eligibility,groundEndedOn}')::date + ${TRANSITION_DAYS} end,
    (select p.valid_until from residence_permits p where p.id = ${a}.based_on_permit_id),
    ((${a}.submitted_at at time zone 'Europe/Istanbul')::date + ${FALLBACK_DAYS})
  ))`
}
