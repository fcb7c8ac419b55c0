import { randomUUID } from 'node:crypto'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { IdempotentForm } from '@/components/form/idempotent-form'
import { FeeSummary } from '@/components/application/fee-summary'
import { SECTION_FIELDS, type FieldDef } from '@/components/application/section-fields'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { allTasksComplete } from '@/lib/schemas/application/task-list'
import { sectionsFor } from '@/lib/schemas/application/sections'
import { quoteMyFee } from '@/lib/server/applications/fee-quote'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { taskContextFor } from '@/lib/server/applications/permit-period'
import { sectionOptions } from '@/lib/server/applications/section-options'
import { getMyDocumentsProgress } from '@/lib/server/documents/checklist'
import { loadForPage } from '@/lib/server/page-access'
import { submitApplicationAction } from './actions'

type Props = { params: Promise<{ locale: string; id: string }> }

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'application:check.title')
}

export default async function CheckAnswersPage({ params }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const app = await loadForPage(locale, 'applicant', paths.applicationCheck(locale, id), () =>
    getMyApplication(id),
  )
  if (app.status !== 'draft') redirect(`${paths.applicationConfirmation(locale, id)}?notice=sent`)
  if (!allTasksComplete(app.formData, taskContextFor(app))) redirect(paths.application(locale, id))
  const [documents, fee] = await Promise.all([getMyDocumentsProgress(app), quoteMyFee(app)])
  if (documents.state !== 'completed') redirect(paths.application(locale, id))
  const t = getT(locale, ['application', 'common'])
  const sections = sectionsFor(app.permitTypeCode)
  // A chosen option reads as its label (the country, the relationship), not as its code.
  const options = await Promise.all(sections.map((section) => sectionOptions(locale, section)))
  return (
    <>
      <h1>{t('check.title')}</h1>
      {sections.map((section, index) => {
        const answers = (app.formData[section] ?? {}) as Record<string, unknown>
        const shown = (field: FieldDef) => {
          const value = String(answers[field.name])
          if (field.kind === 'date') return formatDate(value, locale)
          const list = field.options ? options[index]![field.options] : undefined
          return list?.find((o) => o.value === value)?.label ?? value
        }
        return (
          <section key={section}>
            <h2>{t(`tasks.${section}`)}</h2>
            <dl className="summary">
              {SECTION_FIELDS[section]
                .filter((f) => answers[f.name] !== undefined)
                .map((f) => (
                  <div key={f.name} style={{ display: 'contents' }}>
                    <dt>{t(`fields.${f.name}.label`)}</dt>
                    <dd>
                      {f.ltr ? (
                        <bdi className="ltr-value" dir="ltr">
                          {shown(f)}
                        </bdi>
                      ) : (
                        shown(f)
                      )}
                    </dd>
                  </div>
                ))}
            </dl>
            <Link href={paths.applicationTask(locale, id, section)}>
              {t('check.change')} <span className="visually-hidden">{t(`tasks.${section}`)}</span>
            </Link>
          </section>
        )
      })}
      <section>
        <h2>{t('tasks.documents')}</h2>
        <dl className="summary">
          {documents.items.map((item) => (
            <div key={item.code} style={{ display: 'contents' }}>
              <dt>{t(`documents.items.${item.code}`)}</dt>
              <dd>{t('documents.checkFiles', { count: item.files })}</dd>
            </div>
          ))}
        </dl>
        <Link href={paths.applicationTask(locale, id, 'documents')}>
          {t('check.change')} <span className="visually-hidden">{t('tasks.documents')}</span>
        </Link>
      </section>
      {fee ? <FeeSummary fee={fee} locale={locale} /> : null}
      <h2>{t('check.declarationTitle')}</h2>
      <p>{t('check.declaration')}</p>
      <IdempotentForm
        idempotencyKey={randomUUID()}
        action={submitApplicationAction.bind(null, {
          locale,
          id,
          returnTo: paths.applicationCheck(locale, id),
        })}
        submitLabel={t('check.submit')}
      />
    </>
  )
}
