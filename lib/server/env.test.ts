import { afterEach, describe, expect, it } from 'vitest'
import { outboxSettings, readEnv } from './env'

const names = [
  'OUTBOX_LEASE_SECONDS',
  'OUTBOX_POLL_MS',
  'SMS_GATEWAY_URL',
  'SMS_GATEWAY_TIMEOUT_MS',
]
afterEach(() => {
  for (const name of names) delete process.env[name]
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
