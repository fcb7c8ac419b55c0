import { ActionForm } from '@/components/form/action-form'
import { PageStrings } from '@/components/layout/page-strings'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDateTime } from '@/lib/i18n/format-date'
import type { FormState } from '@/lib/schemas/form-state'
import type { MySession } from '@/lib/schemas/sessions'

type Action = (state: FormState, formData: FormData) => Promise<FormState>
type Props = {
  locale: Locale
  sessions: MySession[]
  holder: 'staff' | 'applicant'
  done: string | undefined
  endAction: Action
  endOthersAction: Action
}

const NS = ['sessions', 'common', 'validation'] as const
const DONE = new Set(['ended', 'others_ended'])

/** My sessions, each named by browser and system, with a button to end each other one. */
export function SessionList({ locale, sessions, holder, done, endAction, endOthersAction }: Props) {
  const t = getT(locale, [...NS])
  const others = sessions.filter((s) => !s.current)
  const device = (s: MySession) =>
    t('device', {
      browser: s.browser ?? t('unknownBrowser'),
      os: s.os ?? t('unknownSystem'),
    })
  return (
    <PageStrings locale={locale} namespaces={NS}>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <p>{t(`limits.${holder}`)}</p>
      {done && DONE.has(done) ? (
        <p className="notice notice--success" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}
      <ul className="card-list session-list" aria-label={t('title')}>
        {sessions.map((s) => (
          <li key={s.id} data-session={s.current ? 'this' : 'other'}>
            <h2 className="session-list__device">
              <bdi>{device(s)}</bdi>{' '}
              {s.current ? <span className="tag">{t('thisDevice')}</span> : null}
            </h2>
            <dl className="summary-list">
              <div className="summary-list__row">
                <dt>{t('started')}</dt>
                <dd>{formatDateTime(s.startedAt, locale)}</dd>
              </div>
              <div className="summary-list__row">
                <dt>{t('lastActive')}</dt>
                <dd>{formatDateTime(s.lastSeenAt, locale)}</dd>
              </div>
            </dl>
            {s.current ? null : (
              <ActionForm
                action={endAction}
                idPrefix={`end-${s.id}`}
                hidden={{ sessionId: s.id }}
                namespaces={NS}
                variant="secondary"
                submitLabel={t('end')}
              />
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <>
          <h2>{t('endOthersTitle')}</h2>
          <p className="hint">{t('endOthersHint')}</p>
          <ActionForm
            action={endOthersAction}
            idPrefix="end-others"
            namespaces={NS}
            variant="warning"
            submitLabel={t('endOthers')}
          />
        </>
      ) : (
        <p>{t('noOthers')}</p>
      )}
    </PageStrings>
  )
}
