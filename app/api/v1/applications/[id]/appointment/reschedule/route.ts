// POST /api/v1/applications/{id}/appointment/reschedule – move the appointment to another
// slot: the new place is taken and the old one released, or nothing changes.
import { slotChoiceSchema } from '@/lib/schemas/api/appointments'
import { bookingRoute } from '@/lib/server/api/appointment-routes'
import { rescheduleAppointment } from '@/lib/server/appointments/change-appointment'

export const dynamic = 'force-dynamic'

export const POST = bookingRoute(slotChoiceSchema, (input, body) =>
  rescheduleAppointment({ ...input, slotId: body.slotId }),
)
