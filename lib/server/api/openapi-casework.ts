import 'server-only'
import { z } from 'zod'
import { queuePageSchema } from '@/lib/schemas/api/casework'
import { queueQuerySchema } from '@/lib/schemas/casework/queue'
import { SESSION_COOKIE_NAME } from '../auth/auth'

// The staff operations of /api/v1, for openapi.ts. They need a signed-in staff account
// (`staffSession`); an applicant's session gets 404, a role without the permission 403, and a
// case of another directorate answers 404 like a missing one.

type Json = Record<string, unknown>

const ref = (kind: 'schemas' | 'parameters' | 'responses', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
})
const errors = (...names: string[]) =>
  Object.fromEntries(names.map((n) => [n, ref('responses', n)]))
const staffSecurity = [{ staffSession: [] }, { sessionBearer: [] }]

function queryParameters(): Json[] {
  const shape = z.toJSONSchema(queueQuerySchema, { io: 'input' }) as {
    properties: Record<string, Json>
  }
  return Object.entries(shape.properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema,
  }))
}

function pathId(name: string, description: string): Json {
  return {
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string', format: 'uuid' },
  }
}

export const CASEWORK_PATHS = {
  '/staff/cases': {
    get: {
      operationId: 'listQueueCases',
      summary: 'The work queue of my directorate',
      description:
        'Cases of the caller’s directorate (every directorate for a national admin), filtered, sorted by submission or deadline, 25 per page. Pass `nextCursor` back as `cursor` for the next page. `counts` gives the cases per status under the same filters.',
      security: staffSecurity,
      parameters: [...queryParameters(), ref('parameters', 'AcceptLanguage')],
      responses: {
        '200': {
          description: 'A page of the queue',
          content: { 'application/json': { schema: ref('schemas', 'QueuePage') } },
        },
        ...errors('400', '401', '403', '404', '500'),
      },
    },
  },
  '/staff/cases/{id}/documents/{documentId}': {
    get: {
      operationId: 'getCaseDocument',
      summary: 'A file of a case, to view',
      description: 'The bytes of an uploaded document, inline. Each view is audited.',
      security: staffSecurity,
      parameters: [
        pathId('id', 'The application'),
        pathId('documentId', 'The document'),
        ref('parameters', 'AcceptLanguage'),
      ],
      responses: {
        '200': {
          description: 'The file',
          content: {
            'image/jpeg': { schema: { type: 'string', format: 'binary' } },
            'application/pdf': { schema: { type: 'string', format: 'binary' } },
          },
        },
        ...errors('400', '401', '403', '404', '500'),
      },
    },
  },
}

export function caseworkSchemas(): Record<string, Json> {
  const out: Json = { ...z.toJSONSchema(queuePageSchema, { io: 'output' }) }
  delete out.$schema
  return { QueuePage: out }
}

export const CASEWORK_SECURITY_SCHEMES = {
  staffSession: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE_NAME,
    description: 'The session cookie of a signed-in staff account (staff sign-in page)',
  },
}
