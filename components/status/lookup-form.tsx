'use client'
import Link from 'next/link'
import { useActionState } from 'react'
import { DateField } from '@/components/form/date-field'
import { ErrorSummary } from '@/components/form/error-summary'
import { serverFormErrors } from '@/components/form/form-wide-errors'
import { TextField } from '@/components/form/text-field'
import { StatusTag } from '@/components/ui/status-tag'
import { whoActsNext, type ApplicationStatus } from '@/lib/domain/application-status'
import type { Locale } from '@/lib/domain/locales'
import { useT } from '@/lib/i18n/client'
import { paths } from '@/lib/paths'
import type { FormState } from '@/lib/schemas/form-state'

export type StatusLookupState = FormState & {
  result?: { reference: string; status: ApplicationStatus }
}

type Props = {
  locale: Locale
  action: (state: StatusLookupState, formData: FormData) => Promise<StatusLookupState>
}

const FIELDS = ['reference', 'passportNumber', 'foreignerIdNumber', 'dateOfBirth'] as const

function datePartsOf(values: Record<string, string> | undefined) {
  return {
    day: values?.['dateOfBirth-day'] ?? '',
    month: values?.['dateOfBirth-month'] ?? '',
    year: values?.['dateOfBirth-year'] ?? '',
  }
}

/** The public lookup: reference, one document, date of birth; the coarse status above it. */
export function LookupForm({ locale, action }: Props) {
  const t = useT(['lookup', 'common', 'validation'])
  const [state, formAction, pending] = useActionState(action, {})
  const { fieldError, errors } = serverFormErrors(state, FIELDS, t)
  const values = state.values as Record<string, string> | undefined
  const result = state.result
  return (
    <>
      {result ? (
        <section className="lookup-result" role="status" aria-labelledby="lookup-result-title">
          <h2 id="lookup-result-title">{t('result.title')}</h2>
          <p>
            {t('result.reference')}{' '}
            <span dir="ltr" className="ref">
              {result.reference}
            </span>
          </p>
          <p>
            <StatusTag status={result.status} label={t(`common:status.${result.status}`)} />
          </p>
          <p>{t(`result.nextStep.${whoActsNext(result.status)}`)}</p>
          <p>
            <Link href={paths.signInThen(locale, paths.applications(locale))}>
              {t('result.signIn')}
            </Link>
          </p>
        </section>
      ) : null}
      <ErrorSummary errors={errors} />
      <form action={formAction} noValidate>
        <TextField
          id="reference"
          name="reference"
          label={t('fields.reference.label')}
          hint={t('fields.reference.hint')}
          error={fieldError('reference')}
          defaultValue={values?.reference ?? ''}
          dir="ltr"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
        />
        <fieldset className="fieldset">
          <legend className="label">{t('fields.document.legend')}</legend>
          <p className="hint">{t('fields.document.hint')}</p>
          <TextField
            id="passportNumber"
            name="passportNumber"
            label={t('fields.passportNumber.label')}
            error={fieldError('passportNumber')}
            defaultValue={values?.passportNumber ?? ''}
            dir="ltr"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={30}
          />
          <TextField
            id="foreignerIdNumber"
            name="foreignerIdNumber"
            label={t('fields.foreignerIdNumber.label')}
            hint={t('fields.foreignerIdNumber.hint')}
            error={fieldError('foreignerIdNumber')}
            defaultValue={values?.foreignerIdNumber ?? ''}
            dir="ltr"
            inputMode="numeric"
            autoComplete="off"
            maxLength={40}
          />
        </fieldset>
        <DateField
          id="dateOfBirth"
          label={t('fields.dateOfBirth.label')}
          hint={t('fields.dateOfBirth.hint')}
          error={fieldError('dateOfBirth')}
          value={datePartsOf(values)}
          autoComplete="bday"
        />
        <button type="submit" className="button" disabled={pending}>
          {t('submit')}
        </button>
      </form>
    </>
  )
}
