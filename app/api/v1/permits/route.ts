// GET /api/v1/permits – the residence permits the caller holds, with what each allows today.
import { permitDto } from '@/lib/server/api/dto'
import { apiJson } from '@/lib/server/api/respond'
import { apiRoute } from '@/lib/server/entry/api-route'
import { listMyPermits } from '@/lib/server/permits/list-my-permits'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({
  run: listMyPermits,
  respond: (permits) => apiJson({ permits: permits.map(permitDto) }),
})
