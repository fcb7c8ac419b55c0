// GET /api/v1/applications/{id} – one of the caller's applications; anyone else's is a 404.
import type { NextRequest } from 'next/server'
import { applicationDetailDto } from '@/lib/server/api/dto'
import { apiJson, handleApi } from '@/lib/server/api/respond'
import { getMyApplication } from '@/lib/server/applications/my-application'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export function GET(request: NextRequest, { params }: Context): Promise<Response> {
  return handleApi(request, async () => {
    const { id } = await params
    return apiJson(applicationDetailDto(await getMyApplication(id)))
  })
}
