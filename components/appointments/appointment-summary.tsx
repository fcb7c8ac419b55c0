import { Fragment } from 'react'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDateTime } from '@/lib/i18n/format-date'
import type { AppointmentView } from '@/lib/schemas/api/appointments'

type Props = { appointment: AppointmentView; reference: string; locale: Locale }

/** When, where and in what state the appointment is, as a GOV.UK summary list. */
export function AppointmentSummary({ appointment, reference, locale }: Props) {
  const t = getT(locale, 'appointments')
  const rows: [string, string][] = [
    [t('details.reference'), reference],
    [t('details.when'), formatDateTime(appointment.startsAt, locale)],
    [t('details.where'), `${appointment.officeName}, ${appointment.officeAddress}`],
    [t('details.status'), t(`status.${appointment.status}`)],
  ]
  return (
    <>
      <dl className="summary">
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>
      <p className="hint">{t('timeZoneNote')}</p>
    </>
  )
}
