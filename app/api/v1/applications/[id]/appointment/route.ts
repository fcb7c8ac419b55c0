// GET /api/v1/applications/{id}/appointment – the application's appointment (held or
// confirmed), or 404 when it has none.
import type { NextRequest } from 'next/server'
import { apiJson, handleApi } from '@/lib/server/api/respond'
import { ApiError } from '@/lib/server/api/errors'
import { findMyAppointment } from '@/lib/server/appointments/my-appointment'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export function GET(request: NextRequest, { params }: Context): Promise<Response> {
  return handleApi(request, async () => {
    const { id } = await params
    const appointment = await findMyAppointment(id)
    if (!appointment)
      throw new ApiError(404, 'no_appointment', 'appointments:errors.no_active_appointment')
    return apiJson({ appointment })
  })
}
