import { randomUUID } from 'node:crypto'
import { Fragment } from 'react'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDateWithWeekday } from '@/lib/i18n/format-date'
import type { AssignmentRequestView } from '@/lib/schemas/appointments/assignment-request'
import type { FormState } from '@/lib/schemas/form-state'
import { AssignmentForm } from './assignment-form'
import { assignmentMessages } from './assignment-request-form'

type Props = {
  request: AssignmentRequestView
  locale: Locale
  // Withdraws a waiting request; shown only while it waits.
  cancelAction: (state: FormState, formData: FormData) => Promise<FormState>
}

/** What the applicant asked for and where the request stands, as a GOV.UK summary list. */
export function AssignmentRequestSummary({ request, locale, cancelAction }: Props) {
  const t = getT(locale, 'assignment')
  const rows: [string, string][] = [
    [t('request.from'), formatDateWithWeekday(request.earliestDate, locale)],
    [t('request.days'), request.weekdays.map((d) => t(`weekday.${d}`)).join(', ')],
    [t('request.time'), t(`partOfDay.${request.partOfDay}`)],
    [t('request.status'), t(`request.${request.status}`)],
  ]
  return (
    <>
      <h2>{t('request.title')}</h2>
      <dl className="summary">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      {request.status === 'waiting' ? (
        <>
          <p>{t('request.waitingNote')}</p>
          <AssignmentForm
            idempotencyKey={randomUUID()}
            action={cancelAction}
            submitLabel={t('request.cancel')}
            messages={assignmentMessages(locale)}
            secondary
          />
        </>
      ) : null}
    </>
  )
}
