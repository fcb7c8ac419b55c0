import { describe, expect, it } from 'vitest'
import { keepRedirectOnHost, sameHostLocation } from './relative-redirect'

const SEEN_BY_HANDLER = 'http://localhost:3000/api/auth/callback/email-code?token=1'

describe('sameHostLocation', () => {
  it('makes a redirect to this server path-only, so the browser keeps its own host', () => {
    expect(sameHostLocation('http://localhost:3000/en/applications?x=1#top', SEEN_BY_HANDLER)).toBe(
      '/en/applications?x=1#top',
    )
  })

  it('leaves a redirect to another origin (AUTH_URL) as it is', () => {
    expect(sameHostLocation('https://ikamet.example.org/en', SEEN_BY_HANDLER)).toBe(
      'https://ikamet.example.org/en',
    )
  })

  it('keeps the status and other headers of the answer', () => {
    const answer = new Response(null, {
      status: 302,
      headers: { location: 'http://localhost:3000/tr', 'set-cookie': 'a=1' },
    })
    const kept = keepRedirectOnHost(answer, SEEN_BY_HANDLER)
    expect(kept.status).toBe(302)
    expect(kept.headers.get('location')).toBe('/tr')
    expect(kept.headers.get('set-cookie')).toBe('a=1')
  })
})
