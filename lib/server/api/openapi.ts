import 'server-only'
import { z } from 'zod'
import { DOCUMENT_CODES } from '@/lib/domain/permits/documents'
import { REQUESTED_MONTHS_REASON_CODES } from '@/lib/domain/permits/permit-types'
import { TIMING_REASON_CODES } from '@/lib/domain/permits/timing'
import { LOCALES } from '@/lib/domain/locales'
import { UPLOAD_REFUSALS } from '@/lib/domain/uploads'
import {
  IDEMPOTENCY_KEY_HEADER,
  MAX_JSON_BODY_BYTES,
  startApplicationRequestSchema,
} from '@/lib/schemas/api/requests'
import {
  apiErrorSchema,
  applicationDetailSchema,
  applicationListSchema,
  applicationStartedSchema,
  applicationSubmittedSchema,
  sectionSavedSchema,
  uploadedDocumentSchema,
} from '@/lib/schemas/api/responses'
import { SECTION_KEYS, SECTION_SCHEMAS, type SectionKey } from '@/lib/schemas/application/sections'
import { SESSION_COOKIE_NAME } from '../auth/auth'
import {
  APPOINTMENT_PATHS,
  APPOINTMENT_RESPONSES,
  APPOINTMENT_SCHEMAS,
} from './openapi-appointments'
import { CASEWORK_PATHS, CASEWORK_SECURITY_SCHEMES, caseworkSchemas } from './openapi-casework'
import { PAYMENT_PATHS, paymentSchemas } from './openapi-payments'
import { PERMIT_PATHS, permitSchemas } from './openapi-permits'
import { STATUS_LOOKUP_PATHS, statusLookupSchemas } from './openapi-status-lookup'
import {
  CALL_CENTRE_ACTION_PATHS,
  CALL_CENTRE_PATHS,
  callCentreSchemas,
} from './openapi-call-centre'

// The OpenAPI 3.1 description of /api/v1, built from the same zod schemas the handlers parse
// with (zod 4's own JSON Schema output, which is the dialect OpenAPI 3.1 uses).

type Json = Record<string, unknown>

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out: Json = { ...z.toJSONSchema(schema, { io }) }
  delete out.$schema // the document's jsonSchemaDialect says it once
  return out
}

const SECTION_COMPONENT: Record<SectionKey, string> = {
  personal: 'PersonalSection',
  passport: 'PassportSection',
  permit: 'PermitSection',
  sponsor: 'SponsorSection',
  address: 'AddressSection',
  insurance: 'InsuranceSection',
}

const ref = (kind: 'schemas' | 'parameters' | 'responses', name: string) => ({
  $ref: `#/components/${kind}/${name}`,
})
const jsonContent = (schema: Json) => ({ 'application/json': { schema } })
const ok = (description: string, schema: string) => ({
  description,
  content: jsonContent(ref('schemas', schema)),
})
const errors = (...names: string[]) =>
  Object.fromEntries(names.map((n) => [n, ref('responses', n)]))
const errorResponse = (description: string) => ({
  description,
  content: jsonContent(ref('schemas', 'ApiError')),
})

// The files of a draft, as the document handlers (app/api/v1/applications/[id]/documents)
// answer them; their refusals use the same error body as every other route.
const fileContent = Object.fromEntries(
  ['application/pdf', 'image/jpeg', 'image/png'].map((type) => [
    type,
    { schema: { type: 'string', contentMediaType: type } },
  ]),
)
const DOCUMENT_PATHS = {
  '/applications/{id}/documents': {
    post: {
      operationId: 'uploadDocument',
      summary: 'Upload one file for one checklist item of my draft',
      description:
        'A multipart form with the field `file`, or the raw file as the body with its Content-Type.',
      parameters: [
        ref('parameters', 'ApplicationId'),
        {
          name: 'item',
          in: 'query',
          required: true,
          schema: { type: 'string', enum: [...DOCUMENT_CODES] },
        },
        {
          name: 'locale',
          in: 'query',
          required: false,
          schema: { type: 'string', enum: [...LOCALES] },
        },
      ],
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: {
                file: { type: 'string', contentMediaType: 'application/octet-stream' },
              },
              required: ['file'],
            },
          },
          ...fileContent,
        },
      },
      responses: {
        '201': ok('Stored', 'UploadedDocument'),
        '400': errorResponse('unknown_item: this document is not on the list of the application'),
        '401': errorResponse('unauthenticated'),
        '403': errorResponse('cross_site: the request came from another site with the cookie'),
        '404': errorResponse('not_found: there is no such application of yours'),
        '409': errorResponse('not_editable or too_many_files'),
        '413': errorResponse('too_large: the file is larger than this item takes'),
        '415': errorResponse('type_not_allowed or type_mismatch'),
        '422': errorResponse(
          `The file fails a check; the code says which: ${UPLOAD_REFUSALS.filter((r) => r !== 'scan_unavailable').join(', ')}`,
        ),
        '503': errorResponse(
          'scan_unavailable: the malware scanner did not answer; nothing was stored. Retry-After says when to try again',
        ),
      },
    },
  },
  '/applications/{id}/documents/{documentId}': {
    get: {
      operationId: 'downloadDocument',
      summary: 'Download one of my files',
      parameters: [ref('parameters', 'ApplicationId'), ref('parameters', 'DocumentId')],
      responses: {
        '200': { description: 'The file, as an attachment', content: fileContent },
        '401': errorResponse('unauthenticated'),
        '404': errorResponse('not_found: no such file in an application of yours'),
      },
    },
    delete: {
      operationId: 'deleteDocument',
      summary: 'Remove one of my files from my draft',
      parameters: [ref('parameters', 'ApplicationId'), ref('parameters', 'DocumentId')],
      responses: {
        '204': { description: 'Removed' },
        '401': errorResponse('unauthenticated'),
        '403': errorResponse('cross_site: the request came from another site with the cookie'),
        '404': errorResponse('not_found: no such file in an application of yours'),
        '409': errorResponse('not_editable: the application has been sent'),
      },
    },
  },
}

function buildDocument(): Json {
  const sectionSchemas = Object.fromEntries(
    SECTION_KEYS.map((key) => [SECTION_COMPONENT[key], jsonSchema(SECTION_SCHEMAS[key], 'input')]),
  )
  return {
    openapi: '3.1.1',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'İkamet residence-permit portal API',
      version: '1.0.0',
      description: [
        'Start, fill in and send residence-permit applications without the browser.',
        'Sign in through the portal; then send the session cookie, or the same session token as',
        '`Authorization: Bearer <token>`. Sessions end after 30 idle minutes or 12 hours.',
        'Requests that change something and carry the cookie must come from the portal itself',
        '(Origin / Sec-Fetch-Site); a bearer token is exempt. JSON bodies are limited to',
        `${MAX_JSON_BODY_BYTES / 1024} KB. Error messages follow Accept-Language (${LOCALES.join(', ')};`,
        'Turkish by default). Another applicant’s application answers 404, like a missing one.',
      ].join(' '),
    },
    servers: [{ url: '/api/v1' }],
    security: [{ sessionCookie: [] }, { sessionBearer: [] }],
    paths: {
      '/applications': {
        get: {
          operationId: 'listMyApplications',
          summary: 'My applications, newest change first',
          parameters: [ref('parameters', 'AcceptLanguage')],
          responses: {
            '200': ok('The applications', 'ApplicationList'),
            ...errors('401', '500'),
          },
        },
        post: {
          operationId: 'startApplication',
          summary: 'Start a draft: a first application, an extension or a transition',
          description:
            'The eligibility answers decide whether a draft may start; a refusal is 422 with the reason as code.',
          parameters: [ref('parameters', 'AcceptLanguage')],
          requestBody: {
            required: true,
            content: jsonContent(ref('schemas', 'StartApplicationRequest')),
          },
          responses: {
            '201': {
              ...ok('The draft was created', 'ApplicationStarted'),
              headers: {
                Location: {
                  description: 'Address of the new application',
                  schema: { type: 'string' },
                },
              },
            },
            ...errors('400', '401', '403', '404', '413', '415', '422', '500'),
          },
        },
      },
      '/applications/{id}': {
        get: {
          operationId: 'getMyApplication',
          summary: 'One of my applications, with its answers and task states',
          parameters: [ref('parameters', 'ApplicationId'), ref('parameters', 'AcceptLanguage')],
          responses: {
            '200': ok('The application', 'ApplicationDetail'),
            ...errors('401', '404', '500'),
          },
        },
      },
      '/applications/{id}/sections/{section}': {
        put: {
          operationId: 'saveSection',
          summary: 'Save one task of my draft',
          description:
            'The body holds the fields of the section named in the path, each a string as a form sends it; dates are YYYY-MM-DD. Every answer must be right, unless `partial=true`: then the valid answers are kept and the others dropped. Unknown fields are refused. The `sponsor` section exists only for family permits; for any other application it is 404.',
          parameters: [
            ref('parameters', 'ApplicationId'),
            ref('parameters', 'Section'),
            ref('parameters', 'Partial'),
            ref('parameters', 'AcceptLanguage'),
          ],
          requestBody: {
            required: true,
            content: jsonContent({
              anyOf: SECTION_KEYS.map((key) => ref('schemas', SECTION_COMPONENT[key])),
            }),
          },
          responses: {
            '200': ok('Saved', 'SectionSaved'),
            ...errors('400', '401', '403', '404', '409', '413', '415', '500'),
          },
        },
      },
      '/applications/{id}/submit': {
        post: {
          operationId: 'submitApplication',
          summary: 'Send my draft',
          description:
            'Idempotent: the same Idempotency-Key gives the same answer and one application. The same key for another request is 422 key_reused.',
          parameters: [
            ref('parameters', 'ApplicationId'),
            ref('parameters', 'IdempotencyKey'),
            ref('parameters', 'AcceptLanguage'),
          ],
          requestBody: {
            required: false,
            content: jsonContent({ type: 'object', additionalProperties: false }),
          },
          responses: {
            '200': ok('Sent (or sent before with this key)', 'ApplicationSubmitted'),
            ...errors('400', '401', '403', '404', '409', '413', '415', '422', '500'),
          },
        },
      },
      ...PERMIT_PATHS,
      ...DOCUMENT_PATHS,
      ...APPOINTMENT_PATHS,
      ...CASEWORK_PATHS,
      ...STATUS_LOOKUP_PATHS,
      ...PAYMENT_PATHS,
      ...CALL_CENTRE_PATHS,
      ...CALL_CENTRE_ACTION_PATHS,
      '/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          security: [],
          responses: {
            '200': {
              description: 'The OpenAPI document',
              content: jsonContent({ type: 'object' }),
            },
          },
        },
      },
    },
    components: {
      schemas: {
        ApiError: jsonSchema(apiErrorSchema, 'output'),
        ApplicationList: jsonSchema(applicationListSchema, 'output'),
        ApplicationDetail: jsonSchema(applicationDetailSchema, 'output'),
        ApplicationStarted: jsonSchema(applicationStartedSchema, 'output'),
        ApplicationSubmitted: jsonSchema(applicationSubmittedSchema, 'output'),
        SectionSaved: jsonSchema(sectionSavedSchema, 'output'),
        UploadedDocument: jsonSchema(uploadedDocumentSchema, 'output'),
        StartApplicationRequest: jsonSchema(startApplicationRequestSchema, 'input'),
        ...sectionSchemas,
        ...APPOINTMENT_SCHEMAS,
        ...caseworkSchemas(),
        ...permitSchemas(),
        ...statusLookupSchemas(),
        ...paymentSchemas(),
        ...callCentreSchemas(),
      },
      parameters: {
        ApplicationId: {
          name: 'id',
          in: 'path',
          required: true,
          schema: { type: 'string', format: 'uuid' },
        },
        DocumentId: {
          name: 'documentId',
          in: 'path',
          required: true,
          schema: { type: 'string', format: 'uuid' },
        },
        Section: {
          name: 'section',
          in: 'path',
          required: true,
          description: 'One task of the application; `sponsor` only for family permits',
          schema: { type: 'string', enum: [...SECTION_KEYS] },
        },
        Partial: {
          name: 'partial',
          in: 'query',
          required: false,
          description: 'true: keep the valid answers, drop the others ("save and come back later")',
          schema: { type: 'string', enum: ['true', 'false'] },
        },
        IdempotencyKey: {
          name: IDEMPOTENCY_KEY_HEADER,
          in: 'header',
          required: true,
          description: 'A new UUID per submission; send the same one again when you retry',
          schema: { type: 'string', format: 'uuid' },
        },
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: `Language of error messages: ${LOCALES.join(', ')}; Turkish when none fits`,
          schema: { type: 'string' },
        },
      },
      responses: {
        '400': errorResponse(
          'invalid_json or invalid_input: the body or a parameter is not what this operation takes; `fields` names each wrong or unknown field',
        ),
        '401': errorResponse('unauthenticated: no valid session cookie or bearer token'),
        '403': errorResponse(
          'cross_site_request: a request that changes something came from another site with the session cookie',
        ),
        '404': errorResponse('not_found: there is no such application of yours'),
        '409': errorResponse(
          'not_editable or already_submitted: the application has been sent already',
        ),
        '413': errorResponse(`body_too_large: bodies are limited to ${MAX_JSON_BODY_BYTES} bytes`),
        '415': errorResponse('unsupported_media_type: send application/json'),
        '422': errorResponse(
          `A rule refuses the request; the code is the reason: ${[...TIMING_REASON_CODES, ...REQUESTED_MONTHS_REASON_CODES, 'tasks_incomplete', 'documents_missing', 'key_reused'].join(', ')}`,
        ),
        '500': errorResponse('internal_error: something went wrong on our side'),
        ...APPOINTMENT_RESPONSES,
      },
      securitySchemes: {
        ...CASEWORK_SECURITY_SCHEMES,
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE_NAME,
          description: 'The session cookie set by signing in to the portal',
        },
        sessionBearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The same session token, for scripts: `Authorization: Bearer <token>`',
        },
      },
    },
  }
}

let cached: Json | undefined

/** The document, built once per process. */
export function openApiDocument(): Json {
  return (cached ??= buildDocument())
}
