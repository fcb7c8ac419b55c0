import { describe, expect, it } from 'vitest'
import {
  checkReferenceNumber,
  makeReferenceNumber,
  normaliseReferenceNumber,
  REFERENCE_ALPHABET,
} from './reference-number'

const sample = () =>
  Array.from({ length: 9 }, () => Math.floor(Math.random() * REFERENCE_ALPHABET.length))

describe('reference numbers', () => {
  it('uses no look-alike characters', () => {
    for (const ch of '01IOSZB5'.replace('5', '')) expect(REFERENCE_ALPHABET).not.toContain(ch)
    expect(REFERENCE_ALPHABET).toHaveLength(29)
  })

  it('formats as XXXX-XXXX-XX and validates its own output', () => {
    for (let i = 0; i < 200; i++) {
      const ref = makeReferenceNumber(sample())
      expect(ref).toMatch(/^[2-9A-Y]{4}-[2-9A-Y]{4}-[2-9A-Y]{2}$/)
      expect(normaliseReferenceNumber(ref)).toBe(ref)
      expect(normaliseReferenceNumber(ref.toLowerCase().replace(/-/g, ' '))).toBe(ref)
    }
  })

  it('catches every single wrong character', () => {
    const raw = makeReferenceNumber([1, 2, 3, 4, 5, 6, 7, 8, 9]).replace(/-/g, '')
    for (let pos = 0; pos < raw.length; pos++) {
      for (const ch of REFERENCE_ALPHABET) {
        if (ch === raw[pos]) continue
        const typo = raw.slice(0, pos) + ch + raw.slice(pos + 1)
        expect(normaliseReferenceNumber(typo)).toBeNull()
      }
    }
  })

  it('catches every swap of two different characters, adjacent or not', () => {
    for (let n = 0; n < 50; n++) {
      const raw = makeReferenceNumber(sample()).replace(/-/g, '')
      for (let i = 0; i < raw.length; i++) {
        for (let j = i + 1; j < raw.length; j++) {
          if (raw[i] === raw[j]) continue
          const chars = [...raw]
          ;[chars[i], chars[j]] = [chars[j]!, chars[i]!]
          expect(normaliseReferenceNumber(chars.join(''))).toBeNull()
        }
      }
    }
  })

  it('rejects bad input and bad randomness', () => {
    expect(normaliseReferenceNumber('')).toBeNull()
    expect(normaliseReferenceNumber('ABCD-EFGH-J0')).toBeNull()
    expect(() => makeReferenceNumber([1, 2])).toThrow(RangeError)
    expect(() => makeReferenceNumber([1, 2, 3, 4, 5, 6, 7, 8, 29])).toThrow(RangeError)
  })

  it('tells a malformed reference from a wrong check character', () => {
    const ref = makeReferenceNumber([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(checkReferenceNumber(` ${ref.toLowerCase()}\u200f`)).toEqual({
      ok: true,
      reference: ref,
    })
    expect(checkReferenceNumber(ref.replace(/-/g, '\u2013'))).toEqual({ ok: true, reference: ref })
    const last = ref.at(-1)!
    const other = REFERENCE_ALPHABET[(REFERENCE_ALPHABET.indexOf(last) + 1) % 29]!
    expect(checkReferenceNumber(ref.slice(0, -1) + other)).toEqual({
      ok: false,
      problem: 'check_character',
    })
    for (const bad of ['', 'ABC', `${ref}2`, ref.replace(/^./, 'O'), 'DROP TABLE x;--'])
      expect(checkReferenceNumber(bad)).toEqual({ ok: false, problem: 'format' })
  })
})
