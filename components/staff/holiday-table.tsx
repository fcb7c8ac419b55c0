import Link from 'next/link'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDateWithWeekday } from '@/lib/i18n/format-date'
import type { HolidayRow } from '@/lib/schemas/staff/holidays'

type Props = {
  locale: Locale
  year: number
  holidays: HolidayRow[]
  self: string
  addAction: (formData: FormData) => Promise<void>
  removeAction: (formData: FormData) => Promise<void>
}

/** The year's holidays with a remove button each, the year switch and the form to add one. */
export function HolidayTable({ locale, year, holidays, self, addAction, removeAction }: Props) {
  const t = getT(locale, 'staff')
  return (
    <>
      <p className="pager">
        <Link href={`${self}?year=${year - 1}`}>{String(year - 1)}</Link>
        <Link href={`${self}?year=${year + 1}`}>{String(year + 1)}</Link>
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('holidays.date')}</th>
            <th scope="col">{t('holidays.name')}</th>
            <th scope="col">{t('holidays.kind')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('holidays.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {holidays.map((h) => (
            <tr key={h.date}>
              <td>{formatDateWithWeekday(h.date, locale)}</td>
              <td lang="tr">{h.name}</td>
              <td>{t(h.halfDay ? 'holidays.halfDay' : 'holidays.fullDay')}</td>
              <td>
                <form action={removeAction}>
                  <input type="hidden" name="date" value={h.date} />
                  <button type="submit" className="button button--secondary button--flush">
                    {t('holidays.remove')}
                    <span className="visually-hidden"> {h.date}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('holidays.addTitle')}</h2>
      <p className="hint">{t('holidays.addHint')}</p>
      <form action={addAction}>
        <div className="form-group">
          <label htmlFor="holiday-date">{t('holidays.date')}</label>
          <input id="holiday-date" type="date" name="date" className="input" required />
        </div>
        <div className="form-group">
          <label htmlFor="holiday-name">{t('holidays.name')}</label>
          <input id="holiday-name" name="name" className="input" maxLength={100} required />
        </div>
        <div className="form-group radios">
          <label>
            <input type="checkbox" name="halfDay" value="on" /> {t('holidays.halfDayLabel')}
          </label>
        </div>
        <button type="submit" className="button">
          {t('holidays.add')}
        </button>
      </form>
    </>
  )
}
