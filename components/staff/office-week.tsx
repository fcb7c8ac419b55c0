import { WEEKDAYS } from '@/lib/domain/appointments/office-setup'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'

type Props = { locale: Locale; hours: { weekday: number; opensAt: string; closesAt: string }[] }

/** The office's week as it stands, one row per day. */
export function OfficeWeek({ locale, hours }: Props) {
  const t = getT(locale, 'staffadmin')
  return (
    <table className="table">
      <caption>{t('offices.hours.week')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('offices.hours.day')}</th>
          <th scope="col">{t('offices.hours.times')}</th>
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((d) => {
          const periods = hours.filter((h) => h.weekday === d)
          return (
            <tr key={d}>
              <th scope="row">{t(`weekday.${d}`)}</th>
              <td>
                {periods.length === 0 ? (
                  t('offices.hours.closedDay')
                ) : (
                  <span dir="ltr">
                    {periods.map((p) => `${p.opensAt}–${p.closesAt}`).join(', ')}
                  </span>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
