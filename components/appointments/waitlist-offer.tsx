import type { ReactNode } from 'react'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDateTime, formatTime } from '@/lib/i18n/format-date'

export type WaitlistOfferFacts = {
  startsAt: string
  officeName: string
  officeAddress: string
  expiresAt: string
}

type Props = { offer: WaitlistOfferFacts; locale: Locale; children: ReactNode }

/** The earlier time offered from the waitlist, how long it is kept, and the answer forms. */
export function WaitlistOffer({ offer, locale, children }: Props) {
  const t = getT(locale, 'waitlist')
  const details = getT(locale, 'appointments')
  // The offer lasts minutes, so the clock time is enough (in İstanbul, like every time here).
  const until = formatTime(offer.expiresAt, locale)
  return (
    <section aria-labelledby="waitlist-offer-title">
      <h2 id="waitlist-offer-title">{t('offer.title')}</h2>
      <dl className="summary">
        <dt>{details('details.when')}</dt>
        <dd>{formatDateTime(offer.startsAt, locale)}</dd>
        <dt>{details('details.where')}</dt>
        <dd>{`${offer.officeName}, ${offer.officeAddress}`}</dd>
      </dl>
      <p className="notice">{t('offer.until', { time: until })}</p>
      <p>{t('offer.note')}</p>
      {children}
    </section>
  )
}
