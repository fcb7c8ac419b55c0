import { FEES_PAID_EVENT } from '@/lib/domain/fee-payments'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import type { CaseView } from '@/lib/domain/casework/case-view'

type Props = { locale: Locale; view: CaseView }

/** The checks as passed or failed, the requests for documents, and every step of the case. */
export function CaseHistory({ locale, view }: Props) {
  const t = getT(locale, ['casework', 'common', 'application'])
  const day = (d: Date | string) => formatDate(typeof d === 'string' ? d : d.toISOString(), locale)
  return (
    <>
      <section aria-labelledby="checks-title">
        <h2 id="checks-title">{t('case.checksTitle')}</h2>
        <ul className="check-list">
          {view.checks.map((c) => (
            <li key={c.code} className={c.ok ? 'check check--ok' : 'check check--failed'}>
              <strong>{c.ok ? t('case.checkPassed') : t('case.checkFailed')}</strong>{' '}
              {t(
                `case.checks.${c.code}`,
                Object.fromEntries(
                  Object.entries(c.values).map(([k, v]) => [k, /^\d{4}-/.test(v) ? day(v) : v]),
                ),
              )}
            </li>
          ))}
        </ul>
      </section>
      {view.requests.length > 0 ? (
        <section aria-labelledby="requests-title">
          <h2 id="requests-title">{t('case.requestsTitle')}</h2>
          <ul>
            {view.requests.map((r) => (
              <li key={r.dueAt.toISOString()}>
                {r.items.map((i) => t(`application:documents.items.${i}`)).join('; ')}
                {r.message ? <q>{r.message}</q> : null}{' '}
                <span className="hint">
                  {r.answeredAt
                    ? t('case.requestAnswered', { date: day(r.answeredAt) })
                    : r.lapsedAt
                      ? t('case.requestLapsed', { date: day(r.lapsedAt) })
                      : t('case.requestDue', { date: day(r.dueAt) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('case.historyTitle')}</h2>
        <ol className="timeline">
          {view.events.map((e) => (
            <li key={e.id}>
              <strong>
                {e.reasonCode === FEES_PAID_EVENT
                  ? t('case.checks.fee_paid')
                  : t(`common:status.${e.to}`)}
              </strong>{' '}
              <span className="hint">
                {day(e.at)}
                {e.actorName ? ` — ${e.actorName}` : ''}
              </span>
              {e.details.legalBasis ? <p>{t(`case.legalBases.${e.details.legalBasis}`)}</p> : null}
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="notes-title">
        <h2 id="notes-title">{t('case.notesTitle')}</h2>
        {view.notes.length === 0 ? <p>{t('case.noNotes')}</p> : null}
        <ul>
          {view.notes.map((n) => (
            <li key={n.id}>
              <p>{n.body}</p>
              <span className="hint">
                {n.authorName} — {day(n.at)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
