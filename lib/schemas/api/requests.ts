import { z } from 'zod'
import {
  extensionEligibilitySchema,
  firstApplicationEligibilitySchema,
  transitionEligibilitySchema,
} from '../application/eligibility'
import { SECTION_KEYS, SECTION_SCHEMAS, type SectionKey } from '../application/sections'

// What the JSON API (/api/v1) accepts. The answers themselves are checked by the same strict
// schemas as the forms; these only add the envelope around them.

/** Largest JSON body the API reads; anything bigger is refused before it is parsed. */
export const MAX_JSON_BODY_BYTES = 64 * 1024

/** POST /applications: the kind of application and its eligibility answers, in one object. */
export const startApplicationRequestSchema = z.discriminatedUnion(
  'kind',
  [
    firstApplicationEligibilitySchema.extend({ kind: z.literal('first') }),
    extensionEligibilitySchema.extend({ kind: z.literal('extension') }),
    transitionEligibilitySchema.extend({ kind: z.literal('transition') }),
  ],
  { error: 'api:fields.kind' },
)
export type StartApplicationRequest = z.infer<typeof startApplicationRequestSchema>

export const sectionParamSchema = z.enum(SECTION_KEYS)

/**
 * PUT /applications/{id}/sections/{section}: the section's own fields, each a string as a form
 * would send it (dates as YYYY-MM-DD). Unknown fields are refused; the values are checked by
 * the section schema when they are saved.
 */
export function sectionRequestSchema(section: SectionKey) {
  const fields = Object.keys(SECTION_SCHEMAS[section].shape)
  return z.strictObject(
    Object.fromEntries(
      fields.map((field) => [
        field,
        z
          .string({ error: 'api:fields.string' })
          .max(1000, { error: 'validation:tooLong' })
          .optional(),
      ]),
    ),
  )
}

/** `?partial=true` keeps the valid answers and drops the others, like "save and come back later". */
export const saveSectionQuerySchema = z.strictObject({
  partial: z.enum(['true', 'false'], { error: 'api:fields.partial' }).optional(),
})

/** POST /applications/{id}/submit takes no body (or `{}`); the key travels in a header. */
export const submitRequestSchema = z.strictObject({})

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key'
export const idempotencyKeySchema = z.uuid({ error: 'api:fields.idempotencyKey' })
export const submitHeadersSchema = z.object({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKeySchema })
