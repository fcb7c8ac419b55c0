import { legalBasesFor } from '@/lib/domain/casework/legal-bases'
import { DOCUMENT_CODES } from '@/lib/domain/permits/documents'
import { isPermitTypeCode } from '@/lib/domain/permits/permit-types'
import { getT } from '@/lib/i18n/create-translator'
import { NOT_PROCESSED_REASONS, CLOSE_REASONS } from '@/lib/schemas/casework/case-actions'
import type { CaseView } from '@/lib/domain/casework/case-view'
import { CaseField, CaseForm, type CaseFormProps } from './case-forms'

type Props = CaseFormProps & { view: CaseView; suggestedFrom: string; suggestedUntil: string }

/** The decisions on a complete file: ask for documents, approve, refuse; or end the file. */
export function DecisionForms({
  locale,
  version,
  actions,
  view,
  suggestedFrom,
  suggestedUntil,
}: Props) {
  const t = getT(locale, ['casework', 'application'])
  const bases = isPermitTypeCode(view.permitTypeCode) ? legalBasesFor(view.permitTypeCode) : []
  const radios = (
    form: string,
    name: string,
    options: readonly string[],
    label: (o: string) => string,
  ) => (
    <fieldset className="field">
      <legend>{t(`forms.${form}.${name}`)}</legend>
      {options.map((o) => (
        <div key={o} className="radio">
          <input type="radio" id={`${form}-${name}-${o}`} name={name} value={o} />
          <label htmlFor={`${form}-${name}-${o}`}>{label(o)}</label>
        </div>
      ))}
    </fieldset>
  )
  return (
    <>
      <CaseForm
        locale={locale}
        name="request_documents"
        action={actions.request_documents}
        version={version}
      >
        <fieldset className="field" id="request_documents-items">
          <legend>{t('forms.request_documents.items')}</legend>
          {DOCUMENT_CODES.map((code) => (
            <div key={code} className="checkbox">
              <input
                type="checkbox"
                id={`request_documents-item-${code}`}
                name="items"
                value={code}
              />
              <label htmlFor={`request_documents-item-${code}`}>
                {t(`application:documents.items.${code}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <CaseField
          form="request_documents"
          name="message"
          label={t('forms.request_documents.message')}
          hint={t('forms.request_documents.messageHint')}
        >
          {(id) => <textarea id={id} name="message" rows={3} maxLength={1000} />}
        </CaseField>
      </CaseForm>
      <CaseForm locale={locale} name="approve" action={actions.approve} version={version}>
        <CaseField form="approve" name="validFrom" label={t('forms.approve.validFrom')}>
          {(id) => (
            <input id={id} name="validFrom" type="date" defaultValue={suggestedFrom} required />
          )}
        </CaseField>
        <CaseField
          form="approve"
          name="validUntil"
          label={t('forms.approve.validUntil')}
          hint={t('forms.approve.hint')}
        >
          {(id) => (
            <input id={id} name="validUntil" type="date" defaultValue={suggestedUntil} required />
          )}
        </CaseField>
      </CaseForm>
      <CaseForm
        locale={locale}
        name="refuse"
        action={actions.refuse}
        version={version}
        variant="warning"
      >
        {radios('refuse', 'legalBasis', bases, (b) => t(`case.legalBases.${b}`))}
        <CaseField
          form="refuse"
          name="reason"
          label={t('forms.refuse.reason')}
          hint={t('forms.refuse.reasonHint')}
        >
          {(id) => <textarea id={id} name="reason" rows={4} maxLength={2000} />}
        </CaseField>
      </CaseForm>
      <CaseForm
        locale={locale}
        name="mark_not_processed"
        action={actions.mark_not_processed}
        version={version}
        variant="warning"
      >
        {radios('mark_not_processed', 'reason', NOT_PROCESSED_REASONS, (r) =>
          t(`case.notProcessedReasons.${r}`),
        )}
      </CaseForm>
      <CaseForm
        locale={locale}
        name="close"
        action={actions.close}
        version={version}
        variant="warning"
      >
        {radios('close', 'reason', CLOSE_REASONS, (r) => t(`case.closeReasons.${r}`))}
        <CaseField form="close" name="note" label={t('forms.close.note')}>
          {(id) => <textarea id={id} name="note" rows={2} maxLength={1000} />}
        </CaseField>
      </CaseForm>
    </>
  )
}
