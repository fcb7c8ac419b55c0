import type { ApplicationStatus } from '@/lib/domain/application-status'
import { FEES_PAID_EVENT } from '@/lib/domain/fee-payments'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'

export type TimelineStep = {
  status: ApplicationStatus
  reasonCode: string | null
  details: Record<string, string>
  at: Date
}
type Props = { locale: Locale; timeline: TimelineStep[] }

/** Every step so far, newest first, in plain words. */
export function ApplicationTimeline({ locale, timeline }: Props) {
  const t = getT(locale, ['applications', 'casework'])
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('progress.timelineTitle')}</h2>
      <ol className="timeline" reversed>
        {[...timeline].reverse().map((step, i) => (
          <li key={`${step.at.toISOString()}-${i}`}>
            <strong>
              {t(
                // A recorded fee payment is a step of its own; the status stays as it was.
                `progress.events.${step.reasonCode === FEES_PAID_EVENT ? FEES_PAID_EVENT : step.status}`,
              )}
            </strong>{' '}
            <span className="hint">{formatDate(step.at.toISOString(), locale)}</span>
            {step.details.legalBasis ? (
              <p>{t(`casework:case.legalBases.${step.details.legalBasis}`)}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
