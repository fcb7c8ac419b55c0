// GET /api/v1/applications/{id} – one of the caller's applications; anyone else's is a 404.
import { z } from 'zod'
import { applicationDetailDto } from '@/lib/server/api/dto'
import { apiJson } from '@/lib/server/api/respond'
import { getMyApplication } from '@/lib/server/applications/my-application'
import { apiRoute } from '@/lib/server/entry/api-route'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({
  params: z.object({ id: z.string().max(64) }),
  run: ({ params }) => getMyApplication(params.id),
  respond: (application) => apiJson(applicationDetailDto(application)),
})
