'use client'
import { StatusTag } from '@/components/ui/status-tag'
import { textDirection, type Locale } from '@/lib/domain/locales'
import { formatDate, formatDateTime } from '@/lib/i18n/format-date'
import { useT } from '@/lib/i18n/client'
import type { CallerView } from '@/lib/schemas/call-centre/caller-lookup'

/** The masked view: what an agent may read out, nothing that identifies the caller further. */
export function CallerViewPanel({ view, locale }: { view: CallerView; locale: Locale }) {
  const t = useT(['callcentre', 'common'])
  const speak = view.spoken.locale
  return (
    <section className="callcentre-view" role="status" aria-labelledby="callcentre-view-title">
      <h2 id="callcentre-view-title">{t('view.title')}</h2>
      <dl className="callcentre-facts">
        <dt>{t('view.reference')}</dt>
        <dd dir="ltr" className="ref">
          {view.reference}
        </dd>
        <dt>{t('view.initial')}</dt>
        <dd>{view.givenNameInitial || '—'}</dd>
        <dt>{t('view.status')}</dt>
        <dd>
          <StatusTag status={view.status} label={t(`common:status.${view.status}`)} />
        </dd>
        <dt>{t('view.nextStep')}</dt>
        <dd>{t(`view.ball.${view.nextStep}`)}</dd>
        <dt>{t('view.decisionDue')}</dt>
        <dd>{view.decisionDueOn ? formatDate(view.decisionDueOn, locale) : t('view.none')}</dd>
        <dt>{t('view.documentsDue')}</dt>
        <dd>
          {view.documentsDueAt ? formatDateTime(view.documentsDueAt, locale) : t('view.none')}
        </dd>
        <dt>{t('view.appointment')}</dt>
        <dd>
          {view.appointment
            ? t('view.appointmentAt', {
                when: formatDateTime(view.appointment.startsAt, locale),
                office: view.appointment.officeName,
              })
            : t('view.none')}
        </dd>
      </dl>
      <h3>{t('view.readOut')}</h3>
      <div className="callcentre-spoken" lang={speak} dir={textDirection(speak)}>
        <p data-testid="spoken-status">
          <strong>{view.spoken.status}</strong>
        </p>
        <p data-testid="spoken-step">{view.spoken.step}</p>
        <p data-testid="spoken-who">{view.spoken.whoActs}</p>
        {view.spoken.dates.map((sentence) => (
          <p key={sentence} data-testid="spoken-date">
            {sentence}
          </p>
        ))}
      </div>
    </section>
  )
}
