import { describe, expect, it } from 'vitest'
import {
  formatRecoveryCode,
  normaliseRecoveryCode,
  readSecondFactorInput,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_LENGTH,
  secondFactorTriesLeft,
  totpStep,
} from './second-factor'

const indexes = (start: number) =>
  Array.from({ length: RECOVERY_CODE_LENGTH }, (_, i) => (start + i) % 32)

describe('recovery codes', () => {
  it('are 12 characters of Crockford base 32 in groups of four', () => {
    expect(formatRecoveryCode(indexes(0))).toBe('0123-4567-89AB')
    expect(formatRecoveryCode(indexes(21))).toBe('NPQR-STVW-XYZ0')
    expect(RECOVERY_CODE_ALPHABET).not.toMatch(/[ILOU]/)
    expect(() => formatRecoveryCode(indexes(0).slice(1))).toThrow(RangeError)
    expect(() => formatRecoveryCode([...indexes(0).slice(1), 32])).toThrow(RangeError)
    expect(() => formatRecoveryCode([...indexes(0).slice(1), 1.5])).toThrow(RangeError)
  })

  it('read the same however they are typed', () => {
    const stored = 'NPQRSTVWXYZ0'
    for (const typed of [
      'NPQR-STVW-XYZ0',
      'npqr stvw xyz0',
      'npqrstvwxyzo',
      ' NPQR–STVW–XYZ0 ',
      '\u200fNPQR-STVW-XYZ0\u200e',
    ])
      expect(normaliseRecoveryCode(typed)).toBe(stored)
    expect(normaliseRecoveryCode('0123-4567-89AB')).toBe('0123456789AB')
    expect(normaliseRecoveryCode('O12I-L567-89ab')).toBe('0121156789AB')
    expect(normaliseRecoveryCode('٠١٢٣-٤٥٦٧-٨٩AB')).toBe('0123456789AB')
  })

  it('refuse what is not a code', () => {
    for (const bad of ['', 'NPQR-STVW-XYZ', 'NPQR-STVW-XYZ00', 'NPQR-STVW-XYZU', 'NPQR-STVW-XY?0'])
      expect(normaliseRecoveryCode(bad)).toBeNull()
  })
})

describe('the second-factor box', () => {
  it('reads six digits as an app code, in any digits', () => {
    expect(readSecondFactorInput('123456')).toEqual({ kind: 'totp', code: '123456' })
    expect(readSecondFactorInput(' 123 456 ')).toEqual({ kind: 'totp', code: '123456' })
    expect(readSecondFactorInput('۱۲۳۴۵۶')).toEqual({ kind: 'totp', code: '123456' })
    expect(readSecondFactorInput('١٢٣٤٥٦')).toEqual({ kind: 'totp', code: '123456' })
  })

  it('reads a recovery code as one, and anything else as nothing', () => {
    expect(readSecondFactorInput('0123-4567-89ab')).toEqual({
      kind: 'recovery',
      code: '0123456789AB',
    })
    for (const bad of ['12345', '1234567', 'abc', '12345a'])
      expect(readSecondFactorInput(bad)).toBeNull()
  })
})

describe('time steps and tries', () => {
  it('counts 30-second steps since 1970', () => {
    expect(totpStep(new Date(0))).toBe(0)
    expect(totpStep(new Date(29_999))).toBe(0)
    expect(totpStep(new Date(30_000))).toBe(1)
    expect(totpStep(new Date('2026-12-03T17:00:00Z'))).toBe(59_877_240)
  })

  it('allows five wrong codes per session', () => {
    expect(secondFactorTriesLeft(0)).toBe(5)
    expect(secondFactorTriesLeft(4)).toBe(1)
    expect(secondFactorTriesLeft(5)).toBe(0)
    expect(secondFactorTriesLeft(9)).toBe(0)
  })
})
