import type { z } from 'zod'

/** What a form action answers: i18n keys per field, an optional form-wide message, the values typed. */
export type FormState<Values extends Record<string, string> = Record<string, string>> = {
  fieldErrors?: Partial<Record<keyof Values & string, string>>
  formError?: { key: string; values?: Record<string, string | number> }
  values?: Partial<Values>
}

/** First message per field; keys we do not know become the form-wide "unexpected fields" error. */
export function fieldErrorsFrom(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    const field = issue.code === 'unrecognized_keys' ? '_form' : String(issue.path[0] ?? '_form')
    const message = issue.code === 'unrecognized_keys' ? 'validation:unexpected' : issue.message
    out[field] ??= message.includes(':') ? message : 'validation:required'
  }
  return out
}

/** FormData to a plain object of strings, dropping React's internal action fields. */
export function formDataToObject(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of formData.entries()) {
    if (key.startsWith('$ACTION')) continue
    if (typeof value === 'string') out[key] = value
  }
  return out
}
