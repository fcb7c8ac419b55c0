import { notFound, redirect } from 'next/navigation'
import { ActionForm } from '@/components/form/action-form'
import { ApplicationTimeline } from '@/components/status/application-timeline'
import { FeePayment } from '@/components/status/fee-payment'
import { ProgressSummary } from '@/components/status/progress-summary'
import { RequestAnswer } from '@/components/status/request-answer'
import { isBeforeDecision } from '@/lib/domain/application-status'
import { isLocale } from '@/lib/domain/locales'
import { daysBetween } from '@/lib/domain/permits/dates'
import { DOCUMENT_CODES, requirementFor, type DocumentCode } from '@/lib/domain/permits/documents'
import { maxBytesFor, UPLOAD_REFUSALS } from '@/lib/domain/uploads'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { getMyApplicationProgress } from '@/lib/server/applications/application-progress'
import { todayInIstanbul } from '@/lib/server/clock'
import { loadForPage } from '@/lib/server/page-access'
import { answerRequestAction, payOnlineAction, withdrawAction } from './actions'

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const UPLOAD_ERRORS = new Set<string>([
  ...UPLOAD_REFUSALS,
  'unknown_item',
  'not_editable',
  'too_many_files',
])
const isCode = (v: string): v is DocumentCode => (DOCUMENT_CODES as readonly string[]).includes(v)

// Where a sent application stands: the step, who acts, the deadline, the timeline; and the
// answer to a missing-documents request, uploaded item by item.
export async function generateMetadata({ params, searchParams }: Props) {
  return pageMetadata(params, 'applications:progress.title', {
    error: typeof (await searchParams).error === 'string',
  })
}

export default async function ApplicationStatusPage({ params, searchParams }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const self = paths.applicationStatus(locale, id)
  const progress = await loadForPage(locale, 'applicant', self, () => getMyApplicationProgress(id))
  const app = progress.application
  if (app.status === 'draft') redirect(paths.application(locale, id))
  const query = await searchParams
  const t = getT(locale, ['applications', 'application'])
  const ctx = { locale, returnTo: self, applicationId: app.id }
  const today = todayInIstanbul()
  const request = progress.request
  const dueOn = request ? todayInIstanbul(request.dueAt) : null
  const uploadError =
    typeof query.error === 'string' &&
    UPLOAD_ERRORS.has(query.error) &&
    typeof query.item === 'string'
      ? { item: query.item, message: t(`application:documents.errors.${query.error}`) }
      : null
  const done =
    typeof query.done === 'string' && ['answered', 'withdrawn', 'payment'].includes(query.done)
      ? query.done
      : null
  return (
    <>
      <span className="hint ref">{app.reference}</span>
      <h1>{t('progress.title')}</h1>
      {done ? (
        <p className="notice notice--success" role="status">
          {t(`progress.done.${done}`)}
        </p>
      ) : null}
      <ProgressSummary
        locale={locale}
        status={app.status}
        decisionDueOn={progress.decisionDueOn}
        requestDueOn={dueOn}
        statutoryDays={progress.statutoryDays}
        estimate={progress.estimate}
        card={progress.card}
      />
      {request && dueOn ? (
        <RequestAnswer
          locale={locale}
          applicationId={app.id}
          message={request.message}
          dueOn={dueOn}
          daysLeft={Math.max(0, daysBetween(today, dueOn))}
          items={request.items.filter(isCode).map((code) => {
            const r = requirementFor(code)
            return {
              code,
              accepts: r.accepts,
              maxFiles: r.maxFiles,
              maxBytes: maxBytesFor(r.accepts),
            }
          })}
          files={request.files}
          error={uploadError}
          answer={answerRequestAction.bind(null, ctx)}
        />
      ) : null}
      {progress.fees ? (
        <FeePayment
          locale={locale}
          fees={progress.fees}
          payOnline={payOnlineAction.bind(null, ctx)}
        />
      ) : null}
      <ApplicationTimeline locale={locale} timeline={progress.timeline} />
      {isBeforeDecision(app.status) ? (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t('progress.withdraw.title')}</h2>
          <p>{t('progress.withdraw.lead')}</p>
          <ActionForm
            action={withdrawAction.bind(null, ctx)}
            submitLabel={t('progress.withdraw.submit')}
            idPrefix="withdraw"
            variant="warning"
            namespaces={['applications', 'common']}
          >
            <div className="checkbox">
              <input type="checkbox" id="withdraw-confirm" name="confirm" value="yes" />
              <label htmlFor="withdraw-confirm">{t('progress.withdraw.confirm')}</label>
            </div>
          </ActionForm>
        </section>
      ) : null}
    </>
  )
}
