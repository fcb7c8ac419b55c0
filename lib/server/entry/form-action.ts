import 'server-only'
import { forbidden, notFound, redirect, unstable_rethrow } from 'next/navigation'
import { z } from 'zod'
import { LOCALES, type Locale } from '@/lib/domain/locales'
import { formatDate } from '@/lib/i18n/format-date'
import { paths } from '@/lib/paths'
import { fieldErrorsFrom, formDataToObject, type FormState } from '@/lib/schemas/form-state'
import { recordAccessRefusal } from '../access-refusals'
import { AccessDenied } from '../actor'
import { Refused, StaleVersion } from '../errors'
import { Busy } from '../idempotency'
import { DatabaseUnavailable, isConnectionLost } from '../transaction'
import { RateLimited } from '../rate-limit'

/** What every form is bound to: its language and the page to come back to after signing in. */
export const formContextSchema = z.object({
  locale: z.enum(LOCALES),
  returnTo: z.string().regex(/^\/[a-z]{2}(\/[\w\-./]*)?(\?[\w\-=&%.]*)?$/),
})
export type FormContext = z.infer<typeof formContextSchema>

type Spec<Ctx extends FormContext, Input, Result, State extends FormState> = {
  context: z.ZodType<Ctx>
  input: z.ZodType<Input>
  run: (input: Input, context: Ctx) => Promise<Result>
  /** Success: usually a redirect; or the state to show. */
  done: (result: Result, context: Ctx, input: Input) => State | Promise<State>
}

function signInPath(context: FormContext): string {
  const staff = context.returnTo.startsWith(`${paths.staffHome(context.locale)}`)
  const signIn = paths.signIn(context.locale as Locale, staff ? 'staff' : 'applicant')
  return `${signIn}?callbackUrl=${encodeURIComponent(context.returnTo)}`
}

/** Checkboxes sharing a name arrive as a list; everything else as its single string. */
function withRepeatedFields(formData: FormData, values: Record<string, string>) {
  const out: Record<string, string | string[]> = { ...values }
  for (const key of Object.keys(values)) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string')
    if (all.length > 1) out[key] = all
  }
  return out
}

/** Every refusal of the data-access layer as the form's message, the typed values kept. */
/** Dates in a message read in the person's language (one date format per locale). */
function localValues(values: Record<string, string>, locale: Locale): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, locale) : v,
    ]),
  )
}

function refusalState(error: unknown, locale: Locale): FormState | null {
  if (error instanceof RateLimited)
    return {
      formError: {
        key: error.messageKey,
        values: {
          seconds: error.retryAfterSeconds,
          hours: Math.ceil(error.retryAfterSeconds / 3600),
        },
      },
    }
  if (error instanceof Busy) return { formError: { key: 'common:errors.busy' } }
  if (error instanceof DatabaseUnavailable || isConnectionLost(error))
    return { formError: { key: 'common:errors.unavailable' } }
  if (error instanceof StaleVersion) return { formError: { key: 'common:errors.stale_version' } }
  if (error instanceof Refused)
    return { formError: { key: error.messageKey, values: localValues(error.values, locale) } }
  return null
}

/**
 * The one way a server action runs (ARCHITECTURE.md EP-01): parse the bound context and the
 * form with their zod schemas, run one data-access call, and map every domain error the same
 * way — signed out → sign-in and back, not yours → 404, no permission → 403, a limit, a busy
 * database, a stale version or a refusal → a translated message with the typed values kept.
 */
export async function runFormAction<
  Ctx extends FormContext,
  Input,
  Result,
  State extends FormState = FormState,
>(
  spec: Spec<Ctx, Input, Result, State>,
  rawContext: unknown,
  formData: FormData,
): Promise<State | FormState> {
  const context = spec.context.safeParse(rawContext)
  if (!context.success) return { formError: { key: 'validation:unexpected' } }
  const values = formDataToObject(formData)
  const input = spec.input.safeParse(withRepeatedFields(formData, values))
  if (!input.success) return { fieldErrors: fieldErrorsFrom(input.error), values }
  let result: Result
  try {
    result = await spec.run(input.data, context.data)
  } catch (error) {
    unstable_rethrow(error)
    if (error instanceof AccessDenied) {
      await recordAccessRefusal(error, context.data.returnTo)
      if (error.reason === 'unauthenticated') redirect(signInPath(context.data))
      if (error.reason === 'forbidden') forbidden()
      notFound()
    }
    const state = refusalState(error, context.data.locale)
    if (state) return { ...state, values }
    throw error
  }
  return spec.done(result, context.data, input.data)
}
