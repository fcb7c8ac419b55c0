// POST /api/v1/applications/{id}/submit – send the caller's draft. The Idempotency-Key header
// (a UUID) makes a retried request give the first answer instead of acting twice.
import type { NextRequest } from 'next/server'
import {
  IDEMPOTENCY_KEY_HEADER,
  submitHeadersSchema,
  submitRequestSchema,
} from '@/lib/schemas/api/requests'
import { parseInput, submitRefusal } from '@/lib/server/api/errors'
import { mutationBody } from '@/lib/server/api/request-guard'
import { apiJson, handleApi } from '@/lib/server/api/respond'
import { submitApplication } from '@/lib/server/applications/submit-application'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export function POST(request: NextRequest, { params }: Context): Promise<Response> {
  return handleApi(request, async (locale) => {
    parseInput(submitRequestSchema, (await mutationBody(request)) ?? {})
    const headers = parseInput(submitHeadersSchema, {
      [IDEMPOTENCY_KEY_HEADER]: request.headers.get(IDEMPOTENCY_KEY_HEADER) ?? undefined,
    })
    const { id } = await params
    const result = await submitApplication(id, headers[IDEMPOTENCY_KEY_HEADER], locale)
    if (!result.ok) throw submitRefusal(result.reason)
    return apiJson({ id: result.id, reference: result.reference })
  })
}
