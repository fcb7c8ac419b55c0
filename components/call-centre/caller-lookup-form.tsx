'use client'
import { useActionState } from 'react'
import { DateField } from '@/components/form/date-field'
import { ErrorSummary } from '@/components/form/error-summary'
import { serverFormErrors } from '@/components/form/form-wide-errors'
import { TextField } from '@/components/form/text-field'
import { LOCALE_NATIVE_NAMES, LOCALES, type Locale } from '@/lib/domain/locales'
import { useT } from '@/lib/i18n/client'
import {
  LOOKUP_REASONS,
  type CallerView,
  type LookupReason,
} from '@/lib/schemas/call-centre/caller-lookup'
import type { FormState } from '@/lib/schemas/form-state'
import { CallerActions, type CallerActionState } from './caller-actions'
import { CallerViewPanel } from './caller-view'

export type CallerLookupState = FormState & { view?: CallerView; reason?: LookupReason }

type CallerAction = (state: CallerActionState, formData: FormData) => Promise<CallerActionState>

type Props = {
  locale: Locale
  speak: Locale
  action: (state: CallerLookupState, formData: FormData) => Promise<CallerLookupState>
  resend: CallerAction
  changeLink: CallerAction
}

const FIELDS = ['reference', 'dateOfBirth', 'passportLastFour', 'reason', 'speak'] as const

/** The agent's check of the caller, with the masked view above it once it matches. */
export function CallerLookupForm({ locale, speak, action, resend, changeLink }: Props) {
  const t = useT(['callcentre', 'validation'])
  const [state, formAction, pending] = useActionState(action, {})
  const { fieldError, errors } = serverFormErrors(state, FIELDS, t)
  const values = state.values as Record<string, string> | undefined
  const reasonError = fieldError('reason')
  return (
    <>
      {state.view ? <CallerViewPanel view={state.view} locale={locale} /> : null}
      {state.view && state.reason ? (
        // Keyed by the lookup, so a new verification starts the buttons afresh.
        <CallerActions
          key={`${state.view.reference}-${state.reason}`}
          reference={state.view.reference}
          reason={state.reason}
          hasAppointment={state.view.appointment !== null}
          resend={resend}
          changeLink={changeLink}
        />
      ) : null}
      <ErrorSummary errors={errors} />
      <form action={formAction} noValidate>
        <TextField
          id="reference"
          name="reference"
          label={t('fields.reference')}
          error={fieldError('reference')}
          defaultValue={values?.reference ?? ''}
          dir="ltr"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
        />
        <DateField
          id="dateOfBirth"
          label={t('fields.dateOfBirth')}
          hint={t('fields.dateOfBirthHint')}
          error={fieldError('dateOfBirth')}
          value={{
            day: values?.['dateOfBirth-day'] ?? '',
            month: values?.['dateOfBirth-month'] ?? '',
            year: values?.['dateOfBirth-year'] ?? '',
          }}
        />
        <TextField
          id="passportLastFour"
          name="passportLastFour"
          label={t('fields.passportLastFour')}
          hint={t('fields.passportLastFourHint')}
          error={fieldError('passportLastFour')}
          defaultValue={values?.passportLastFour ?? ''}
          dir="ltr"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
        />
        <div className={`form-group${reasonError ? ' form-group--error' : ''}`}>
          <label htmlFor="reason">{t('fields.reason')}</label>
          {reasonError ? (
            <p className="error-message" id="reason-error">
              {reasonError}
            </p>
          ) : null}
          <select
            id="reason"
            name="reason"
            className="select"
            defaultValue={values?.reason ?? ''}
            aria-describedby={reasonError ? 'reason-error' : undefined}
          >
            <option value="">{t('fields.reasonChoose')}</option>
            {LOOKUP_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reasons.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label htmlFor="speak">{t('fields.speak')}</label>
          <p className="hint" id="speak-hint">
            {t('fields.speakHint')}
          </p>
          <select
            id="speak"
            name="speak"
            className="select"
            defaultValue={values?.speak ?? speak}
            aria-describedby="speak-hint"
          >
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {LOCALE_NATIVE_NAMES[l]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button" disabled={pending}>
          {t('submit')}
        </button>
      </form>
    </>
  )
}
