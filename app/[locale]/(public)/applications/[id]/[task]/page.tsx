import { notFound, redirect } from 'next/navigation'
import { SectionForm } from '@/components/application/section-form'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { hasSection, isSectionKey } from '@/lib/schemas/application/sections'
import { taskProblems, toFormStrings } from '@/lib/schemas/application/task-list'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { taskContextFor } from '@/lib/server/applications/permit-period'
import { sectionOptions } from '@/lib/server/applications/section-options'
import { loadForPage } from '@/lib/server/page-access'
import { saveSectionAction } from './actions'

type Props = { params: Promise<{ locale: string; id: string; task: string }> }

export async function generateMetadata({ params }: Props) {
  const { task } = await params
  return isSectionKey(task) ? pageMetadata(params, `application:tasks.${task}`) : {}
}

export default async function TaskPage({ params }: Props) {
  const { locale, id, task } = await params
  if (!isLocale(locale) || !isSectionKey(task)) notFound()
  const app = await loadForPage(locale, 'applicant', paths.applicationTask(locale, id, task), () =>
    getMyApplication(id),
  )
  // A task this application does not have (the sponsor outside family permits) is no page.
  if (!hasSection(app.permitTypeCode, task)) notFound()
  if (app.status !== 'draft') redirect(`${paths.applicationConfirmation(locale, id)}?notice=sent`)
  const t = getT(locale, 'application')
  const saved = toFormStrings((app.formData[task] as Record<string, unknown> | undefined) ?? {})
  // Saved answers that clash with another task are shown as errors straight away.
  const problems = taskProblems(app.formData, taskContextFor(app))[task]
  return (
    <>
      <span className="hint ref">{app.reference}</span>
      <h1>{t(`tasks.${task}`)}</h1>
      {app.formData.prefill && task in (app.formData.prefill as object) ? (
        <p className="notice">{t('prefilledNote')}</p>
      ) : null}
      <SectionForm
        section={task}
        permitTypeCode={app.permitTypeCode}
        saved={saved}
        options={await sectionOptions(locale, task)}
        hiddenFields={[]}
        initialErrors={problems}
        action={saveSectionAction.bind(null, {
          locale,
          id,
          section: task,
          returnTo: paths.applicationTask(locale, id, task),
        })}
      />
    </>
  )
}
