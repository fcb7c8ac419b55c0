import 'server-only'
import { z } from 'zod'
import { appointmentSchema, freeDaysSchema, slotChoiceSchema } from '@/lib/schemas/api/appointments'

// The appointment operations of /api/v1, for openapi.ts. Booking is two steps: hold a place
// (kept for a few minutes), then confirm; reschedule and cancel act on the confirmed one.

type Json = Record<string, unknown>

const schema = (s: z.ZodType, io: 'input' | 'output'): Json => {
  const out: Json = { ...z.toJSONSchema(s, { io }) }
  delete out.$schema
  return out
}
const ref = (kind: 'schemas' | 'parameters' | 'responses', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
})
const json = (s: Json) => ({ 'application/json': { schema: s } })
const errors = (...names: string[]) =>
  Object.fromEntries(names.map((n) => [n, ref('responses', n)]))
const common = [ref('parameters', 'ApplicationId'), ref('parameters', 'AcceptLanguage')]
const appointmentAnswer = (description: string) => ({
  description,
  content: json(ref('schemas', 'AppointmentAnswer')),
})

function change(operationId: string, summary: string, description: string, withSlot: boolean) {
  return {
    post: {
      operationId,
      summary,
      description: `${description} Needs an Idempotency-Key; the same key gives the same answer.`,
      parameters: [...common, ref('parameters', 'IdempotencyKey')],
      requestBody: {
        required: withSlot,
        content: json(
          withSlot ? ref('schemas', 'SlotChoice') : { type: 'object', additionalProperties: false },
        ),
      },
      responses: {
        '200': appointmentAnswer('The appointment after the change'),
        ...errors('400', '401', '403', '404'),
        '409': ref('responses', 'BookingConflict'),
        '422': ref('responses', 'BookingRefused'),
        ...errors('429', '500'),
        '503': ref('responses', 'DatabaseUnavailable'),
      },
    },
  }
}

export const APPOINTMENT_PATHS = {
  '/applications/{id}/appointment': {
    get: {
      operationId: 'getMyAppointment',
      summary: 'The held or booked appointment of my application',
      parameters: common,
      responses: {
        '200': appointmentAnswer('The appointment'),
        ...errors('401'),
        '404': ref('responses', 'NoAppointment'),
        ...errors('500'),
      },
    },
  },
  '/applications/{id}/appointment/slots': {
    get: {
      operationId: 'listFreeSlots',
      summary: 'Free times at my directorate, up to a week of days with places',
      parameters: [
        ...common,
        {
          name: 'from',
          in: 'query',
          required: false,
          description: 'First day to show (YYYY-MM-DD, Türkiye time)',
          schema: { type: 'string', format: 'date' },
        },
      ],
      responses: {
        '200': { description: 'Days and times', content: json(ref('schemas', 'FreeDays')) },
        ...errors('400', '401', '404', '500'),
      },
    },
  },
  '/applications/{id}/appointment/hold': change(
    'holdSlot',
    'Keep a place in a slot while I confirm',
    'Only for an application waiting for an appointment, at its own directorate.',
    true,
  ),
  '/applications/{id}/appointment/confirm': change(
    'confirmAppointment',
    'Turn my held place into the appointment',
    'Sends the confirmation e-mail with a calendar file.',
    false,
  ),
  '/applications/{id}/appointment/reschedule': change(
    'rescheduleAppointment',
    'Move my appointment to another slot',
    'The new place is taken and the old one released in one step, or nothing changes.',
    true,
  ),
  '/applications/{id}/appointment/cancel': change(
    'cancelAppointment',
    'Cancel my appointment',
    'Inside the no-change window this counts as a late cancellation.',
    false,
  ),
  '/applications/{id}/appointment/calendar': {
    get: {
      operationId: 'getAppointmentCalendarFile',
      summary: 'My booked appointment as an iCalendar (.ics) file',
      parameters: common,
      responses: {
        '200': {
          description: 'The calendar file, as an attachment',
          content: { 'text/calendar': { schema: { type: 'string' } } },
        },
        ...errors('401'),
        '404': ref('responses', 'NoAppointment'),
        ...errors('500'),
      },
    },
  },
}

export const APPOINTMENT_SCHEMAS = {
  SlotChoice: schema(slotChoiceSchema, 'input'),
  AppointmentAnswer: schema(z.strictObject({ appointment: appointmentSchema }), 'output'),
  FreeDays: schema(freeDaysSchema, 'output'),
}

const errorResponse = (description: string) => ({
  description,
  content: json(ref('schemas', 'ApiError')),
})

export const APPOINTMENT_RESPONSES = {
  NoAppointment: errorResponse(
    'not_found: there is no such application of yours; no_appointment: it has no held or booked appointment',
  ),
  BookingConflict: errorResponse(
    'slot_full, already_booked, hold_expired, same_slot or busy: the state of things says no; choose again or retry',
  ),
  BookingRefused: errorResponse(
    'A booking rule says no: not_awaiting_appointment, assigned_directorate, booking_restricted, slot_not_offered, slot_closed, slot_in_draw, slot_in_past, no_active_appointment, appointment_passed, too_close_to_change, too_many_reschedules, key_reused',
  ),
  DatabaseUnavailable: {
    ...errorResponse(
      'unavailable: the database cannot be reached for a moment; send the same request again, with the same Idempotency-Key',
    ),
    headers: {
      'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
    },
  },
  '429': {
    ...errorResponse('rate_limited: too many tries from this application or address'),
    headers: {
      'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
    },
  },
}
