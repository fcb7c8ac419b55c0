import Link from 'next/link'
import { notFound } from 'next/navigation'
import { CaseAnswers } from '@/components/casework/case-answers'
import { CaseDocuments } from '@/components/casework/case-documents'
import type { BoundAction } from '@/components/casework/case-forms'
import { CaseHistory } from '@/components/casework/case-history'
import { CaseSummary } from '@/components/casework/case-summary'
import { DecisionForms } from '@/components/casework/decision-forms'
import { ProposalPanel } from '@/components/casework/proposal-panel'
import { StepForms } from '@/components/casework/step-forms'
import { StaffShell } from '@/components/staff/staff-shell'
import type { CaseAction } from '@/lib/domain/casework/case-actions'
import { isLocale } from '@/lib/domain/locales'
import { addDays, addMonths } from '@/lib/domain/permits/dates'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { requireStaff } from '@/lib/server/actor'
import { getCase } from '@/lib/server/casework/get-case'
import { todayInIstanbul } from '@/lib/server/clock'
import { loadForPage } from '@/lib/server/page-access'
import * as forms from './actions'

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const ACTION_OF: Record<CaseAction | 'note', forms.Action> = {
  claim: forms.claimAction,
  release: forms.releaseAction,
  assign: forms.assignAction,
  add_note: forms.noteAction,
  note: forms.noteAction,
  record_receipt: forms.receiptAction,
  record_payment: forms.recordPaymentAction,
  request_documents: forms.requestDocumentsAction,
  approve: forms.approveAction,
  refuse: forms.refuseAction,
  confirm_proposal: forms.proposalAction,
  reject_proposal: forms.proposalAction,
  mark_not_processed: forms.notProcessedAction,
  close: forms.closeAction,
  card_printing: forms.cardPrintingAction,
  handed_to_post: forms.handedToPostAction,
  returned: forms.returnedAction,
  delivered: forms.deliveredAction,
}

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'casework:case.title')
}

export default async function CasePage({ params, searchParams }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const self = `/${locale}/staff/cases/${id}`
  const [actor, view] = await loadForPage(locale, 'staff', self, () =>
    Promise.all([requireStaff('cases.view'), getCase(id)]),
  )
  const t = getT(locale, 'casework')
  const ctx = { locale, returnTo: self, applicationId: view.id }
  const bound: Partial<Record<CaseAction | 'note', BoundAction>> = {}
  for (const action of view.actions) bound[action] = ACTION_OF[action].bind(null, ctx)
  if (view.actions.includes('add_note')) bound.note = ACTION_OF.note.bind(null, ctx)
  const done = (await searchParams).done
  const today = todayInIstanbul()
  const months = view.requestedMonths ?? 12
  return (
    <StaffShell locale={locale} role={actor.role} current="cases">
      <p>
        <Link href={`/${locale}/staff/cases`}>{t('case.back')}</Link>
      </p>
      <h1>{t('case.title')}</h1>
      {typeof done === 'string' && /^[a-z_]{2,20}$/.test(done) ? (
        <p className="notice notice--success" role="status">
          {t(`done.${done}`, { defaultValue: t('done.saved') })}
        </p>
      ) : null}
      <CaseSummary locale={locale} view={view} today={today} />
      <ProposalPanel
        locale={locale}
        view={view}
        confirm={bound.confirm_proposal}
        reject={bound.reject_proposal}
      />
      {view.actions.length > 0 ? (
        <section aria-labelledby="actions-title" className="case-actions">
          <h2 id="actions-title">{t('case.actionsTitle')}</h2>
          <StepForms locale={locale} version={view.version} actions={bound} view={view} />
          <DecisionForms
            locale={locale}
            version={view.version}
            actions={bound}
            view={view}
            suggestedFrom={today}
            suggestedUntil={addDays(addMonths(today, months), -1)}
          />
        </section>
      ) : null}
      <CaseHistory locale={locale} view={view} />
      <CaseAnswers locale={locale} view={view} />
      <CaseDocuments locale={locale} view={view} />
    </StaffShell>
  )
}
