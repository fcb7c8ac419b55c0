import Link from 'next/link'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'

type Props = { locale: Locale; applicationId: string; base: string; canChooseTime: boolean }

/** What the applicant can do with a booked appointment. */
export function AppointmentActions({ locale, applicationId, base, canChooseTime }: Props) {
  const t = getT(locale, ['appointments', 'waitlist'])
  return (
    <ul className="card-list">
      {canChooseTime ? (
        <li>
          <Link href={`${base}/choose?change=1`}>{t('actions.change')}</Link>
        </li>
      ) : null}
      <li>
        <Link href={`${base}/waitlist`}>{t('waitlist:link')}</Link>
      </li>
      <li>
        <Link href={`${base}/cancel`}>{t('actions.cancel')}</Link>
      </li>
      <li>
        <a href={`/api/v1/applications/${applicationId}/appointment/calendar`} download>
          {t('actions.calendar')}
        </a>
      </li>
      <li>
        <Link href={`${base}/slip`}>{t('actions.slip')}</Link>
      </li>
    </ul>
  )
}
