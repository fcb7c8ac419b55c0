'use client'
import { useActionState } from 'react'
import { ChoiceField } from '@/components/application/choice-field'
import { DateField } from '@/components/form/date-field'
import { formWideErrors } from '@/components/form/form-wide-errors'
import { ErrorSummary } from '@/components/form/error-summary'
import type { ApplicationKind } from '@/lib/domain/application-status'
import { useT } from '@/lib/i18n/client'
import { dateFieldValue } from '@/lib/schemas/fields'
import type { FormState } from '@/lib/schemas/form-state'

type Option = { value: string; label: string }
type Props = {
  kind: ApplicationKind
  permitOptions: Option[]
  /** The permit the person came from (My permits), chosen for them. */
  chosenPermitId?: string
  typeOptions: Option[]
  /** Grounds for leaving a family permit for a short-term one (transitions only). */
  familyExitOptions: Option[]
  action: (state: FormState, formData: FormData) => Promise<FormState>
}

/** The questions asked before a draft is opened; the server decides with the same rules. */
export function EligibilityForm({
  kind,
  permitOptions,
  chosenPermitId,
  typeOptions,
  familyExitOptions,
  action,
}: Props) {
  const t = useT(['application', 'validation', 'common'])
  const [state, formAction, pending] = useActionState(action, {})
  const v = state.values ?? {}
  const err = (name: string) =>
    state.fieldErrors?.[name] ? t(state.fieldErrors[name]!) : undefined
  const names =
    kind === 'first'
      ? ['permitType', 'legalStayUntil']
      : kind === 'extension'
        ? ['permitId']
        : ['permitId', 'permitType', 'familyExitGround', 'hasAdditionalGround', 'groundEndedOn']
  const summary = [
    ...names.flatMap((n) => (err(n) ? [{ fieldId: n, message: err(n)! }] : [])),
    ...formWideErrors(state, t),
  ]
  const yesNo = [
    { value: 'yes', label: t('common:answers.yes') },
    { value: 'no', label: t('common:answers.no') },
  ]
  return (
    <>
      <ErrorSummary errors={summary} />
      <form action={formAction} noValidate>
        {kind !== 'first' ? (
          <ChoiceField
            kind="radios"
            name="permitId"
            label={t('eligibility.permitId')}
            error={err('permitId')}
            options={permitOptions}
            value={v.permitId ?? chosenPermitId ?? ''}
          />
        ) : null}
        {kind !== 'extension' ? (
          <ChoiceField
            kind="radios"
            name="permitType"
            label={t('eligibility.permitType')}
            error={err('permitType')}
            options={typeOptions}
            value={v.permitType ?? ''}
          />
        ) : null}
        {kind === 'first' ? (
          <DateField
            id="legalStayUntil"
            label={t('eligibility.legalStayUntil')}
            hint={t('eligibility.legalStayUntilHint')}
            error={err('legalStayUntil')}
            value={dateFieldValue(v, 'legalStayUntil')}
          />
        ) : null}
        {kind === 'transition' ? (
          <>
            <ChoiceField
              kind="radios"
              name="familyExitGround"
              label={t('eligibility.familyExitGround')}
              hint={t('eligibility.familyExitGroundHint')}
              error={err('familyExitGround')}
              options={familyExitOptions}
              value={v.familyExitGround ?? ''}
            />
            <ChoiceField
              kind="radios"
              name="hasAdditionalGround"
              label={t('eligibility.hasAdditionalGround')}
              hint={t('eligibility.hasAdditionalGroundHint')}
              error={err('hasAdditionalGround')}
              options={yesNo}
              value={v.hasAdditionalGround ?? ''}
            />
            <DateField
              id="groundEndedOn"
              label={t('eligibility.groundEndedOn')}
              hint={t('eligibility.groundEndedOnHint')}
              error={err('groundEndedOn')}
              value={dateFieldValue(v, 'groundEndedOn')}
            />
          </>
        ) : null}
        <button type="submit" className="button" disabled={pending}>
          {t('common:actions.continue')}
        </button>
      </form>
    </>
  )
}
