import 'server-only'
import { z } from 'zod'
import { callerLookupSchema, callerViewSchema } from '@/lib/schemas/call-centre/caller-lookup'
import { AGENT_LOOKUP_LIMIT } from '../call-centre/look-up-caller'

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

export function callCentreSchemas(): Json {
  return {
    CallerLookupRequest: jsonSchema(callerLookupSchema, 'input'),
    CallerView: jsonSchema(callerViewSchema, 'output'),
  }
}
