import { randomUUID } from 'node:crypto'
import type { Locale } from '@/lib/domain/locales'
import { ASSIGNABLE_WEEKDAYS, PARTS_OF_DAY } from '@/lib/domain/appointments/assignment'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import {
  ASSIGNMENT_ERRORS,
  type AssignmentRequestView,
} from '@/lib/schemas/appointments/assignment-request'
import type { FormState } from '@/lib/schemas/form-state'
import { AssignmentForm } from './assignment-form'

type Action = (state: FormState, formData: FormData) => Promise<FormState>
type Props = {
  locale: Locale
  action: Action
  // The earliest date the applicant may give, from tomorrow to the booking horizon.
  window: { from: string; to: string }
  current: AssignmentRequestView | null
}

/** Every message the forms can show from the 'assignment' namespace, translated here. */
export function assignmentMessages(locale: Locale): Record<string, string> {
  const t = getT(locale, 'assignment')
  return Object.fromEntries(
    ASSIGNMENT_ERRORS.map((code) => [`assignment:errors.${code}`, t(`errors.${code}`)]),
  )
}

/** The constraints form, filled with the waiting request when there is one. */
export function AssignmentRequestForm({ locale, action, window, current }: Props) {
  const t = getT(locale, 'assignment')
  const waiting = current?.status === 'waiting' ? current : null
  return (
    <>
      <h2>{t(waiting ? 'form.titleChange' : 'form.titleNew')}</h2>
      <AssignmentForm
        idempotencyKey={randomUUID()}
        action={action}
        submitLabel={t(waiting ? 'form.update' : 'form.send')}
        messages={assignmentMessages(locale)}
        fields={{
          labels: {
            earliestDate: t('form.earliestDate'),
            earliestDateHint: t('form.earliestDateHint', {
              from: formatDate(window.from, locale),
              to: formatDate(window.to, locale),
            }),
            weekdays: t('form.weekdays'),
            weekdaysHint: t('form.weekdaysHint'),
            partOfDay: t('form.partOfDay'),
          },
          weekdayOptions: ASSIGNABLE_WEEKDAYS.map((d) => ({
            value: String(d),
            label: t(`weekday.${d}`),
          })),
          partOfDayOptions: PARTS_OF_DAY.map((p) => ({ value: p, label: t(`partOfDay.${p}`) })),
          initial: {
            earliestDate: waiting?.earliestDate ?? '',
            weekdays: (waiting?.weekdays ?? ASSIGNABLE_WEEKDAYS).join(','),
            partOfDay: waiting?.partOfDay ?? 'any',
          },
        }}
      />
    </>
  )
}
