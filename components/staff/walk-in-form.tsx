'use client'
import { useActionState } from 'react'
import {
  fieldErrorMessage,
  fieldErrorSummary,
  SectionFieldList,
} from '@/components/application/section-field-list'
import { SECTION_FIELDS, type OptionSource } from '@/components/application/section-fields'
import { DateField } from '@/components/form/date-field'
import { ErrorSummary } from '@/components/form/error-summary'
import { formWideErrors } from '@/components/form/form-wide-errors'
import { useT } from '@/lib/i18n/client'
import { sectionFieldNames, sectionsFor } from '@/lib/schemas/application/sections'
import { dateFieldValue } from '@/lib/schemas/fields'
import type { FormState } from '@/lib/schemas/form-state'
import { asksLegalStay } from '@/lib/schemas/staff/walk-in'

type Option = { value: string; label: string }
type Props = {
  permitType: string
  idempotencyKey: string
  options: Partial<Record<OptionSource, Option[]>>
  action: (state: FormState, formData: FormData) => Promise<FormState>
}

/** Every task of the online journey for this permit type on one form, for staff at the counter. */
export function WalkInForm({ permitType, idempotencyKey, options, action }: Props) {
  const t = useT(['staff', 'application', 'validation', 'common'])
  const [state, formAction, pending] = useActionState(action, {})
  const values = state.values ?? {}
  const errorKey = (name: string) => state.fieldErrors?.[name]
  const errorOf = (name: string) => fieldErrorMessage(t, name, errorKey(name))
  const sections = sectionsFor(permitType).map((key) => {
    const asked = sectionFieldNames(key, permitType)
    return { key, fields: SECTION_FIELDS[key].filter((f) => asked.includes(f.name)) }
  })
  const stay = asksLegalStay(permitType)
  const stayError = errorKey('legalStayUntil')
  const summary = [
    ...(stay && stayError ? [{ fieldId: 'legalStayUntil', message: t(stayError) }] : []),
    ...sections.flatMap((s) => fieldErrorSummary(t, s.fields, errorKey)),
    ...formWideErrors(state, t),
  ]
  return (
    <>
      <ErrorSummary errors={summary} />
      <form action={formAction} noValidate>
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {stay ? (
          <DateField
            id="legalStayUntil"
            label={t('staff:walkIn.legalStayUntil')}
            hint={t('staff:walkIn.legalStayUntilHint')}
            error={stayError ? t(stayError) : undefined}
            value={dateFieldValue(values, 'legalStayUntil')}
          />
        ) : null}
        {sections.map((s) => (
          <section key={s.key} aria-labelledby={`walk-in-${s.key}`}>
            <h2 id={`walk-in-${s.key}`}>{t(`application:tasks.${s.key}`)}</h2>
            <SectionFieldList
              fields={s.fields}
              values={values}
              options={options}
              errorOf={errorOf}
            />
          </section>
        ))}
        <button type="submit" className="button" disabled={pending}>
          {t('staff:walkIn.submit')}
        </button>
      </form>
    </>
  )
}
