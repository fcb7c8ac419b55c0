// Every server action and route handler, fed generated and hostile input by fast-check, as an
// anonymous visitor, an applicant and a staff member (issue 14). None may fail (a 500, or an
// action throwing anything but Next.js's redirect, not-found or forbidden), and no answer may
// show a stack trace or SQL. FUZZ_RUNS raises the number of runs per entry point and caller.
import '../testing/request-scope-mocks'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { NextRequest } from 'next/server'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { actAs } from '../testing/as-user'
import { setCurrentRequest } from '../testing/request-context'

const ROOT = path.resolve(__dirname, '../../..')
const RUNS = Number(process.env.FUZZ_RUNS ?? 25)
const CALLERS = [null, 'fuzz.applicant@example.org', 'caseworker.istanbul@example.org'] as const
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

// What a leak looks like: a stack frame, a database error, a query.
const LEAK =
  /\bat [\w$.<>]+ \(|\bat \/|node_modules|\.ts:\d+|syntax error|violates|\bselect\b[\s\S]*\bfrom\b|\binsert into\b|\bupdate \w+ set\b|\bdelete from\b/i

function files(name: string, dir = path.join(ROOT, 'app')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return files(name, full)
    return entry.name === name ? [full] : []
  })
}

const hostile = fc.constantFrom(
  "' or 1=1 --",
  "'); drop table users; --",
  '<script>alert(1)</script>',
  '%ZZ',
  '%00',
  '\u0000',
  '\ud800',
  '../../etc/passwd',
  'a'.repeat(5000),
  '-1',
  '1e309',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  '__proto__',
  'constructor',
  '{"$ne":null}',
  '٣٤٥',
  '2026-02-30',
  '',
)
const text = fc.oneof(
  hostile,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
)
const json = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.oneof(hostile, fc.string({ maxLength: 12 })), text),
  fc.constant('{'),
  fc.constant(''),
)

// A path segment is decoded from UTF-8, so it never holds half a surrogate pair: the proxy
// answers 400 to an escape that does not decode (proxy.test.ts).
const segment = text.filter((s) => {
  try {
    return encodeURIComponent(s).length >= 0
  } catch {
    return false
  }
})

/** Route segments named in the file path ([id], [...nextauth]) get generated values. */
function paramsFor(file: string) {
  const names = [...file.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => m[1]!)
  return fc.record(Object.fromEntries(names.map((n) => [n, segment])))
}

const leakFree = (body: string) => expect(body).not.toMatch(LEAK)

beforeAll(async () => {
  await getDb()
})

describe('route handlers under fuzzing', () => {
  for (const file of files('route.ts')) {
    const name = path.relative(ROOT, file)
    it(`${name}: no 500, no leak`, async () => {
      const mod = (await import(file)) as Record<string, unknown>
      const handlers = METHODS.filter((m) => typeof mod[m] === 'function')
      for (const caller of CALLERS) {
        await actAs(caller)
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...handlers),
            paramsFor(name),
            fc.dictionary(fc.string({ maxLength: 10 }), text, { maxKeys: 4 }),
            json,
            fc.constantFrom('application/json', 'text/plain', 'multipart/form-data', 'x/y'),
            async (method, params, query, body, contentType) => {
              const url = new URL(`http://localhost:3000/${name.replace(/^app\//, '')}`)
              for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v)
              const request = setCurrentRequest(
                new NextRequest(url, {
                  method,
                  headers: { 'content-type': contentType, 'idempotency-key': 'fuzz' },
                  ...(method !== 'GET' && {
                    body: typeof body === 'string' ? body : JSON.stringify(body),
                  }),
                }),
              )
              const handler = mod[method] as (r: NextRequest, c: unknown) => Promise<Response>
              let res: Response
              try {
                res = await handler(request, { params: Promise.resolve(params) })
              } catch (error) {
                // Next.js's own control flow (notFound and the like) is an answer, not a failure.
                if ((error as { digest?: string }).digest?.startsWith('NEXT_')) return
                throw error
              }
              expect(res.status, `${method} ${url}`).toBeLessThan(500)
              leakFree(await res.text())
            },
          ),
          { numRuns: RUNS },
        )
      }
    })
  }
})

describe('server actions under fuzzing', () => {
  const context = fc.oneof(
    fc.record({
      locale: fc.constantFrom('en', 'tr', 'xx'),
      returnTo: fc.oneof(fc.constant('/en/applications'), text),
      id: fc.oneof(fc.uuid(), text),
      kind: fc.oneof(fc.constantFrom('first', 'extension', 'transition'), text),
      section: fc.oneof(fc.constantFrom('personal', 'passport', 'address'), text),
      audience: fc.constantFrom('applicant', 'staff', 'x'),
      caseId: fc.uuid(),
    }),
    fc.anything({ maxDepth: 2 }),
    fc.constantFrom('en', null, undefined),
  )
  const form = fc.dictionary(
    fc.oneof(
      fc.constantFrom('email', 'intent', 'version', 'date', 'slotId', 'reason', 'note'),
      fc.string({ maxLength: 12 }),
    ),
    text,
    { maxKeys: 6 },
  )

  for (const file of files('actions.ts')) {
    const name = path.relative(ROOT, file)
    it(`${name}: no failure, no leak`, async () => {
      const mod = (await import(file)) as Record<string, unknown>
      const actions = Object.values(mod).filter(
        (v): v is (...args: unknown[]) => Promise<unknown> => typeof v === 'function',
      )
      for (const caller of CALLERS) {
        await actAs(caller)
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...actions),
            context,
            fc.array(fc.oneof(text, json), { minLength: 2, maxLength: 2 }),
            form,
            async (action, ctx, middle, fields) => {
              setCurrentRequest(new NextRequest('http://localhost:3000/en', { method: 'POST' }))
              const data = new FormData()
              for (const [k, v] of Object.entries(fields)) data.append(k, v)
              // The form comes last, as Next.js passes it; what the page binds comes first
              // (context, then an operation or the previous state), all generated.
              const args = [ctx, ...middle].slice(0, Math.max(0, action.length - 1))
              let state: unknown
              try {
                state = await action(...args, data)
              } catch (error) {
                const digest = (error as { digest?: string }).digest ?? ''
                if (/^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK;(403|404))/.test(digest)) return
                throw error
              }
              leakFree(JSON.stringify(state ?? null))
            },
          ),
          { numRuns: RUNS },
        )
      }
    })
  }
})
