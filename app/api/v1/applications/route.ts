// GET /api/v1/applications – the caller's applications.
// POST /api/v1/applications – start a draft: { kind: first | extension | transition, …answers }.
import type { NextRequest } from 'next/server'
import { startApplicationRequestSchema } from '@/lib/schemas/api/requests'
import { applicationSummaryDto } from '@/lib/server/api/dto'
import { parseInput, startRefusal } from '@/lib/server/api/errors'
import { mutationBody } from '@/lib/server/api/request-guard'
import { apiJson, handleApi } from '@/lib/server/api/respond'
import { listMyApplications } from '@/lib/server/applications/my-applications'
import {
  startExtension,
  startFirstApplication,
  startTransition,
} from '@/lib/server/applications/start-application'

export const dynamic = 'force-dynamic'

export function GET(request: NextRequest): Promise<Response> {
  return handleApi(request, async () => {
    const rows = await listMyApplications()
    return apiJson({ applications: rows.map(applicationSummaryDto) })
  })
}

export function POST(request: NextRequest): Promise<Response> {
  return handleApi(request, async () => {
    const input = parseInput(startApplicationRequestSchema, await mutationBody(request))
    const result =
      input.kind === 'first'
        ? await startFirstApplication(input)
        : input.kind === 'extension'
          ? await startExtension(input)
          : await startTransition(input)
    if (!result.ok) throw startRefusal(result.reason, result.details)
    return apiJson({ id: result.id }, 201, { location: `/api/v1/applications/${result.id}` })
  })
}
