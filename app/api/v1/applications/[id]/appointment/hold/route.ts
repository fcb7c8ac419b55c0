// POST /api/v1/applications/{id}/appointment/hold – keep a place for a few minutes while
// the applicant confirms. Needs an Idempotency-Key header.
import type { NextRequest } from 'next/server'
import { slotChoiceSchema } from '@/lib/schemas/api/appointments'
import { bookingRoute } from '@/lib/server/api/appointment-routes'
import { parseInput } from '@/lib/server/api/errors'
import { mutationBody } from '@/lib/server/api/request-guard'
import { holdAppointment } from '@/lib/server/appointments/hold-appointment'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export function POST(request: NextRequest, { params }: Context): Promise<Response> {
  return bookingRoute(
    request,
    params,
    async () => parseInput(slotChoiceSchema, (await mutationBody(request)) ?? {}),
    (input, body) => holdAppointment({ ...input, slotId: body.slotId }),
  )
}
