import { StatusTag } from '@/components/ui/status-tag'
import { whoActsNext, type ApplicationStatus } from '@/lib/domain/application-status'
import type { DecisionEstimate } from '@/lib/domain/casework/decision-estimate'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'

type Props = {
  locale: Locale
  status: ApplicationStatus
  decisionDueOn: string | null
  requestDueOn: string | null
  statutoryDays: number
  estimate: DecisionEstimate
  card: { trackingNumber: string | null; validFrom: string; validUntil: string } | null
}

const WAITING_FOR_DECISION = new Set<ApplicationStatus>([
  'documents_submitted',
  'under_review',
  'missing_documents',
])

/** The current step in plain words, who has the ball, what comes next and by when. */
export function ProgressSummary(props: Props) {
  const { locale, status, estimate, card } = props
  const t = getT(locale, ['applications', 'common'])
  const holder = whoActsNext(status)
  return (
    <section aria-labelledby="now-title" className="progress-summary">
      <h2 id="now-title">{t('progress.nowTitle')}</h2>
      <p>
        <StatusTag status={status} label={t(`common:status.${status}`)} />
      </p>
      <p>{t(`progress.steps.${status}`)}</p>
      <p>
        <strong>{t('progress.ballLabel')}</strong> {t(`progress.ball.${holder}`)}
      </p>
      {props.requestDueOn ? (
        <p className="notice">
          {t('progress.requestDue', { date: formatDate(props.requestDueOn, locale) })}
        </p>
      ) : null}
      {card ? (
        <p>
          {t('progress.validity', {
            from: formatDate(card.validFrom, locale),
            until: formatDate(card.validUntil, locale),
          })}
          {card.trackingNumber &&
          ['handed_to_post', 'returned_to_directorate', 'delivered'].includes(status) ? (
            <>
              {' '}
              {t('progress.tracking')}{' '}
              <span dir="ltr" className="ref">
                {card.trackingNumber}
              </span>
            </>
          ) : null}
        </p>
      ) : null}
      {WAITING_FOR_DECISION.has(status) ? (
        <p>
          {estimate.kind === 'estimate'
            ? t('progress.estimate', { median: estimate.medianDays, p80: estimate.p80Days })
            : t('progress.noEstimate')}{' '}
          {t('progress.statutory', { days: props.statutoryDays })}
          {props.decisionDueOn
            ? ` ${t('progress.decideBy', { date: formatDate(props.decisionDueOn, locale) })}`
            : ''}
        </p>
      ) : null}
    </section>
  )
}
