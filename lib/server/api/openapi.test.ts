import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { openApiDocument } from './openapi'

vi.mock('../auth/auth', () => ({ SESSION_COOKIE_NAME: 'ikamet.session' }))

type Json = Record<string, unknown>
const API_ROOT = path.resolve(__dirname, '../../../app/api/v1')
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

const doc = openApiDocument() as Json & {
  paths: Record<string, Record<string, Json>>
  components: Record<string, Record<string, Json>>
}

/** Every route.ts under app/api/v1 as its OpenAPI path, with the methods it exports. */
function routeFiles(dir = API_ROOT): { apiPath: string; methods: string[]; source: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return routeFiles(full)
    if (entry.name !== 'route.ts') return []
    const source = readFileSync(full, 'utf8')
    const apiPath =
      '/' +
      path
        .relative(API_ROOT, dir)
        .split(path.sep)
        .filter((segment) => !/^\(.*\)$/.test(segment))
        .map((segment) => segment.replace(/^\[(.+)\]$/, '{$1}'))
        .join('/')
    const methods = METHODS.filter((m) =>
      new RegExp(`export\\s+(async\\s+)?(function\\s+${m}\\b|const\\s+${m}\\b)`).test(source),
    ).map((m) => m.toLowerCase())
    return [{ apiPath, methods, source }]
  })
}

function resolvePointer(ref: string): unknown {
  expect(ref.startsWith('#/'), ref).toBe(true)
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], doc)
}

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out))
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value)
      else refsIn(value, out)
    }
  }
  return out
}

const deref = <T = Json>(node: unknown): T =>
  (node as Json).$ref ? (resolvePointer((node as Json).$ref as string) as T) : (node as T)

function isSchema(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false
  const s = node as Json
  return ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'const', 'enum'].some((k) => k in s)
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with info, servers and both ways to sign in', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/)
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) })
    expect(doc.servers).toEqual([{ url: '/api/v1' }])
    expect(doc.components.securitySchemes).toMatchObject({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'ikamet.session' },
      sessionBearer: { type: 'http', scheme: 'bearer' },
    })
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
  })

  it('resolves every $ref', () => {
    const refs = refsIn(doc)
    expect(refs.length).toBeGreaterThan(20)
    for (const ref of refs) expect(resolvePointer(ref), ref).toBeDefined()
  })

  it('describes each operation completely', () => {
    const ids = new Set<string>()
    for (const [apiPath, item] of Object.entries(doc.paths)) {
      const templated = [...apiPath.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${apiPath}`
        expect(op.operationId, where).toEqual(expect.any(String))
        expect(ids.has(op.operationId as string), where).toBe(false)
        ids.add(op.operationId as string)
        const parameters = ((op.parameters as unknown[] | undefined) ?? []).map((p) =>
          deref<Json>(p),
        )
        for (const p of parameters) {
          expect(['path', 'query', 'header', 'cookie'], where).toContain(p.in)
          expect(isSchema(p.schema), `${where} ${String(p.name)}`).toBe(true)
        }
        const inPath = parameters.filter((p) => p.in === 'path').map((p) => p.name)
        expect(inPath.sort(), where).toEqual([...templated].sort())
        const responses = op.responses as Record<string, unknown>
        expect(
          Object.keys(responses).some((code) => /^2\d\d$/.test(code)),
          where,
        ).toBe(true)
        for (const [code, response] of Object.entries(responses)) {
          expect(code, where).toMatch(/^[1-5]\d\d$/)
          const r = deref<Json>(response)
          expect(r.description, `${where} ${code}`).toEqual(expect.any(String))
          const content = r.content as Record<string, { schema: unknown }> | undefined
          for (const media of Object.values(content ?? {}))
            expect(isSchema(media.schema), `${where} ${code}`).toBe(true)
        }
        const body = op.requestBody as { content: Record<string, { schema: unknown }> } | undefined
        if (method === 'post' || method === 'put' || method === 'patch')
          expect(Object.keys(body?.content ?? {}).length, where).toBeGreaterThan(0)
        for (const media of Object.values(body?.content ?? {}))
          expect(isSchema(media.schema), where).toBe(true)
        // Every operation that changes something documents the cross-site refusal.
        if (method !== 'get') expect(responses['403'], where).toBeDefined()
      }
    }
  })

  it('is generated from the strict zod schemas', () => {
    const schemas = doc.components.schemas as Record<string, Json>
    const start = schemas.StartApplicationRequest as { oneOf: Json[] }
    expect(start.oneOf.map((o) => (o.properties as Json).kind)).toEqual([
      { type: 'string', const: 'first' },
      { type: 'string', const: 'extension' },
      { type: 'string', const: 'transition' },
    ])
    for (const option of start.oneOf) expect(option.additionalProperties).toBe(false)
    for (const name of ['PersonalSection', 'PassportSection', 'PermitSection', 'AddressSection']) {
      expect(schemas[name]?.additionalProperties, name).toBe(false)
      for (const field of Object.values(schemas[name]!.properties as Record<string, Json>))
        expect(JSON.stringify(field), name).toContain('"string"')
    }
    expect((schemas.ApiError as Json).required).toEqual(['error'])
    const submit = doc.paths['/applications/{id}/submit']!.post!
    const key = (submit.parameters as unknown[])
      .map((p) => deref<Json>(p))
      .find((p) => p.in === 'header' && p.name === 'Idempotency-Key')
    expect(key).toMatchObject({ required: true, schema: { type: 'string', format: 'uuid' } })
  })

  it('describes every route file under app/api/v1, and nothing else', () => {
    const routes = routeFiles()
    expect(routes.length).toBeGreaterThanOrEqual(6)
    for (const route of routes) {
      expect(
        doc.paths[route.apiPath],
        `${route.apiPath} is not in the OpenAPI document`,
      ).toBeDefined()
      expect(Object.keys(doc.paths[route.apiPath]!).sort(), route.apiPath).toEqual(
        [...route.methods].sort(),
      )
    }
    expect(Object.keys(doc.paths).sort()).toEqual(routes.map((r) => r.apiPath).sort())
  })

  it('has every handler that changes something check for cross-site requests first', () => {
    // mutationBody (lib/server/api/request-guard); the document upload handlers still use
    // their own isSameOriginRequest (lib/server/documents/http); apiRoute reads a body with an
    // `input` schema through mutationBody, and bookingRoute is apiRoute with a body schema.
    for (const route of routeFiles()) {
      if (route.methods.some((m) => m !== 'get'))
        expect(route.source, route.apiPath).toMatch(
          /\b(mutationBody|isSameOriginRequest)\(request\)|\bapiRoute\(\{[\s\S]*?\binput:|\bbookingRoute\(\w+Schema,/,
        )
    }
  })
})
