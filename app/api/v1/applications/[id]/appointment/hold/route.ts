// POST /api/v1/applications/{id}/appointment/hold – keep a place for a few minutes while
// the applicant confirms. Needs an Idempotency-Key header.
import { slotChoiceSchema } from '@/lib/schemas/api/appointments'
import { bookingRoute } from '@/lib/server/api/appointment-routes'
import { holdAppointment } from '@/lib/server/appointments/hold-appointment'

export const dynamic = 'force-dynamic'

export const POST = bookingRoute(slotChoiceSchema, (input, body) =>
  holdAppointment({ ...input, slotId: body.slotId }),
)
