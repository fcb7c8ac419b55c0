'use client'
import { useActionState } from 'react'
import { ErrorSummary } from '@/components/form/error-summary'
import { formWideErrors } from '@/components/form/form-wide-errors'
import { TextField } from '@/components/form/text-field'
import { useGuardedForm } from '@/components/form/use-guarded-form'
import { SLOT_MINUTES } from '@/lib/domain/appointments/office-setup'
import { useT } from '@/lib/i18n/client'
import type { FormState } from '@/lib/schemas/form-state'
import { changeOfficeSchema, createOfficeSchema } from '@/lib/schemas/staff/offices'

type Values = { name: string; address: string; slotMinutes: string }
type Props = {
  action: (state: FormState<Values>, formData: FormData) => Promise<FormState<Values>>
  office?: { id: string; name: string; address: string; slotMinutes: number }
  submitLabel: string
}

/** A new office, or the name, address and slot length of one. */
export function OfficeDetailsForm({ action, office, submitLabel }: Props) {
  const t = useT(['staffadmin', 'validation', 'common'])
  const [state, formAction, pending] = useActionState(action, {})
  const v = state.values ?? {}
  const { form, guardSubmit } = useGuardedForm<Values>(
    office ? changeOfficeSchema : createOfficeSchema,
    {
      name: v.name ?? office?.name ?? '',
      address: v.address ?? office?.address ?? '',
      slotMinutes: v.slotMinutes ?? String(office?.slotMinutes ?? 15),
    },
  )
  const errorOf = (field: keyof Values) => {
    const key = form.formState.errors[field]?.message ?? state.fieldErrors?.[field]
    return key ? t(key) : undefined
  }
  const fields = ['name', 'address', 'slotMinutes'] as const
  const errors = [
    ...fields.flatMap((f) =>
      errorOf(f) ? [{ fieldId: `office-${f}`, message: errorOf(f)! }] : [],
    ),
    ...formWideErrors(state, t),
  ]
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={formAction} onSubmit={guardSubmit} noValidate>
        {office ? <input type="hidden" name="officeId" value={office.id} /> : null}
        <TextField
          id="office-name"
          label={t('offices.name')}
          error={errorOf('name')}
          {...form.register('name')}
        />
        <TextField
          id="office-address"
          label={t('offices.address')}
          error={errorOf('address')}
          {...form.register('address')}
        />
        <div className="form-group">
          <label htmlFor="office-slotMinutes">{t('offices.slotMinutes')}</label>
          <select id="office-slotMinutes" className="select" {...form.register('slotMinutes')}>
            {SLOT_MINUTES.map((m) => (
              <option key={m} value={m}>
                {t('offices.minutes', { count: m })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={pending}>
          {submitLabel}
        </button>
      </form>
    </>
  )
}
