import { describe, expect, it } from 'vitest'
import { deviceFromUserAgent } from './device'

describe('device names from a User-Agent', () => {
  it('names the browser and the system, without versions', () => {
    expect(
      deviceFromUserAgent(
        'Mozilla/5.0 (Linux; Android 11; Pixel 5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36',
      ),
    ).toEqual({ browser: 'Chrome', os: 'Android' })
    expect(
      deviceFromUserAgent(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ browser: 'Safari', os: 'iOS' })
    expect(
      deviceFromUserAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0',
      ),
    ).toEqual({ browser: 'Firefox', os: 'Windows' })
  })

  it('gives nothing for a missing, empty or unknown header', () => {
    for (const ua of [null, undefined, '', '   ', 'curl/8.0', '\u0000'])
      expect(deviceFromUserAgent(ua)).toEqual({ browser: null, os: null })
  })

  it('reads only the start of a very long header and keeps no odd characters', () => {
    const long = `Mozilla/5.0 (Windows NT 10.0) Firefox/120.0 ${'x'.repeat(100_000)}`
    expect(deviceFromUserAgent(long)).toEqual({ browser: 'Firefox', os: 'Windows' })
    const names = deviceFromUserAgent('<script>alert(1)</script> Chrome/1 (X11; Linux)')
    for (const name of Object.values(names)) expect(name ?? '').not.toMatch(/[<>]/)
  })
})
