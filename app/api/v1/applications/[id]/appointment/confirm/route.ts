// POST /api/v1/applications/{id}/appointment/confirm – turn the held place into the appointment (e-mail with a calendar file).
// Needs an Idempotency-Key header.
import type { NextRequest } from 'next/server'
import { emptyBodySchema } from '@/lib/schemas/api/appointments'
import { bookingRoute } from '@/lib/server/api/appointment-routes'
import { parseInput } from '@/lib/server/api/errors'
import { mutationBody } from '@/lib/server/api/request-guard'
import { confirmAppointment } from '@/lib/server/appointments/hold-appointment'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export function POST(request: NextRequest, { params }: Context): Promise<Response> {
  return bookingRoute(
    request,
    params,
    async () => parseInput(emptyBodySchema, (await mutationBody(request)) ?? {}),
    (input) => confirmAppointment(input),
  )
}
