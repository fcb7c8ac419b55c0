import 'server-only'
import { z } from 'zod'
import { permitClaimedSchema, permitListSchema } from '@/lib/schemas/api/responses'
import { permitClaimSchema } from '@/lib/schemas/permits/claim'
import { CLAIM_TRIES_PER_DAY } from '../permits/claim-permit'

// The permit operations of /api/v1, for openapi.ts: the permits I hold, and claiming one that
// was issued before I had an account.

type Json = Record<string, unknown>

const ref = (kind: 'schemas' | 'parameters' | 'responses', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
})
const errors = (...names: string[]) =>
  Object.fromEntries(names.map((n) => [n, ref('responses', n)]))
const json = (schema: Json) => ({ 'application/json': { schema } })
const errorResponse = (description: string) => ({
  description,
  content: json(ref('schemas', 'ApiError')),
})

export const PERMIT_PATHS = {
  '/permits': {
    get: {
      operationId: 'listMyPermits',
      summary: 'The residence permits I hold',
      description:
        'Latest expiry first, with where the card is and whether an extension or a change of type can be started today (Türkiye’s calendar day).',
      parameters: [ref('parameters', 'AcceptLanguage')],
      responses: {
        '200': { description: 'The permits', content: json(ref('schemas', 'PermitList')) },
        ...errors('401', '500'),
      },
    },
  },
  '/permit-claims': {
    post: {
      operationId: 'claimPermit',
      summary: 'Add a permit issued before I had an account',
      description: `The foreigner identity number, the serial printed on the card and the date of birth must all match one permit that no other account holds. Arabic-Indic and Persian digits are accepted. ${CLAIM_TRIES_PER_DAY} tries a day per account, and per number and serial tried.`,
      parameters: [ref('parameters', 'AcceptLanguage')],
      requestBody: { required: true, content: json(ref('schemas', 'PermitClaimRequest')) },
      responses: {
        '200': {
          description: 'The permit is mine now',
          content: json(ref('schemas', 'PermitClaimed')),
        },
        ...errors('400', '401', '403', '404', '413', '415'),
        '422': errorResponse(
          'claim_not_matched: no unclaimed permit matches all three (the same answer whether the permit exists or not)',
        ),
        ...errors('429', '500'),
      },
    },
  },
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out: Json = { ...z.toJSONSchema(schema, { io }) }
  delete out.$schema
  return out
}

export function permitSchemas(): Record<string, Json> {
  return {
    PermitList: jsonSchema(permitListSchema, 'output'),
    PermitClaimed: jsonSchema(permitClaimedSchema, 'output'),
    PermitClaimRequest: jsonSchema(permitClaimSchema, 'input'),
  }
}
