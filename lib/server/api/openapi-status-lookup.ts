import 'server-only'
import { z } from 'zod'
import { statusLookupAnswerSchema, statusLookupSchema } from '@/lib/schemas/status-lookup'
import { ADDRESS_LIMIT, REFERENCE_FAILURE_LIMIT } from '../applications/status-lookup-statement'

// The public status lookup for openapi.ts: no session, and an unknown reference answers
// exactly like wrong details.

type Json = Record<string, unknown>

const ref = (kind: 'schemas' | 'parameters' | 'responses', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
})
const errorBody = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('schemas', 'ApiError') } },
})

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out: Json = { ...z.toJSONSchema(schema, { io }) }
  delete out.$schema
  return out
}

export const STATUS_LOOKUP_PATHS = {
  '/status-lookups': {
    post: {
      operationId: 'lookUpApplicationStatus',
      summary: 'Where an application stands, without signing in',
      description: [
        'Send the reference number, the date of birth and one document: the passport number or',
        'the foreigner identity number (not both). Digits may be Arabic-Indic or Persian; the',
        'reference may be lower case and without dashes. The answer is the coarse status only.',
        'An unknown reference and wrong details get the same 404. Limits: ',
        `${ADDRESS_LIMIT.limit} tries per ${ADDRESS_LIMIT.windowSeconds / 60} minutes per client address, and`,
        `${REFERENCE_FAILURE_LIMIT.limit} failed tries per ${REFERENCE_FAILURE_LIMIT.windowSeconds / 60} minutes per reference`,
        '(right answers do not count); past either, 429 with Retry-After.',
      ].join(' '),
      security: [],
      parameters: [ref('parameters', 'AcceptLanguage')],
      requestBody: {
        required: true,
        content: { 'application/json': { schema: ref('schemas', 'StatusLookupRequest') } },
      },
      responses: {
        '200': {
          description: 'The application was found and the details match',
          content: { 'application/json': { schema: ref('schemas', 'StatusLookupAnswer') } },
        },
        '400': ref('responses', '400'),
        '403': ref('responses', '403'),
        '404': errorBody(
          'not_found: no sent application has this reference with these details (the same answer for an unknown reference)',
        ),
        '413': ref('responses', '413'),
        '415': ref('responses', '415'),
        '429': ref('responses', '429'),
        '500': ref('responses', '500'),
      },
    },
  },
}

export function statusLookupSchemas(): Json {
  return {
    StatusLookupRequest: jsonSchema(statusLookupSchema, 'input'),
    StatusLookupAnswer: jsonSchema(statusLookupAnswerSchema, 'output'),
  }
}
