import { describe, expect, it } from 'vitest'
import {
  formatSignInCode,
  looksLikeSignInCode,
  secondsUntilNextCode,
  SIGN_IN_CODE_TTL_SECONDS,
  SIGN_IN_MAX_CODES_PER_WINDOW,
} from './sign-in-code'

describe('sign-in code rules', () => {
  it('lives ten minutes', () => expect(SIGN_IN_CODE_TTL_SECONDS).toBe(600))

  it('is six digits', () => {
    expect(formatSignInCode([0, 1, 2, 3, 4, 5])).toBe('012345')
    expect(() => formatSignInCode([1, 2, 3])).toThrow(RangeError)
    expect(() => formatSignInCode([1, 2, 3, 4, 5, 10])).toThrow(RangeError)
    expect(looksLikeSignInCode('012345')).toBe(true)
    for (const bad of ['12345', '1234567', '12345a', ' 123456', '١٢٣٤٥٦'])
      expect(looksLikeSignInCode(bad)).toBe(false)
  })

  it('limits how many codes are sent in a window', () => {
    const now = new Date('2026-11-27T12:00:00Z')
    const started = new Date('2026-11-27T11:30:00Z')
    expect(secondsUntilNextCode(null, now)).toBe(0)
    expect(
      secondsUntilNextCode(
        { sendCount: SIGN_IN_MAX_CODES_PER_WINDOW - 1, windowStartedAt: started },
        now,
      ),
    ).toBe(0)
    expect(
      secondsUntilNextCode(
        { sendCount: SIGN_IN_MAX_CODES_PER_WINDOW, windowStartedAt: started },
        now,
      ),
    ).toBe(1800)
    expect(
      secondsUntilNextCode(
        { sendCount: 99, windowStartedAt: new Date('2026-11-27T10:00:00Z') },
        now,
      ),
    ).toBe(0)
  })
})
