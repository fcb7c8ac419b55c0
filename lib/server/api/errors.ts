import 'server-only'
import type { z } from 'zod'

type ErrorOptions = {
  /** Values for the message, e.g. `{ date }` for "you can apply from {{date}}". */
  values?: Record<string, string>
  /** Field name → i18n key of the problem with that field. */
  fields?: Record<string, string>
  /** Machine-readable values behind the reason, returned as they are. */
  details?: Record<string, string>
  headers?: Record<string, string>
}

/**
 * A refusal the API answers as `{ error: { code, message, fields? } }`. The message is an i18n
 * key (or keys to try in order), translated once the language of the request is known.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: string | string[],
    readonly options: ErrorOptions = {},
  ) {
    super(code)
  }
}

/** zod issues to field → i18n key; unknown fields are named one by one. */
export function apiFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out[[...issue.path, key].join('.')] ??= 'api:fields.unknown'
      continue
    }
    const field = issue.path.map(String).join('.')
    if (!field) out._body ??= 'api:fields.body'
    else out[field] ??= issue.message.includes(':') ? issue.message : 'api:fields.invalid'
  }
  return out
}

export function invalidInput(error: z.ZodError): ApiError {
  return new ApiError(400, 'invalid_input', 'api:errors.invalid_input', {
    fields: apiFieldErrors(error),
  })
}

/** Parses with a strict schema; anything else is a 400 naming each wrong field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw invalidInput(parsed.error)
  return parsed.data
}

/** A draft could not start: the eligibility rules said no (legal_stay_ended, …). */
export function startRefusal(reason: string, details?: Record<string, string>): ApiError {
  return new ApiError(422, reason, [`application:stop.reasons.${reason}`, 'api:errors.refused'], {
    values: details,
    details,
  })
}

/**
 * A submission was refused: 409 when it was already sent, 422 for a rule; `messageKey` names
 * a law rule whose message is not one of the submit errors (issue 12).
 */
export function submitRefusal(reason: string, messageKey?: string): ApiError {
  if (reason === 'already_submitted')
    return new ApiError(409, reason, 'application:submitErrors.already_submitted')
  if (reason === 'key_reused') return new ApiError(422, reason, 'api:errors.key_reused')
  return new ApiError(422, reason, [
    ...(messageKey ? [messageKey] : []),
    `application:submitErrors.${reason}`,
    'api:errors.refused',
  ])
}

export const notEditable = () => new ApiError(409, 'not_editable', 'application:errors.notEditable')
