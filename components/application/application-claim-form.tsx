'use client'
import { useActionState } from 'react'
import { DateField } from '@/components/form/date-field'
import { ErrorSummary } from '@/components/form/error-summary'
import { serverFormErrors } from '@/components/form/form-wide-errors'
import { TextField } from '@/components/form/text-field'
import { useT } from '@/lib/i18n/client'
import { dateFieldValue } from '@/lib/schemas/fields'
import type { FormState } from '@/lib/schemas/form-state'

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState> }

const FIELDS = ['reference', 'dateOfBirth', 'passportNumber'] as const

/** The reference from the directorate, with two details only the applicant knows. */
export function ApplicationClaimForm({ action }: Props) {
  const t = useT(['applications', 'lookup', 'validation', 'common'])
  const [state, formAction, pending] = useActionState(action, {})
  const v = state.values ?? {}
  const { fieldError: err, errors } = serverFormErrors(state, FIELDS, t)
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={formAction} noValidate>
        <TextField
          id="reference"
          name="reference"
          label={t('claim.reference')}
          hint={t('claim.referenceHint')}
          error={err('reference')}
          defaultValue={v.reference}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
        />
        <DateField
          id="dateOfBirth"
          label={t('claim.dateOfBirth')}
          error={err('dateOfBirth')}
          value={dateFieldValue(v, 'dateOfBirth')}
          autoComplete="bday"
        />
        <TextField
          id="passportNumber"
          name="passportNumber"
          label={t('claim.passportNumber')}
          error={err('passportNumber')}
          defaultValue={v.passportNumber}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
        />
        <button type="submit" className="button" disabled={pending}>
          {t('claim.submit')}
        </button>
      </form>
    </>
  )
}
