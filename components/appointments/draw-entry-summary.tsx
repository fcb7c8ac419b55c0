import Link from 'next/link'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDateTime } from '@/lib/i18n/format-date'
import type { MyDrawEntry } from '@/lib/schemas/draws'

type Props = { locale: Locale; entry: MyDrawEntry; appointmentHref: string }

/** The applicant's entry: their choices while the draw is open, the result once drawn. */
export function DrawEntrySummary({ locale, entry, appointmentHref }: Props) {
  const t = getT(locale, 'draws')
  const choices = (
    <ol>
      {entry.preferences.map((slot) => (
        <li key={slot.id}>{formatDateTime(slot.startsAt, locale)}</li>
      ))}
    </ol>
  )
  if (!entry.drawnAt)
    return (
      <div className="notice">
        <h2>{t('entry.title')}</h2>
        <p>{t('entry.lead', { office: entry.officeName })}</p>
        {choices}
        <p>{t('entry.wait', { time: formatDateTime(entry.closesAt, locale) })}</p>
      </div>
    )
  const seed = entry.seed ? (
    <p className="hint">
      {t('result.seed')} <span className="ref">{entry.seed}</span>
    </p>
  ) : null
  const title = t('result.title', { time: formatDateTime(entry.drawnAt, locale) })
  if (entry.appointment)
    return (
      <>
        <div className="panel">
          <h2>{title}</h2>
          <p>
            {t('result.won', {
              time: formatDateTime(entry.appointment.startsAt, locale),
              office: `${entry.appointment.officeName}, ${entry.appointment.officeAddress}`,
            })}
          </p>
        </div>
        <p>
          <Link href={appointmentHref}>{t('result.see')}</Link>
        </p>
        {seed}
      </>
    )
  return (
    <div className="notice">
      <h2>{title}</h2>
      <p>{t('result.notDrawn')}</p>
      <p className="hint">{t('result.yourChoices')}</p>
      {choices}
      {seed}
    </div>
  )
}
