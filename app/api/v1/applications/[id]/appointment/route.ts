// GET /api/v1/applications/{id}/appointment – the application's appointment (held or
// confirmed), or 404 when it has none.
import { z } from 'zod'
import { ApiError } from '@/lib/server/api/errors'
import { findMyAppointment } from '@/lib/server/appointments/my-appointment'
import { apiRoute } from '@/lib/server/entry/api-route'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({
  params: z.object({ id: z.string().max(64) }),
  run: async ({ params }) => {
    const appointment = await findMyAppointment(params.id)
    if (!appointment)
      throw new ApiError(404, 'no_appointment', 'appointments:errors.no_active_appointment')
    return { appointment }
  },
})
