import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { fieldKeys } from '../env'
import {
  isSealed,
  lookupHash,
  needsResealing,
  openField,
  resealField,
  sealedKeyId,
  sealField,
} from './field-encryption'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

const key = () => randomBytes(32).toString('base64')
const setKeys = (list: string, lookup = key()) => {
  process.env.FIELD_ENCRYPTION_KEYS = list
  process.env.FIELD_LOOKUP_KEY = lookup
}

describe('field encryption (SECURITY.md PD-02)', () => {
  it('seals with a fresh IV under the first key, names the key, and opens again', () => {
    setKeys(`k2:${key()},k1:${key()}`)
    const a = sealField('N1234567', 'applications.passport_number')
    const b = sealField('N1234567', 'applications.passport_number')
    expect(a).not.toBe(b)
    expect(a).toMatch(/^v1\.k2\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/)
    expect(a).not.toContain('1234567')
    expect(isSealed(a)).toBe(true)
    expect(isSealed('N1234567')).toBe(false)
    expect(sealedKeyId(a)).toBe('k2')
    expect(openField(a, 'applications.passport_number')).toBe('N1234567')
  })

  it('refuses a changed byte, another field’s context and a value that is not sealed', () => {
    setKeys(`k1:${key()}`)
    const sealed = sealField('99123456740', 'applications.foreigner_id')
    const body = sealed.split('.')[3]!
    const flipped = (body[0] === 'A' ? 'B' : 'A') + body.slice(1)
    expect(() => openField(sealed.replace(body, flipped), 'applications.foreigner_id')).toThrow()
    expect(() => openField(sealed, 'applications.passport_number')).toThrow()
    expect(() =>
      openField(sealed.replace('v1.k1.', 'v1.k9.'), 'applications.foreigner_id'),
    ).toThrow(/k9/)
    expect(() => openField('99123456740', 'applications.foreigner_id')).toThrow()
  })

  it('opens values sealed with an older key, and re-seals them under the new first key', () => {
    const k1 = key()
    setKeys(`k1:${k1}`)
    const old = sealField('N1234567', 'ctx')
    setKeys(`k2:${key()},k1:${k1}`)
    expect(needsResealing(old)).toBe(true)
    const fresh = resealField(old, 'ctx')
    expect(sealedKeyId(fresh)).toBe('k2')
    expect(needsResealing(fresh)).toBe(false)
    expect(openField(fresh, 'ctx')).toBe('N1234567')
    // Once the old key is gone, only the re-sealed value opens.
    setKeys(`k2:${process.env.FIELD_ENCRYPTION_KEYS!.split(',')[0]!.slice(3)}`)
    expect(openField(fresh, 'ctx')).toBe('N1234567')
    expect(() => openField(old, 'ctx')).toThrow(/k1/)
  })

  it('hashes for lookups with its own key: same input same hash, purposes and keys apart', () => {
    setKeys(`k1:${key()}`)
    const hash = lookupHash('passport', 'N1234567')
    expect(lookupHash('passport', 'N1234567')).toBe(hash)
    expect(lookupHash('foreigner-id', 'N1234567')).not.toBe(hash)
    expect(hash).not.toContain('1234567')
    process.env.FIELD_LOOKUP_KEY = key()
    expect(lookupHash('passport', 'N1234567')).not.toBe(hash)
  })
})

describe('field keys from the environment (SECURITY.md PD-04)', () => {
  it('stops a production start without keys, naming each setting', () => {
    delete process.env.FIELD_ENCRYPTION_KEYS
    delete process.env.FIELD_LOOKUP_KEY
    delete process.env.DEMO_MODE
    ;(process.env as Record<string, string>).NODE_ENV = 'production'
    expect(() => fieldKeys()).toThrow(/FIELD_ENCRYPTION_KEYS[\s\S]*FIELD_LOOKUP_KEY/)
    process.env.FIELD_ENCRYPTION_KEYS = `k1:${key()}`
    expect(() => fieldKeys()).toThrow(/FIELD_LOOKUP_KEY/)
  })

  it('gives development, tests and the demo a fixed key of their own', () => {
    delete process.env.FIELD_ENCRYPTION_KEYS
    delete process.env.FIELD_LOOKUP_KEY
    ;(process.env as Record<string, string>).NODE_ENV = 'test'
    const dev = fieldKeys()
    expect(dev.sealing.map((k) => k.id)).toEqual(['dev'])
    ;(process.env as Record<string, string>).NODE_ENV = 'production'
    process.env.DEMO_MODE = '1'
    expect(fieldKeys().sealing[0]!.key.equals(dev.sealing[0]!.key)).toBe(true)
    expect(fieldKeys().lookup.equals(dev.lookup)).toBe(true)
    expect(dev.lookup.equals(dev.sealing[0]!.key)).toBe(false)
  })

  it('refuses malformed keys with the setting’s name', () => {
    for (const bad of [
      'k1',
      `k1:${randomBytes(16).toString('base64')}`,
      `K1:${key()}`,
      `k1:${key()},k1:${key()}`,
    ]) {
      process.env.FIELD_ENCRYPTION_KEYS = bad
      expect(() => fieldKeys()).toThrow(/FIELD_ENCRYPTION_KEYS/)
    }
    process.env.FIELD_ENCRYPTION_KEYS = `k1:${key()}`
    process.env.FIELD_LOOKUP_KEY = 'short'
    expect(() => fieldKeys()).toThrow(/FIELD_LOOKUP_KEY/)
  })
})
