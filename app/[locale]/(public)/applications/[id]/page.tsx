import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { StatusTag } from '@/components/ui/status-tag'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { taskStates } from '@/lib/schemas/application/task-list'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { taskContextFor } from '@/lib/server/applications/permit-period'
import { getMyDocumentsProgress } from '@/lib/server/documents/checklist'
import { loadForPage } from '@/lib/server/page-access'

type Props = { params: Promise<{ locale: string; id: string }> }

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'application:taskList.title')
}

export default async function ApplicationPage({ params }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const app = await loadForPage(locale, 'applicant', paths.application(locale, id), () =>
    getMyApplication(id),
  )
  if (app.status !== 'draft') redirect(paths.applicationConfirmation(locale, id))
  const t = getT(locale, ['application', 'common'])
  // The tasks this permit type has (a family permit also has its sponsor).
  const tasks = taskStates(app.formData, taskContextFor(app))
  // Documents come after the answers (their list depends on them) and before the check.
  const documents = await getMyDocumentsProgress(app)
  const ready = tasks.every((task) => task.state === 'completed') && documents.state === 'completed'
  return (
    <>
      <span className="hint">
        {t(`common:kind.${app.kind}`)} · {t(`common:permitType.${app.permitTypeCode}`)}
      </span>
      <h1>{t('taskList.title')}</h1>
      <p>
        {t('taskList.reference')} <span className="ref">{app.reference}</span>
      </p>
      <p>{t('taskList.savedNote')}</p>
      <ol className="task-list">
        {tasks.map((task) => (
          <li key={task.key}>
            <Link href={paths.applicationTask(locale, id, task.key)}>{t(`tasks.${task.key}`)}</Link>
            <strong className={`tag${task.state === 'completed' ? '' : ' tag--nobody'}`}>
              {t(`taskState.${task.state}`)}
            </strong>
          </li>
        ))}
        <li>
          <Link href={paths.applicationTask(locale, id, 'documents')}>{t('tasks.documents')}</Link>
          <strong className={`tag${documents.state === 'completed' ? '' : ' tag--nobody'}`}>
            {t(`taskState.${documents.state}`)}
          </strong>
        </li>
        <li>
          {ready ? (
            <Link href={paths.applicationCheck(locale, id)}>{t('tasks.check')}</Link>
          ) : (
            <span>{t('tasks.check')}</span>
          )}
          <StatusTag
            status="draft"
            label={t(ready ? 'taskState.ready' : 'taskState.cannotStartYet')}
          />
        </li>
      </ol>
    </>
  )
}
