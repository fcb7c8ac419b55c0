// GET /api/v1/applications/{id}/appointment/calendar – the appointment as an .ics file.
import { z } from 'zod'
import { ApiError } from '@/lib/server/api/errors'
import { myAppointmentCalendar } from '@/lib/server/appointments/my-appointment'
import { apiRoute } from '@/lib/server/entry/api-route'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({
  params: z.object({ id: z.string().max(64) }),
  run: async ({ params, locale }) => {
    const file = await myAppointmentCalendar(params.id, locale)
    if (!file)
      throw new ApiError(404, 'no_appointment', 'appointments:errors.no_active_appointment')
    return file
  },
  respond: (file) =>
    new Response(file, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="appointment.ics"',
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    }),
})
