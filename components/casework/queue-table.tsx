import Link from 'next/link'
import { StatusTag } from '@/components/ui/status-tag'
import type { Locale } from '@/lib/domain/locales'
import { useT } from '@/lib/i18n/client'
import type { QueuePageData } from '@/lib/queries/staff-queue'

type Props = {
  locale: Locale
  rows: QueuePageData['rows']
  today: string
  formatDay: (iso: string) => string
}

function deadlineClass(due: string | null, today: string): string {
  if (!due) return ''
  return due < today ? 'deadline deadline--passed' : 'deadline'
}

/** The rows of the work queue; each reference opens the case. */
export function QueueTable({ locale, rows, today, formatDay }: Props) {
  const t = useT(['casework', 'common'])
  if (rows.length === 0) return <p className="notice">{t('queue.empty')}</p>
  return (
    <div className="table-scroll">
      <table className="queue-table">
        <caption className="visually-hidden">{t('queue.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('queue.columns.reference')}</th>
            <th scope="col">{t('queue.columns.applicant')}</th>
            <th scope="col">{t('queue.columns.kind')}</th>
            <th scope="col">{t('queue.columns.status')}</th>
            <th scope="col">{t('queue.columns.submitted')}</th>
            <th scope="col">{t('queue.columns.deadline')}</th>
            <th scope="col">{t('queue.columns.assigned')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const due = row.requestDueAt ?? row.decisionDueOn
            return (
              <tr key={row.id}>
                <td>
                  <Link className="ref" href={`/${locale}/staff/cases/${row.id}`} dir="ltr">
                    {row.reference}
                  </Link>
                </td>
                <td>
                  <bdi>{row.applicantName}</bdi>
                  {row.nationality ? <span className="hint"> ({row.nationality})</span> : null}
                </td>
                <td>
                  {t(`common:kind.${row.kind}`)}
                  <br />
                  <span className="hint">{t(`common:permitType.${row.permitTypeCode}`)}</span>
                </td>
                <td>
                  <StatusTag status={row.status} label={t(`common:status.${row.status}`)} />
                </td>
                <td>{row.submittedAt ? formatDay(row.submittedAt) : '—'}</td>
                <td className={deadlineClass(due, today)}>
                  {due ? formatDay(due) : '—'}
                  {due && due < today ? <span className="hint"> {t('queue.overdue')}</span> : null}
                </td>
                <td>
                  {row.assignedToMe
                    ? t('queue.assignedToMe')
                    : (row.assignedToName ?? t('queue.unassigned'))}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
