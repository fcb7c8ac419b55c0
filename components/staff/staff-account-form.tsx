'use client'
import { useActionState, type SelectHTMLAttributes } from 'react'
import { ErrorSummary } from '@/components/form/error-summary'
import { describedByIds, FieldMessages } from '@/components/form/field-messages'
import { formWideErrors } from '@/components/form/form-wide-errors'
import { TextField } from '@/components/form/text-field'
import { useGuardedForm } from '@/components/form/use-guarded-form'
import type { StaffRole } from '@/lib/domain/staff-roles'
import { useT } from '@/lib/i18n/client'
import type { FormState } from '@/lib/schemas/form-state'
import { createStaffMemberSchema } from '@/lib/schemas/staff/staff-accounts'

type Values = { email: string; displayName: string; role: string; directorateId: string }
type Props = {
  action: (state: FormState<Values>, formData: FormData) => Promise<FormState<Values>>
  roles: StaffRole[]
  directorates: { id: string; name: string }[]
}

/** A new staff member: the same zod schema checks the fields here and on the server. */
export function StaffAccountForm({ action, roles, directorates }: Props) {
  const t = useT(['staffadmin', 'staff', 'validation', 'common'])
  const [state, formAction, pending] = useActionState(action, {})
  const v = state.values ?? {}
  const { form, guardSubmit } = useGuardedForm<Values>(createStaffMemberSchema, {
    email: v.email ?? '',
    displayName: v.displayName ?? '',
    role: v.role ?? roles[0] ?? '',
    directorateId: v.directorateId ?? '',
  })
  const errorOf = (field: keyof Values) => {
    const key = form.formState.errors[field]?.message ?? state.fieldErrors?.[field]
    return key ? t(key) : undefined
  }
  const fields = ['email', 'displayName', 'role', 'directorateId'] as const
  const errors = [
    ...fields.flatMap((f) => (errorOf(f) ? [{ fieldId: `new-${f}`, message: errorOf(f)! }] : [])),
    ...formWideErrors(state, t),
  ]
  return (
    <>
      <ErrorSummary errors={errors} />
      <form action={formAction} onSubmit={guardSubmit} noValidate>
        <TextField
          id="new-email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          label={t('accounts.email')}
          hint={t('accounts.create.hint')}
          error={errorOf('email')}
          {...form.register('email')}
        />
        <TextField
          id="new-displayName"
          label={t('accounts.name')}
          error={errorOf('displayName')}
          {...form.register('displayName')}
        />
        <div className={`form-group${errorOf('role') ? ' form-group--error' : ''}`}>
          <label htmlFor="new-role">{t('accounts.role')}</label>
          <FieldMessages id="new-role" error={errorOf('role')} />
          <select
            id="new-role"
            className="select"
            aria-describedby={describedByIds('new-role', undefined, errorOf('role'))}
            {...form.register('role')}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`staff:role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {directorates.length > 0 ? (
          <DirectorateField
            id="new-directorateId"
            label={t('accounts.directorate')}
            hint={t('accounts.create.directorateHint')}
            none={t('accounts.noDirectorate')}
            error={errorOf('directorateId')}
            options={directorates}
            {...form.register('directorateId')}
          />
        ) : null}
        <button type="submit" className="button" disabled={pending}>
          {t('accounts.create.submit')}
        </button>
      </form>
    </>
  )
}

type DirectorateProps = SelectHTMLAttributes<HTMLSelectElement> & {
  id: string
  label: string
  hint?: string
  none: string
  error?: string
  options: { id: string; name: string }[]
}

/** The national admin's choice of directorate; "none" for the national roles. */
export function DirectorateField({
  id,
  label,
  hint,
  none,
  error,
  options,
  ...select
}: DirectorateProps) {
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select
        id={id}
        className="select"
        aria-describedby={describedByIds(id, hint, error)}
        {...select}
      >
        <option value="">{none}</option>
        {options.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
    </div>
  )
}
