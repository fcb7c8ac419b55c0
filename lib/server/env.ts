import 'server-only'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { SIGN_IN_MAX_CODES_PER_CLIENT } from '@/lib/domain/sign-in-code'

// The only reader of process.env in application code (CODE_STYLE.md CS-05). Every setting is
// documented in .env.example; a wrong value stops the app at start with the setting's name.

const optionalText = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional()

const settingsSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  // Set by `npm run demo` (scripts/demo.mjs) only: the test mailbox shows every code.
  DEMO_MODE: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['0', '1']).default('0')),
  // Tests only (e2e/proxy-bypass.spec.ts): proxy.ts hands every request on untouched.
  PROXY_PASS_THROUGH: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['0', '1']).default('0'),
  ),
  DATABASE_URL: optionalText,
  AUTH_SECRET: optionalText,
  AUTH_URL: optionalText.refine(
    (v) => v === undefined || /^https?:\/\/[^/]+\/?$/.test(v),
    'AUTH_URL must be an origin such as https://ikamet.example.org',
  ),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  SIGN_IN_CODES_PER_CLIENT: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(SIGN_IN_MAX_CODES_PER_CLIENT),
  SMTP_URL: optionalText,
  MAIL_FROM: optionalText,
  UPLOAD_DIR: optionalText,
  // The ClamAV daemon every upload is sent to (SECURITY.md UP-03). Unset: no scan.
  CLAMD_URL: optionalText.refine(
    (v) =>
      v === undefined ||
      /^(?:tcp:\/\/(?:\[[0-9a-fA-F:.]+\]|[^/:\s[\]]+):\d{1,5}\/?|unix:\/\/\/\S+)$/.test(v),
    'CLAMD_URL must be tcp://host:port or unix:///path/to/clamd.socket',
  ),
  CLAMD_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  SMS_GATEWAY_URL: optionalText.refine(
    (v) => v === undefined || /^https?:\/\/\S+$/.test(v),
    'SMS_GATEWAY_URL must be an http(s) address such as https://sms.example.org/messages',
  ),
  SMS_GATEWAY_TOKEN: optionalText,
  SMS_SENDER: optionalText,
  SMS_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // The payment provider's adapter (lib/server/payments/payment-provider.ts); without the URL
  // the portal offers only the bank and tax office way to pay.
  PAYMENT_PROVIDER_URL: optionalText.refine(
    (v) => v === undefined || /^https?:\/\/\S+$/.test(v),
    'PAYMENT_PROVIDER_URL must be an http(s) address such as https://pay.example.org/api',
  ),
  PAYMENT_PROVIDER_TOKEN: optionalText,
  PAYMENT_PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(300),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  // Personal data at rest (SECURITY.md PD-02, PD-03): "id:base64key,…", the first one seals.
  FIELD_ENCRYPTION_KEYS: optionalText.refine(
    (v) => v === undefined || parseKeyList(v) !== null,
    'FIELD_ENCRYPTION_KEYS must be "id:key,…" with distinct ids (a-z, 0-9) and 32-byte base64 keys',
  ),
  FIELD_LOOKUP_KEY: optionalText.refine(
    (v) => v === undefined || decodeKey(v)?.length === 32,
    'FIELD_LOOKUP_KEY must be a 32-byte base64 key',
  ),
})
// A send still waiting on the provider when its lease ends could go out twice (ARCHITECTURE.md
// OB-02).
const envSchema = settingsSchema.refine(
  (env) => !env.SMS_GATEWAY_URL || env.OUTBOX_LEASE_SECONDS * 1000 > env.SMS_GATEWAY_TIMEOUT_MS,
  {
    path: ['OUTBOX_LEASE_SECONDS'],
    message: 'OUTBOX_LEASE_SECONDS must be longer than SMS_GATEWAY_TIMEOUT_MS',
  },
)

export type Env = z.infer<typeof envSchema>

export type FieldKey = { id: string; key: Buffer }
export type FieldKeys = { sealing: FieldKey[]; lookup: Buffer }

function decodeKey(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(text)) return null
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
}

function parseKeyList(text: string): FieldKey[] | null {
  const keys: FieldKey[] = []
  for (const entry of text.split(',')) {
    const match = /^([a-z0-9]{1,16}):(.+)$/.exec(entry.trim())
    const key = match ? decodeKey(match[2]!) : null
    if (!match || key?.length !== 32 || keys.some((k) => k.id === match[1])) return null
    keys.push({ id: match[1]!, key })
  }
  return keys.length > 0 ? keys : null
}

// Development, tests and the demo work from a fresh clone with keys everyone can derive: they
// hold no real person's data. A production start without real keys stops instead.
const developmentKey = (purpose: string) =>
  createHash('sha256').update(`ikamet development ${purpose} key; never for real data`).digest()

/** Parsed settings. Read per call so tests can change them; parsing a few strings is cheap. */
export function readEnv(): Env {
  const parsed = envSchema.safeParse(process.env)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  throw new Error(`Invalid environment settings:\n  ${problems.join('\n  ')}`)
}

let cachedSecret: string | undefined

/**
 * AUTH_SECRET from the environment. A fresh clone has none, so the demo creates one under
 * .data/ (git-ignored) and keeps it, which keeps sessions valid across restarts.
 */
export function authSecret(): string {
  if (cachedSecret) return cachedSecret
  const fromEnv = readEnv().AUTH_SECRET
  if (fromEnv) return (cachedSecret = fromEnv)
  const file = path.join(process.cwd(), '.data', 'auth-secret')
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
  }
  return (cachedSecret = readFileSync(file, 'utf8').trim())
}

/**
 * The keys that seal identity numbers and the key of their lookup hashes (SECURITY.md PD-02,
 * PD-03). In production, outside demo mode, a missing setting stops the app at start with its
 * name (instrumentation.ts asks for them before anything else runs).
 */
export function fieldKeys(): FieldKeys {
  const env = readEnv()
  const fallback = env.NODE_ENV !== 'production' || env.DEMO_MODE === '1'
  const missing = ['FIELD_ENCRYPTION_KEYS', 'FIELD_LOOKUP_KEY'].filter(
    (name) => !env[name as 'FIELD_ENCRYPTION_KEYS' | 'FIELD_LOOKUP_KEY'],
  )
  if (missing.length > 0 && !fallback)
    throw new Error(
      `Invalid environment settings:\n  ${missing.join(': required in production\n  ')}: required in production`,
    )
  return {
    sealing: env.FIELD_ENCRYPTION_KEYS
      ? parseKeyList(env.FIELD_ENCRYPTION_KEYS)!
      : [{ id: 'dev', key: developmentKey('field encryption') }],
    lookup: env.FIELD_LOOKUP_KEY
      ? decodeKey(env.FIELD_LOOKUP_KEY)!
      : developmentKey('field lookup'),
  }
}

/** The public address when the deployment states it; otherwise each request's own host. */
export function authUrl(): string | undefined {
  return readEnv().AUTH_URL
}

/** How many reverse proxies in front of the app append to X-Forwarded-* (0: none). */
export function trustedProxyHops(): number {
  return readEnv().TRUSTED_PROXY_HOPS
}

/**
 * Sign-in codes one client address may ask for per hour (SECURITY.md SI-02). Raise it only
 * where many people share one address that no trusted proxy tells apart, and for the
 * end-to-end run, whose browsers all come from 127.0.0.1.
 */
export function signInCodesPerClient(): number {
  return readEnv().SIGN_IN_CODES_PER_CLIENT
}

export function isSecureDeployment(): boolean {
  return (authUrl() ?? '').startsWith('https://')
}

export function mailFrom(): string {
  return readEnv().MAIL_FROM ?? 'İkamet <no-reply@example.org>'
}

export function smtpUrl(): string | undefined {
  return readEnv().SMTP_URL
}

/**
 * How a worker delivers the outbox. A claimed message is another worker's for `leaseSeconds`;
 * a worker that dies after sending and before marking leaves it to be sent once more after
 * that time, so the lease must outlast one send (the SMTP and SMS timeouts stay below it).
 */
export function outboxSettings(): { leaseSeconds: number; pollMs: number } {
  const env = readEnv()
  return { leaseSeconds: env.OUTBOX_LEASE_SECONDS, pollMs: env.OUTBOX_POLL_MS }
}

export type SmsGatewaySettings = {
  url: string
  token: string | undefined
  sender: string | undefined
  timeoutMs: number
}

/** The HTTP SMS gateway, or undefined: without SMS_GATEWAY_URL no text message is queued. */
export function smsGatewaySettings(): SmsGatewaySettings | undefined {
  const env = readEnv()
  if (!env.SMS_GATEWAY_URL) return undefined
  return {
    url: env.SMS_GATEWAY_URL,
    token: env.SMS_GATEWAY_TOKEN,
    sender: env.SMS_SENDER,
    timeoutMs: env.SMS_GATEWAY_TIMEOUT_MS,
  }
}

export type ClamdSettings = { url: string; timeoutMs: number }

/**
 * The malware scanner, or undefined when none is configured (the demo, development): then
 * uploads are stored unscanned, and SECURITY.md UP-03 says so. With one configured, a scanner
 * that is down or slower than `timeoutMs` refuses the upload.
 */
export function clamdSettings(): ClamdSettings | undefined {
  const env = readEnv()
  return env.CLAMD_URL ? { url: env.CLAMD_URL, timeoutMs: env.CLAMD_TIMEOUT_MS } : undefined
}

export type PaymentProviderSettings = { url: string; token: string | undefined; timeoutMs: number }

/** The payment provider, or undefined: without PAYMENT_PROVIDER_URL nobody pays online. */
export function paymentProviderSettings(): PaymentProviderSettings | undefined {
  const env = readEnv()
  if (!env.PAYMENT_PROVIDER_URL) return undefined
  return {
    url: env.PAYMENT_PROVIDER_URL,
    token: env.PAYMENT_PROVIDER_TOKEN,
    timeoutMs: env.PAYMENT_PROVIDER_TIMEOUT_MS,
  }
}

export function uploadDirSetting(): string | undefined {
  return readEnv().UPLOAD_DIR
}

/**
 * Demo mode: the test mailbox page shows every e-mail, sign-in codes included, and every page
 * says so in a banner. Only an explicit DEMO_MODE=1 (`npm run demo`) turns it on; no other
 * setting, missing or present, does, so a deployment started without its settings stays
 * closed (issue 14).
 */
export function isDemoMode(): boolean {
  return readEnv().DEMO_MODE === '1'
}

/**
 * PROXY_PASS_THROUGH=1: proxy.ts does nothing at all (no language routing, no headers). The
 * bypass test starts the same build with it and expects every access answer unchanged, since
 * access is decided by the data-access layer, never by the proxy (SECURITY.md NX-03).
 */
export function isProxyPassThrough(): boolean {
  return readEnv().PROXY_PASS_THROUGH === '1'
}

/** `next dev`: the browser's policy allows what React's development tools need. */
export function isDevelopment(): boolean {
  return readEnv().NODE_ENV === 'development'
}

/** An absolute address on the portal for e-mails: AUTH_URL's origin, or the local demo. */
export function portalUrl(path: string): string {
  const base = authUrl() ?? 'http://localhost:3000'
  return new URL(path, new URL(base).origin).toString()
}
