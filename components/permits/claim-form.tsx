'use client'
import { useActionState } from 'react'
import { DateField } from '@/components/form/date-field'
import { ErrorSummary } from '@/components/form/error-summary'
import { serverFormErrors } from '@/components/form/form-wide-errors'
import { TextField } from '@/components/form/text-field'
import { useT } from '@/lib/i18n/client'
import type { FormState } from '@/lib/schemas/form-state'

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState> }

const FIELDS = ['foreignerIdNumber', 'cardSerial', 'birthDate'] as const

/** A light form posted to the server: the server checks every field and answers in words. */
export function ClaimForm({ action }: Props) {
  const t = useT(['permits', 'validation', 'common'])
  const [state, formAction, pending] = useActionState(action, {})
  const v = state.values ?? {}
  const { fieldError: err, errors } = serverFormErrors(state, FIELDS, t)
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={formAction} noValidate>
        <TextField
          id="foreignerIdNumber"
          name="foreignerIdNumber"
          label={t('claim.foreignerIdNumber')}
          hint={t('claim.foreignerIdNumberHint')}
          error={err('foreignerIdNumber')}
          defaultValue={v.foreignerIdNumber}
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
        />
        <TextField
          id="cardSerial"
          name="cardSerial"
          label={t('claim.cardSerial')}
          hint={t('claim.cardSerialHint')}
          error={err('cardSerial')}
          defaultValue={v.cardSerial}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          dir="ltr"
        />
        <DateField
          id="birthDate"
          label={t('claim.birthDate')}
          hint={t('claim.birthDateHint')}
          error={err('birthDate')}
          value={{
            day: v['birthDate-day'] ?? '',
            month: v['birthDate-month'] ?? '',
            year: v['birthDate-year'] ?? '',
          }}
          autoComplete="bday"
        />
        <button type="submit" className="button" disabled={pending}>
          {t('claim.submit')}
        </button>
      </form>
    </>
  )
}
