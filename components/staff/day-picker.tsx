import Link from 'next/link'
import type { Locale } from '@/lib/domain/locales'
import type { DayOffice } from '@/lib/domain/appointments/day-view'
import { getT } from '@/lib/i18n/create-translator'

type Props = {
  locale: Locale
  /** Where the form sends its GET request: the day view itself. */
  action: string
  date: string
  today: string
  officeId: string | null
  offices: DayOffice[]
}

/** Choose a day and an office; a plain GET form, so the address can be bookmarked or shared. */
export function DayPicker({ locale, action, date, today, officeId, offices }: Props) {
  const t = getT(locale, 'staff')
  return (
    <form method="get" action={action} className="no-print">
      <fieldset className="fieldset">
        <legend className="label">{t('appointments.picker.legend')}</legend>
        <div className="form-group">
          <label htmlFor="day-date">{t('appointments.picker.date')}</label>
          <input
            type="date"
            id="day-date"
            name="date"
            className="input"
            defaultValue={date}
            required
          />
        </div>
        {offices.length > 1 ? (
          <div className="form-group">
            <label htmlFor="day-office">{t('appointments.picker.office')}</label>
            <select id="day-office" name="office" className="select" defaultValue={officeId ?? ''}>
              <option value="">{t('appointments.picker.allOffices')}</option>
              {offices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </fieldset>
      <button type="submit" className="button button--flush">
        {t('appointments.picker.show')}
      </button>
      {date !== today ? (
        <Link
          href={`${action}?date=${today}${officeId ? `&office=${officeId}` : ''}`}
          className="button button--secondary"
        >
          {t('appointments.picker.today')}
        </Link>
      ) : null}
    </form>
  )
}
