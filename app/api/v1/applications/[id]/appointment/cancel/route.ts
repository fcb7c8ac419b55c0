// POST /api/v1/applications/{id}/appointment/cancel – cancel the appointment; the place returns to others after a short pause.
// Needs an Idempotency-Key header.
import { emptyBodySchema } from '@/lib/schemas/api/appointments'
import { bookingRoute } from '@/lib/server/api/appointment-routes'
import { cancelAppointment } from '@/lib/server/appointments/change-appointment'

export const dynamic = 'force-dynamic'

export const POST = bookingRoute(emptyBodySchema, (input) => cancelAppointment(input))
