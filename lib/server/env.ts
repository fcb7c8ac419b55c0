import 'server-only'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

let cachedSecret: string | undefined

/**
 * AUTH_SECRET from the environment. A fresh clone has none, so the demo creates one under
 * .data/ (git-ignored) and keeps it, which keeps sessions valid across restarts.
 */
export function authSecret(): string {
  if (cachedSecret) return cachedSecret
  const fromEnv = process.env.AUTH_SECRET?.trim()
  if (fromEnv) return (cachedSecret = fromEnv)
  const file = path.join(process.cwd(), '.data', 'auth-secret')
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
  }
  return (cachedSecret = readFileSync(file, 'utf8').trim())
}

export function isSecureDeployment(): boolean {
  return (process.env.AUTH_URL ?? '').startsWith('https://')
}

export function mailFrom(): string {
  return process.env.MAIL_FROM ?? 'İkamet <no-reply@example.org>'
}

export function smtpUrl(): string | undefined {
  return process.env.SMTP_URL?.trim() || undefined
}

/**
 * The test mailbox page exists in development and in the self-contained demo (embedded
 * database, no mail server), where it is the only way to read a sign-in code. A deployment
 * on PostgreSQL or with SMTP never has it.
 */
export function isDevMailboxEnabled(): boolean {
  if (process.env.NODE_ENV !== 'production') return true
  return !process.env.DATABASE_URL?.trim() && !smtpUrl()
}

/** An absolute address on the portal for e-mails: AUTH_URL's origin, or the local demo. */
export function portalUrl(path: string): string {
  const base = process.env.AUTH_URL?.trim() || 'http://localhost:3000'
  try {
    return new URL(path, new URL(base).origin).toString()
  } catch {
    return `http://localhost:3000${path}`
  }
}
