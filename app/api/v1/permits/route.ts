// GET /api/v1/permits – the residence permits the caller holds (for extensions and transitions).
import type { NextRequest } from 'next/server'
import { permitDto } from '@/lib/server/api/dto'
import { apiJson, handleApi } from '@/lib/server/api/respond'
import { listMyPermits } from '@/lib/server/applications/start-application'

export const dynamic = 'force-dynamic'

export function GET(request: NextRequest): Promise<Response> {
  return handleApi(request, async () => {
    const permits = await listMyPermits()
    return apiJson({ permits: permits.map(permitDto) })
  })
}
