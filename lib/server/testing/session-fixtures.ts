import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { NextRequest } from 'next/server'
import { getDb } from '@/db'
import { sessions } from '@/db/schema'
import { setCurrentRequest } from './request-context'

const MINUTE = 60_000

type Age = {
  /** Minutes since sign-in. */
  signedIn?: number
  /** Minutes since the last request. */
  idle?: number
  /** Minutes until Auth.js's own expiry (the cookie's); far ahead unless said. */
  expiresIn?: number
  browser?: string | null
  os?: string | null
  /** A staff session has passed the second factor (SF-01) unless this is false. */
  secondFactor?: boolean
}

/** A session row as Auth.js and the adapter write it, aged as asked. */
export async function insertSession(userId: string, age: Age = {}) {
  const now = Date.now()
  const { signedIn = 1, idle = 0, expiresIn = 600, browser = null, os = null } = age
  const secondFactorAt = age.secondFactor === false ? null : new Date(now - signedIn * MINUTE)
  const token = randomBytes(32).toString('base64url')
  const db = await getDb()
  const [row] = await db
    .insert(sessions)
    .values({
      sessionToken: token,
      userId,
      createdAt: new Date(now - signedIn * MINUTE),
      lastSeenAt: new Date(now - idle * MINUTE),
      expires: new Date(now + expiresIn * MINUTE),
      browser,
      os,
      secondFactorAt,
    })
    .returning({ id: sessions.publicId })
  return { token, id: row!.id }
}

export async function findSession(token: string) {
  const db = await getDb()
  const [row] = await db.select().from(sessions).where(eq(sessions.sessionToken, token))
  return row ?? null
}

/** The next request comes from a browser holding this session cookie (or none). */
export function requestWithCookie(cookieName: string, token: string | null, path = '/en') {
  return setCurrentRequest(
    new NextRequest(`http://localhost:3000${path}`, {
      headers: token ? { cookie: `${cookieName}=${token}` } : {},
    }),
  )
}

/** The next request comes from a script presenting this session as a bearer token. */
export function requestWithBearer(token: string, path = '/api/v1/applications') {
  return setCurrentRequest(
    new NextRequest(`http://localhost:3000${path}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
  )
}
