// GET /api/v1/openapi.json – the OpenAPI 3.1 description of /api/v1, generated from the zod
// schemas the handlers parse with. Public: it describes the API, it holds no data.
import type { NextRequest } from 'next/server'
import { openApiDocument } from '@/lib/server/api/openapi'
import { apiJson, handleApi } from '@/lib/server/api/respond'

export function GET(request: NextRequest): Promise<Response> {
  return handleApi(
    request,
    async () => apiJson(openApiDocument(), 200, { 'cache-control': 'public, max-age=300' }),
    { isPublic: true },
  )
}
