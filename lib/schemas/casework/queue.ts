import { z } from 'zod'
import { APPLICATION_KINDS, CASEWORK_STATUSES } from '@/lib/domain/application-status'
import { PERMIT_TYPE_CODES } from '@/lib/domain/permits/permit-types'
import { isoDate } from '../fields'

// The work queue's filters, shared by the page (from the URL), the staff JSON endpoint and the
// client component, so the three always mean the same thing.

export const QUEUE_SORTS = ['submitted', 'deadline'] as const
export const ASSIGNMENT_FILTERS = ['any', 'me', 'unassigned', 'others'] as const
export const QUEUE_PAGE_SIZE = 25

// An empty box in a GET form means "no filter".
const blankToUndefined = (value: unknown) => (value === '' ? undefined : value)
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blankToUndefined, schema.optional())

export const queueQuerySchema = z.strictObject({
  status: optional(z.enum(CASEWORK_STATUSES, { error: 'casework:queue.errors.status' })),
  kind: optional(z.enum(APPLICATION_KINDS, { error: 'casework:queue.errors.kind' })),
  permitType: optional(z.enum(PERMIT_TYPE_CODES, { error: 'casework:queue.errors.permitType' })),
  nationality: optional(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { error: 'casework:queue.errors.nationality' }),
  ),
  submittedFrom: optional(isoDate),
  submittedTo: optional(isoDate),
  assigned: z.preprocess(blankToUndefined, z.enum(ASSIGNMENT_FILTERS).default('any')),
  overdue: optional(z.enum(['1'], { error: 'casework:queue.errors.overdue' })),
  sort: z.preprocess(blankToUndefined, z.enum(QUEUE_SORTS).default('submitted')),
  cursor: optional(
    z
      .string()
      .max(200)
      .regex(/^[\w-]+$/, { error: 'casework:queue.errors.cursor' }),
  ),
})
export type QueueQuery = z.output<typeof queueQuerySchema>
export type QueueQueryInput = z.input<typeof queueQuerySchema>

export const DEFAULT_QUEUE_QUERY: QueueQuery = { assigned: 'any', sort: 'submitted' }

/** The query as URL parameters, without defaults or blanks, for links and the JSON endpoint. */
export function queueQueryToParams(query: Partial<QueueQuery>): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue
    if ((key === 'assigned' && value === 'any') || (key === 'sort' && value === 'submitted'))
      continue
    params.set(key, String(value))
  }
  return params
}
