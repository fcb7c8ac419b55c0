import 'server-only'
import { z } from 'zod'
import {
  callerActionResultSchema,
  callerActionSchema,
} from '@/lib/schemas/call-centre/caller-action'
import { callerLookupSchema, callerViewSchema } from '@/lib/schemas/call-centre/caller-lookup'
import { AGENT_LOOKUP_LIMIT } from '../call-centre/look-up-caller'
import { RESEND_LIMIT } from '../call-centre/resend-last-notification'
import { CHANGE_LINK_LIMIT } from '../call-centre/send-change-link'
import { RECENT_LOOKUP_MINUTES } from '../call-centre/verified-caller'

// The call-centre lookup for openapi.ts: staff with the status.lookup permission only.

type Json = Record<string, unknown>

const ref = (kind: 'schemas' | 'parameters' | 'responses', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
})
const errors = (...names: string[]) =>
  Object.fromEntries(names.map((n) => [n, ref('responses', n)]))

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out: Json = { ...z.toJSONSchema(schema, { io }) }
  delete out.$schema
  return out
}

export const CALL_CENTRE_PATHS = {
  '/staff/status-lookups': {
    post: {
      operationId: 'lookUpCaller',
      summary: 'A call-centre agent verifies a caller and reads the masked view',
      description: [
        'For call-centre agents (permission status.lookup); other staff get 403, applicants 404.',
        'Send the reference number, the date of birth, the last four characters of the passport',
        'number and a reason code. All three must match; an unknown reference and wrong details get',
        'the same 404. The answer never holds the passport number, address, photo, documents, full',
        'name or full birth date. `speak` chooses the language of the status words to read out.',
        `Every lookup is audited with its reason. Limit: ${AGENT_LOOKUP_LIMIT.limit} lookups per hour`,
        'per agent; past it, 429 with Retry-After.',
      ].join(' '),
      security: [{ staffSession: [] }, { sessionBearer: [] }],
      parameters: [ref('parameters', 'AcceptLanguage')],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: ref('schemas', 'CallerLookupRequest') } },
      },
      responses: {
        '200': {
          description: 'The caller is verified: the masked view',
          content: { 'application/json': { schema: ref('schemas', 'CallerView') } },
        },
        ...errors('400', '401', '403'),
        '404': {
          description:
            'not_found: no sent application matches all three details (the same answer for an unknown reference)',
          content: { 'application/json': { schema: ref('schemas', 'ApiError') } },
        },
        ...errors('413', '415', '429', '500'),
      },
    },
  },
}

const errorBody = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('schemas', 'ApiError') } },
})

/** The two actions for a verified caller share their rules, input and answers. */
function callerAction(operationId: string, summary: string, what: string, limit: number): Json {
  return {
    post: {
      operationId,
      summary,
      description: [
        `${what} For call-centre agents (permission status.lookup); other staff get 403,`,
        'applicants 404. Send the reference and the reason code of the lookup that verified the',
        `caller: it must be a successful lookup by the same agent, with the same reason, in the`,
        `last ${RECENT_LOOKUP_MINUTES} minutes, or the answer is 422 verify_again (the same for an`,
        'unknown reference). Messages go only to the address and mobile number the applicant',
        'stored; the answer says which channels, never the address. Audited with the reason.',
        `Limit: ${limit} per application per day; past it, 429 with Retry-After.`,
      ].join(' '),
      security: [{ staffSession: [] }, { sessionBearer: [] }],
      parameters: [ref('parameters', 'AcceptLanguage')],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: ref('schemas', 'CallerActionRequest') } },
      },
      responses: {
        '202': {
          description: 'Queued',
          content: { 'application/json': { schema: ref('schemas', 'CallerActionResult') } },
        },
        ...errors('400', '401', '403', '404'),
        '409': errorBody(
          'nothing_to_resend or no_appointment: there is nothing of that kind to send',
        ),
        '422': errorBody(
          'verify_again: this agent did not verify this caller recently with this reason; no_contact',
        ),
        ...errors('413', '415', '429', '500'),
      },
    },
  }
}

export const CALL_CENTRE_ACTION_PATHS = {
  '/staff/call-centre/resends': callerAction(
    'resendLastNotification',
    'A call-centre agent sends the verified caller’s last message again',
    'Queues the latest e-mail (and text message, when SMS is configured) about the application once more; never a sign-in code.',
    RESEND_LIMIT.limit,
  ),
  '/staff/call-centre/change-links': callerAction(
    'sendAppointmentChangeLink',
    'A call-centre agent sends the verified caller a link to change their appointment',
    'Queues a message with the link to the applicant’s own appointment page (no sign-in token in it), when the application has a confirmed appointment.',
    CHANGE_LINK_LIMIT.limit,
  ),
}

export function callCentreSchemas(): Json {
  return {
    CallerActionRequest: jsonSchema(callerActionSchema, 'input'),
    CallerActionResult: jsonSchema(callerActionResultSchema, 'output'),
    CallerLookupRequest: jsonSchema(callerLookupSchema, 'input'),
    CallerView: jsonSchema(callerViewSchema, 'output'),
  }
}
