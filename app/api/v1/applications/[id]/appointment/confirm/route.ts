// POST /api/v1/applications/{id}/appointment/confirm – turn the held place into the appointment (e-mail with a calendar file).
// Needs an Idempotency-Key header.
import { emptyBodySchema } from '@/lib/schemas/api/appointments'
import { bookingRoute } from '@/lib/server/api/appointment-routes'
import { confirmAppointment } from '@/lib/server/appointments/hold-appointment'

export const dynamic = 'force-dynamic'

export const POST = bookingRoute(emptyBodySchema, (input) => confirmAppointment(input))
