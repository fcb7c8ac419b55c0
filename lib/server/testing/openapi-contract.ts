import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { expect } from 'vitest'

// Checks real answers of the route handlers against the OpenAPI document (JSON Schema 2020-12,
// the dialect of OpenAPI 3.1), and remembers which operations and statuses were checked, so
// a test can insist that every operation of the document was exercised.

type Json = Record<string, unknown>
type Operation = { id: string; where: string; responses: Record<string, Json> }

const DOCUMENT_ID = 'https://ikamet.test/api/v1/openapi.json'

/** `#/components/…` pointers inside the document, made absolute for the validator. */
function absolute(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absolute)
  if (!node || typeof node !== 'object') return node
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${DOCUMENT_ID}${value}`
        : absolute(value),
    ]),
  )
}

export function openApiContract(document: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: DOCUMENT_ID, components: document.components })

  const operations = new Map<string, Operation>()
  const paths = document.paths as Record<string, Record<string, Json>>
  for (const [path, item] of Object.entries(paths))
    for (const [method, op] of Object.entries(item))
      operations.set(op.operationId as string, {
        id: op.operationId as string,
        where: `${method.toUpperCase()} ${path}`,
        responses: op.responses as Record<string, Json>,
      })
  const checked = new Map<string, Set<number>>()
  const validators = new Map<unknown, ValidateFunction>()

  const deref = (node: Json): Json => {
    const ref = node.$ref
    if (typeof ref !== 'string') return node
    return ref
      .slice(2)
      .split('/')
      .reduce<Json>((at, part) => at[part] as Json, document)
  }
  const validatorFor = (schema: unknown) => {
    let validate = validators.get(schema)
    if (!validate) validators.set(schema, (validate = ajv.compile(absolute(schema) as Json)))
    return validate
  }

  /**
   * Expects `response` to be one the document lists for `operationId`: its status, its media
   * type and, for JSON, a body valid against the documented schema. Returns the body.
   */
  async function check(operationId: string, response: Response): Promise<unknown> {
    const op = operations.get(operationId)
    expect(op, `${operationId} is not in the document`).toBeDefined()
    const where = `${op!.where} → ${response.status}`
    const documented = op!.responses[String(response.status)]
    expect(documented, `${where}: the document does not list this status`).toBeDefined()
    const { content } = deref(documented!) as { content?: Record<string, { schema: unknown }> }
    const bytes = new Uint8Array(await response.arrayBuffer())
    const seen = checked.get(operationId) ?? new Set<number>()
    checked.set(operationId, seen.add(response.status))
    if (!content) {
      expect(bytes.byteLength, `${where}: the document says there is no body`).toBe(0)
      return null
    }
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim()
    const media = content[mediaType]
    expect(media, `${where}: ${mediaType} is not a documented media type`).toBeDefined()
    if (mediaType !== 'application/json') return bytes
    const body: unknown = JSON.parse(new TextDecoder().decode(bytes))
    const validate = validatorFor(media!.schema)
    expect(
      validate(body),
      `${where}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
    ).toBe(true)
    return body
  }

  /**
   * Operations not exercised enough: without a checked success, or (when the document lists
   * client errors for them) without a checked client error.
   */
  function unexercised(): string[] {
    return [...operations.values()].flatMap((op) => {
      const statuses = [...(checked.get(op.id) ?? [])]
      const listsClientErrors = Object.keys(op.responses).some((s) => s.startsWith('4'))
      const missing = [
        statuses.some((s) => s < 300) ? null : 'a success',
        !listsClientErrors || statuses.some((s) => s >= 400 && s < 500) ? null : 'a client error',
      ].filter(Boolean)
      return missing.length ? [`${op.id} (${op.where}): no ${missing.join(', no ')}`] : []
    })
  }

  return { check, unexercised, operationIds: () => [...operations.keys()] }
}
