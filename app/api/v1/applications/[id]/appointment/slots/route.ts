// GET /api/v1/applications/{id}/appointment/slots?from=YYYY-MM-DD – days and times with a free
// place at the application's directorate, in Türkiye time.
import type { NextRequest } from 'next/server'
import { freeSlotsQuerySchema } from '@/lib/schemas/api/appointments'
import { parseInput } from '@/lib/server/api/errors'
import { apiJson, handleApi } from '@/lib/server/api/respond'
import { findFreeSlots } from '@/lib/server/appointments/availability'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export function GET(request: NextRequest, { params }: Context): Promise<Response> {
  return handleApi(request, async () => {
    const query = parseInput(
      freeSlotsQuerySchema,
      Object.fromEntries(request.nextUrl.searchParams.entries()),
    )
    const { id } = await params
    return apiJson({ timeZone: 'Europe/Istanbul', days: await findFreeSlots(id, query.from) })
  })
}
