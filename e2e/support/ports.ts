import { tmpdir } from 'node:os'
import path from 'node:path'

// E2E_PORT lets two checkouts run their suites side by side; each run takes seven ports from it.
const base = Number(process.env.E2E_PORT ?? 3100)

export const e2ePorts = {
  /** The portal under test. */
  app: base,
  /** The same build with a database that cannot be reached, for the outage checks. */
  outage: base + 1,
  /** The fake providers' HTTP side: the SMS gateway and the mailbox the tests read. */
  fakeProviders: base + 2,
  /** The fake providers' mail relay. */
  fakeSmtp: base + 3,
  /** The demo-mode check's own servers: as `npm run demo` starts it, and a bare start. */
  demo: base + 4,
  bare: base + 5,
  /** The bypass check's server: the same build with proxy.ts passing everything through. */
  passThrough: base + 6,
}

export const fakeProvidersUrl = `http://127.0.0.1:${e2ePorts.fakeProviders}`
/** The bearer token the portal sends and the fake gateway checks. */
export const fakeSmsToken = 'e2e-sms-token'
/**
 * The fake malware scanner (a clamd speaking INSTREAM, in the fake providers' process) on a
 * unix socket named after the run's ports, so it takes no port of its own.
 */
export const fakeClamdSocket = path.join(tmpdir(), `ikamet-e2e-clamd-${base}.sock`)
export const fakeClamdUrl = `unix://${fakeClamdSocket}`
/** The bearer token the portal sends and the fake payment provider checks. */
export const fakePaymentToken = 'e2e-payment-token'
