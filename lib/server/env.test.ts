import { afterEach, describe, expect, it } from 'vitest'
import { clamdSettings, isDemoMode, outboxSettings, readEnv } from './env'

const names = [
  'DEMO_MODE',
  'OUTBOX_LEASE_SECONDS',
  'OUTBOX_POLL_MS',
  'SMS_GATEWAY_URL',
  'SMS_GATEWAY_TIMEOUT_MS',
]
const saved = { ...process.env }
afterEach(() => {
  for (const name of names) delete process.env[name]
  process.env = { ...saved }
})

describe('demo mode (SECURITY.md DM-01)', () => {
  it('is on only with DEMO_MODE=1, whatever else is set or missing', () => {
    ;(process.env as Record<string, string>).NODE_ENV = 'production'
    delete process.env.DATABASE_URL
    delete process.env.SMTP_URL
    expect(isDemoMode()).toBe(false)
    ;(process.env as Record<string, string>).NODE_ENV = 'development'
    expect(isDemoMode()).toBe(false)
    process.env.DEMO_MODE = '1'
    process.env.DATABASE_URL = 'postgres://db.example.org/ikamet'
    process.env.SMTP_URL = 'smtp://mail.example.org'
    expect(isDemoMode()).toBe(true)
    process.env.DEMO_MODE = '0'
    expect(isDemoMode()).toBe(false)
  })

  it('refuses a value other than 0 or 1, naming the setting', () => {
    process.env.DEMO_MODE = 'yes'
    expect(() => isDemoMode()).toThrow(/DEMO_MODE/)
  })
})

describe('outbox settings', () => {
  it('lease five minutes and poll every five seconds unless set', () => {
    expect(outboxSettings()).toEqual({ leaseSeconds: 300, pollMs: 5_000 })
    process.env.OUTBOX_LEASE_SECONDS = '2'
    process.env.OUTBOX_POLL_MS = '100'
    expect(outboxSettings()).toEqual({ leaseSeconds: 2, pollMs: 100 })
  })

  it('refuse a lease no longer than the SMS gateway may take, naming the setting', () => {
    process.env.SMS_GATEWAY_URL = 'https://sms.example.org/v1/messages'
    process.env.OUTBOX_LEASE_SECONDS = '10'
    expect(() => readEnv()).toThrow(/OUTBOX_LEASE_SECONDS/)
    process.env.SMS_GATEWAY_TIMEOUT_MS = '5000'
    expect(outboxSettings().leaseSeconds).toBe(10)
  })

  it('refuse a lease of zero', () => {
    process.env.OUTBOX_LEASE_SECONDS = '0'
    expect(() => readEnv()).toThrow(/OUTBOX_LEASE_SECONDS/)
  })
})

describe('malware scanner (SECURITY.md UP-03)', () => {
  it('is off unless CLAMD_URL is set, and takes a TCP or unix address only', () => {
    delete process.env.CLAMD_URL
    expect(clamdSettings()).toBeUndefined()
    for (const url of [
      'tcp://127.0.0.1:3310',
      'tcp://clamav:3310',
      'tcp://[::1]:3310',
      'unix:///run/clamav/clamd.ctl',
    ]) {
      process.env.CLAMD_URL = url
      expect(clamdSettings()).toEqual({ url, timeoutMs: 15_000 })
    }
    for (const url of ['127.0.0.1:3310', 'http://clamav:3310', 'tcp://clamav', 'unix://relative']) {
      process.env.CLAMD_URL = url
      expect(() => clamdSettings()).toThrow(/CLAMD_URL/)
    }
  })
})
