import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import type { CaseView } from '@/lib/domain/casework/case-view'

type Props = { locale: Locale; view: CaseView }

function show(value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return formatDate(value, locale)
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/**
 * Everything the applicant gave, section by section. For an extension or a transition, an
 * answer that differs from what the portal filled in from the last permit is marked, with the
 * earlier value beside it.
 */
export function CaseAnswers({ locale, view }: Props) {
  const t = getT(locale, ['casework', 'application'])
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">{t('case.answersTitle')}</h2>
      {Object.keys(view.changedFromPrefill).length > 0 ? (
        <p className="notice">{t('case.changedNote')}</p>
      ) : null}
      {Object.entries(view.answers).map(([section, fields]) => (
        <div key={section}>
          <h3>{t(`application:tasks.${section}`, { defaultValue: section })}</h3>
          <dl className="summary-list">
            {Object.entries(fields).map(([field, value]) => {
              const key = `${section}.${field}`
              const changed = key in view.changedFromPrefill
              return (
                <div
                  key={field}
                  className={changed ? 'summary-list__row changed' : 'summary-list__row'}
                >
                  <dt>{t(`application:fields.${field}.label`, { defaultValue: field })}</dt>
                  <dd>
                    <bdi>{show(value, locale)}</bdi>
                    {changed ? (
                      <span className="hint">
                        {' '}
                        {t('case.changedFrom', {
                          value: show(view.changedFromPrefill[key], locale),
                        })}
                      </span>
                    ) : null}
                  </dd>
                </div>
              )
            })}
          </dl>
        </div>
      ))}
    </section>
  )
}
