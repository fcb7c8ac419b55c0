import Bowser from 'bowser'

/** What a session's list shows of the device that signed in: two names, nothing more. */
export type DeviceNames = { browser: string | null; os: string | null }

// A User-Agent is attacker-chosen: parse a bounded piece, keep short plain names only.
const MAX_USER_AGENT = 512
const MAX_NAME = 40
const PLAIN_NAME = /^[\p{L}\p{N} ._-]+$/u

function plain(name: string | undefined): string | null {
  const trimmed = name?.trim() ?? ''
  return trimmed.length > 0 && trimmed.length <= MAX_NAME && PLAIN_NAME.test(trimmed)
    ? trimmed
    : null
}

/**
 * The browser's and the operating system's names in a User-Agent header ("Chrome",
 * "Android"), without versions or device models. Unknown or odd values give null.
 */
export function deviceFromUserAgent(userAgent: string | null | undefined): DeviceNames {
  const ua = userAgent?.slice(0, MAX_USER_AGENT).trim()
  if (!ua) return { browser: null, os: null }
  const parsed = Bowser.parse(ua)
  return { browser: plain(parsed.browser.name), os: plain(parsed.os.name) }
}
