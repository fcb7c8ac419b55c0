import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { roleHasPermission, STAFF_PERMISSIONS } from '@/lib/domain/staff-roles'

// security.md AU-08: call-centre agents cannot change an e-mail address or a phone number at
// all (the contact-centre route to an account takeover: change the address, then sign in).
// The agent's one permission opens only the modules listed here, and none of them, nor any
// entry point that calls them, writes the users table or the answers holding the phone.

const ROOT = path.resolve(__dirname, '../../..')

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`
    if (entry.isDirectory()) return files(rel, keep)
    return keep(entry.name) ? [rel] : []
  })
}

const source = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8')
const isCode = (name: string) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)

// A write to users (e-mail, name, language…) or to the answers (form_data holds the phone).
const USER_WRITES = [/\b(update|insert)\(\s*users\s*\)/, /\b(update|insert\s+into)\s+users\b/i]
const CONTACT_WRITES = [...USER_WRITES, /\bformData\s*:/, /\bform_data\s*=/, /jsonb_set/]

const AGENT_MODULES = [
  'lib/server/call-centre/look-up-caller.ts',
  'lib/server/call-centre/verified-caller.ts',
]

describe('the call centre cannot change contact details', () => {
  it('has one permission, and it opens only the lookup and the verified-caller actions', () => {
    const agent = STAFF_PERMISSIONS.filter((p) => roleHasPermission('call_centre_agent', p))
    expect(agent).toEqual(['status.lookup'])
    const opened = files('lib/server', isCode).filter((f) =>
      /requireStaff\(\s*'status\.lookup'\s*\)/.test(source(f)),
    )
    expect(opened.sort()).toEqual(AGENT_MODULES)
  })

  it('writes no user row and no answer in any call-centre module', () => {
    const modules = files('lib/server/call-centre', isCode)
    expect(modules.length).toBeGreaterThanOrEqual(AGENT_MODULES.length)
    for (const file of modules)
      for (const write of CONTACT_WRITES)
        expect(source(file), `${file} ${write}`).not.toMatch(write)
  })

  it('offers agents no entry point but the lookup and the two messages', () => {
    const allowed = ['look-up-caller', 'resend-last-notification', 'send-change-link']
    const entryPoints = files('app', (n) => n === 'actions.ts' || n === 'route.ts').filter((f) =>
      allowed.some((m) => source(f).includes(`@/lib/server/call-centre/${m}'`)),
    )
    expect(entryPoints.length).toBeGreaterThanOrEqual(2)
    for (const file of entryPoints) {
      const imported = [...source(file).matchAll(/from '@\/lib\/server\/([\w/-]+)'/g)]
        .map((m) => m[1]!)
        // The wrappers and the API's answers, which hold no data access.
        .filter((m) => !m.startsWith('entry/') && !m.startsWith('api/'))
      for (const m of imported)
        expect(
          allowed.map((a) => `call-centre/${a}`),
          file,
        ).toContain(m)
      for (const write of USER_WRITES) expect(source(file), file).not.toMatch(write)
    }
  })
})
