// GET /api/v1/applications/{id}/appointment/calendar – the appointment as an .ics file.
import type { NextRequest } from 'next/server'
import { ApiError } from '@/lib/server/api/errors'
import { handleApi } from '@/lib/server/api/respond'
import { myAppointmentCalendar } from '@/lib/server/appointments/my-appointment'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export function GET(request: NextRequest, { params }: Context): Promise<Response> {
  return handleApi(request, async (locale) => {
    const { id } = await params
    const file = await myAppointmentCalendar(id, locale)
    if (!file)
      throw new ApiError(404, 'no_appointment', 'appointments:errors.no_active_appointment')
    return new Response(file, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="appointment.ics"',
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      },
    })
  })
}
