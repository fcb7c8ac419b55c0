import { getT } from '@/lib/i18n/create-translator'
import type { CaseView } from '@/lib/domain/casework/case-view'
import { CaseField, CaseForm, type CaseFormProps } from './case-forms'

type Props = CaseFormProps & { view: CaseView }

/** Holding the case, the counter's receipt, the card after approval, and internal notes. */
export function StepForms({ locale, version, actions, view }: Props) {
  const t = getT(locale, 'casework')
  const tick = (form: string, name: string) => (
    <div className="checkbox">
      <input type="checkbox" id={`${form}-${name}`} name={name} value="yes" />
      <label htmlFor={`${form}-${name}`}>{t(`forms.${form}.${name}`)}</label>
    </div>
  )
  return (
    <>
      <CaseForm
        locale={locale}
        name="claim"
        action={actions.claim}
        version={version}
        variant="secondary"
      />
      <CaseForm
        locale={locale}
        name="release"
        action={actions.release}
        version={version}
        variant="secondary"
      />
      <CaseForm
        locale={locale}
        name="assign"
        action={actions.assign}
        version={version}
        variant="secondary"
      >
        <CaseField form="assign" name="assignee" label={t('forms.assign.assignee')}>
          {(id) => (
            <select id={id} name="assignee">
              {view.assignees.map((a) => (
                <option key={a.userId} value={a.userId}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </CaseField>
      </CaseForm>
      <CaseForm
        locale={locale}
        name="record_payment"
        action={actions.record_payment}
        version={version}
      >
        {view.accrualReference ? (
          <p>
            {t('forms.record_payment.reference')}{' '}
            <bdi className="ltr-value" dir="ltr">
              {view.accrualReference}
            </bdi>
          </p>
        ) : null}
        <CaseField
          form="record_payment"
          name="receiptNumber"
          label={t('forms.record_payment.receiptNumber')}
        >
          {(id) => (
            <input id={id} name="receiptNumber" dir="ltr" autoComplete="off" maxLength={40} />
          )}
        </CaseField>
        <CaseField
          form="record_payment"
          name="amount"
          label={t('forms.record_payment.amount')}
          hint={t('forms.record_payment.amountHint')}
        >
          {(id) => (
            <input
              id={id}
              name="amount"
              dir="ltr"
              inputMode="decimal"
              autoComplete="off"
              maxLength={12}
            />
          )}
        </CaseField>
      </CaseForm>
      <CaseForm
        locale={locale}
        name="record_receipt"
        action={actions.record_receipt}
        version={version}
      >
        {tick('record_receipt', 'feesPaid')}
        {tick('record_receipt', 'documentsReceived')}
      </CaseForm>
      <CaseForm
        locale={locale}
        name="card_printing"
        action={actions.card_printing}
        version={version}
      >
        <CaseField
          form="card_printing"
          name="cardSerial"
          label={t('forms.card_printing.cardSerial')}
        >
          {(id) => <input id={id} name="cardSerial" dir="ltr" autoComplete="off" maxLength={30} />}
        </CaseField>
      </CaseForm>
      <CaseForm
        locale={locale}
        name="handed_to_post"
        action={actions.handed_to_post}
        version={version}
      >
        <CaseField
          form="handed_to_post"
          name="trackingNumber"
          label={t('forms.handed_to_post.trackingNumber')}
        >
          {(id) => (
            <input id={id} name="trackingNumber" dir="ltr" autoComplete="off" maxLength={30} />
          )}
        </CaseField>
      </CaseForm>
      <CaseForm
        locale={locale}
        name="returned"
        action={actions.returned}
        version={version}
        variant="secondary"
      />
      <CaseForm locale={locale} name="delivered" action={actions.delivered} version={version} />
      <CaseForm locale={locale} name="note" action={actions.note}>
        <CaseField form="note" name="body" label={t('forms.note.body')} hint={t('forms.note.hint')}>
          {(id) => <textarea id={id} name="body" rows={3} maxLength={2000} />}
        </CaseField>
      </CaseForm>
    </>
  )
}
