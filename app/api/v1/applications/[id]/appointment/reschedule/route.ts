// POST /api/v1/applications/{id}/appointment/reschedule – move the appointment to another
// slot: the new place is taken and the old one released, or nothing changes.
import type { NextRequest } from 'next/server'
import { slotChoiceSchema } from '@/lib/schemas/api/appointments'
import { bookingRoute } from '@/lib/server/api/appointment-routes'
import { parseInput } from '@/lib/server/api/errors'
import { mutationBody } from '@/lib/server/api/request-guard'
import { rescheduleAppointment } from '@/lib/server/appointments/change-appointment'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export function POST(request: NextRequest, { params }: Context): Promise<Response> {
  return bookingRoute(
    request,
    params,
    async () => parseInput(slotChoiceSchema, (await mutationBody(request)) ?? {}),
    (input, body) => rescheduleAppointment({ ...input, slotId: body.slotId }),
  )
}
