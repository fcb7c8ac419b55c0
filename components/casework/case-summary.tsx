import { StatusTag } from '@/components/ui/status-tag'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import type { CaseView } from '@/lib/domain/casework/case-view'

type Props = { locale: Locale; view: CaseView; today: string }

/** Who, what, where the case stands, and the deadline the directorate works to. */
export function CaseSummary({ locale, view, today }: Props) {
  const t = getT(locale, ['casework', 'common', 'application'])
  const personal = view.answers.personal ?? {}
  const name = [personal.givenNames, personal.surname].filter(Boolean).join(' ')
  const overdue = view.decisionDueOn !== null && view.decisionDueOn < today
  const rows: [string, React.ReactNode][] = [
    [t('case.applicant'), <bdi key="n">{name}</bdi>],
    [t('case.kind'), t(`common:kind.${view.kind}`)],
    [
      t('case.permitType'),
      `${t(`common:permitType.${view.permitTypeCode}`)}${view.purposeCode ? ` — ${t(`application:purposes.${view.purposeCode}`)}` : ''}`,
    ],
    [t('case.directorate'), view.directorateName ?? '—'],
    [
      t('case.submitted'),
      view.submittedAt ? formatDate(view.submittedAt.toISOString(), locale) : '—',
    ],
    [t('case.assigned'), view.assignedToName ?? t('queue.unassigned')],
    [
      t('case.decisionDue'),
      view.decisionDueOn ? (
        <span className={overdue ? 'deadline deadline--passed' : 'deadline'}>
          {formatDate(view.decisionDueOn, locale)}
          {overdue ? ` — ${t('queue.overdue')}` : ''}
        </span>
      ) : (
        t('case.clockNotStarted')
      ),
    ],
  ]
  return (
    <>
      <p className="caption">
        <span className="ref" dir="ltr">
          {view.reference}
        </span>{' '}
        <StatusTag status={view.status} label={t(`common:status.${view.status}`)} />
      </p>
      <dl className="summary-list">
        {rows.map(([label, value]) => (
          <div key={label} className="summary-list__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  )
}
