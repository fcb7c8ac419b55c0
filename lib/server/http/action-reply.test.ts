// The server-action body check against React itself: what React's client encodes for our
// forms passes, and whatever the check passes, React's server decoder reads without failing
// (Next.js answers a failure there with a 500). SECURITY.md RB-03.
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isDecodableFormReply, isDecodableTextReply } from './action-reply'

const decoder = path.join(import.meta.dirname, 'testing', 'decode-replies.cjs')

/** React's verdict on each body, from a process running under the react-server condition. */
function reactDecodes(bodies: string[]): boolean[] {
  const out = execFileSync(process.execPath, ['--conditions=react-server', decoder], {
    input: JSON.stringify(bodies),
    maxBuffer: 16 * 1024 * 1024,
  })
  return JSON.parse(out.toString()) as boolean[]
}

/** React's client encoder, as the browser runs it for a form's action. */
function encodeReply(args: unknown[]): Promise<string | FormData> {
  const client = createRequire(import.meta.url)(
    'next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-client.node.production.js',
  ) as { encodeReply: (value: unknown[]) => Promise<string | FormData> }
  return client.encodeReply(args)
}

const FORGED = [
  '[',
  '["$Q1"]',
  '["$W1"]',
  '["$@1"]',
  '["$1"]',
  '["$1:a"]',
  '["$n12x"]',
  '["$B1"]',
  '["$A1"]',
  '["$T"]',
  '["$h1"]',
  '["$R1"]',
  '["$0"]',
  '{"a":"$0:a:x"}',
  '["$zz"]',
]

describe('the server-action body check', () => {
  it('refuses the forged bodies that made Next.js answer 500', () => {
    for (const body of FORGED) expect(isDecodableTextReply(body), body).toBe(false)
    // React reads a few of them as pending promises, streams or cycles; the rest it fails on.
    const readByReact = ['["$@1"]', '["$R1"]', '["$T"]', '["$0"]']
    const verdicts = reactDecodes(FORGED.filter((b) => !readByReact.includes(b)))
    expect(verdicts.every((ok) => !ok)).toBe(true)
  })

  it('passes what React encodes for our forms: a state, a FormData, repeats, dates', async () => {
    const shared = { field: 'passport', messages: ['a', 'b'] }
    const state = { ok: false, errors: [shared, shared], at: new Date(0), none: undefined }
    const form = new FormData()
    form.append('surname', 'Yılmaz')
    form.append('note', '$not-a-reference')
    for (const args of [[state, form], [{ id: 'x' }], [form], [shared, shared, 12n]]) {
      const encoded = await encodeReply(args)
      const ok =
        typeof encoded === 'string'
          ? isDecodableTextReply(encoded)
          : isDecodableFormReply(encoded, true)
      expect(ok, String(typeof encoded === 'string' ? encoded : [...encoded.keys()])).toBe(true)
    }
  })

  it('checks a bound action posted without JavaScript by its own prefix', () => {
    const form = new FormData()
    form.append('$ACTION_REF_1', '')
    form.append('$ACTION_1:0', '{"id":"7f00","bound":"$@1"}')
    form.append('$ACTION_1:1', '[{"applicationId":"a"}]')
    expect(isDecodableFormReply(form, false)).toBe(true)
    form.delete('$ACTION_1:1')
    expect(isDecodableFormReply(form, false)).toBe(false)
  })

  it('never passes a body React fails on (generated bodies)', () => {
    const token = fc.oneof(
      fc.constantFrom('$0', '$1', '$2', '$0:0', '$0:a', '$1:a', '$Q0', '$@0', '$n1', '$nx'),
      fc.constantFrom('$u', '$D2020', '$K1', '$$', '$T', '$B0', '$h0', '$I', '$-0', '$N'),
      fc.string({ maxLength: 4 }),
    )
    const model = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        token,
        fc.integer(),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('a', 'b', '0'), tie('value'), { maxKeys: 3 }),
      ),
    })).value
    const bodies = fc.sample(
      model.map((v) => JSON.stringify([v])),
      { numRuns: 1500, seed: 15 },
    )
    const verdicts = reactDecodes(bodies)
    const passedButFailed = bodies.filter((b, i) => isDecodableTextReply(b) && !verdicts[i])
    expect(passedButFailed).toEqual([])
    // The check is not merely refusing everything.
    expect(bodies.filter((b) => isDecodableTextReply(b)).length).toBeGreaterThan(300)
  })
})
