// POST /api/v1/applications/{id}/submit – send the caller's draft. The Idempotency-Key header
// (a UUID) makes a retried request give the first answer instead of acting twice.
import { z } from 'zod'
import {
  IDEMPOTENCY_KEY_HEADER,
  submitHeadersSchema,
  submitRequestSchema,
} from '@/lib/schemas/api/requests'
import { parseInput, submitRefusal } from '@/lib/server/api/errors'
import { submitApplication } from '@/lib/server/applications/submit-application'
import { apiRoute } from '@/lib/server/entry/api-route'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({
  params: z.object({ id: z.string().max(64) }),
  input: submitRequestSchema,
  run: async ({ params, request, locale }) => {
    const headers = parseInput(submitHeadersSchema, {
      [IDEMPOTENCY_KEY_HEADER]: request.headers.get(IDEMPOTENCY_KEY_HEADER) ?? undefined,
    })
    const result = await submitApplication(params.id, headers[IDEMPOTENCY_KEY_HEADER], locale)
    if (!result.ok) throw submitRefusal(result.reason, result.messageKey)
    return { id: result.id, reference: result.reference }
  },
})
