import { ErrorSummary } from '@/components/form/error-summary'
import type { DayAppointment } from '@/lib/domain/appointments/day-view'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { isDayViewError, type DayViewError } from '@/lib/schemas/staff/appointments'

// What the day view says after a form came back: the refusal in an error summary (linked to
// the number field when it was about the number), or what was done.

/** Errors about the typed number are shown at that appointment's field too. */
const FIELD_ERRORS: ReadonlySet<DayViewError> = new Set(['identity_required', 'identity_mismatch'])

export type DayMessages = {
  error: { message: string; appointment: DayAppointment | null; atField: boolean } | null
  done: { message: string } | null
}

/** Reads ?error=, ?done= and ?for= against the list, so no text from the address is shown. */
export function dayMessages(
  locale: Locale,
  query: { error?: unknown; done?: unknown; for?: unknown; dateInvalid: boolean },
  appointments: DayAppointment[],
  fieldShown: (a: DayAppointment) => boolean,
): DayMessages {
  const t = getT(locale, 'staff')
  const appointment = appointments.find((a) => a.id === query.for) ?? null
  const code = query.dateInvalid ? 'date_invalid' : isDayViewError(query.error) ? query.error : null
  const done =
    !code && appointment && (query.done === 'attended' || query.done === 'no_show')
      ? { message: t(`appointments.done.${query.done}`, { reference: appointment.reference }) }
      : null
  if (!code) return { error: null, done }
  const atField = Boolean(appointment && FIELD_ERRORS.has(code) && fieldShown(appointment))
  return {
    error: { message: t(`appointments.errors.${code}`), appointment, atField },
    done: null,
  }
}

export function DayNotices({ messages }: { messages: DayMessages }) {
  const { error, done } = messages
  const prefix = error?.appointment ? `${error.appointment.reference}: ` : ''
  return (
    <>
      <ErrorSummary
        errors={
          error
            ? [
                {
                  fieldId: error.atField ? `identity-${error.appointment!.id}` : null,
                  message: `${prefix}${error.message}`,
                },
              ]
            : []
        }
      />
      {done ? (
        <p className="notice" role="status">
          {done.message}
        </p>
      ) : null}
    </>
  )
}
