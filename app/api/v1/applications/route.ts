// GET /api/v1/applications – the caller's applications.
// POST /api/v1/applications – start a draft: { kind: first | extension | transition, …answers }.
import { startApplicationRequestSchema } from '@/lib/schemas/api/requests'
import { applicationSummaryDto } from '@/lib/server/api/dto'
import { startRefusal } from '@/lib/server/api/errors'
import { apiJson } from '@/lib/server/api/respond'
import { listMyApplications } from '@/lib/server/applications/my-applications'
import {
  startExtension,
  startFirstApplication,
  startTransition,
} from '@/lib/server/applications/start-application'
import { apiRoute } from '@/lib/server/entry/api-route'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({
  run: listMyApplications,
  respond: (rows) => apiJson({ applications: rows.map(applicationSummaryDto) }),
})

export const POST = apiRoute({
  input: startApplicationRequestSchema,
  run: async ({ input }) => {
    const result =
      input.kind === 'first'
        ? await startFirstApplication(input)
        : input.kind === 'extension'
          ? await startExtension(input)
          : await startTransition(input)
    if (!result.ok) throw startRefusal(result.reason, result.details)
    return result
  },
  respond: ({ id }) => apiJson({ id }, 201, { location: `/api/v1/applications/${id}` }),
})
