import { expect } from '@playwright/test'
import postgres from 'postgres'
import type { ArrivedMail, ArrivedSms } from './fake-providers'
import { fakeProvidersUrl } from './ports'
import { e2eDatabaseUrl } from './database-url'

let sql: postgres.Sql | undefined
const db = () => (sql ??= postgres(e2eDatabaseUrl(), { max: 2, onnotice: () => {} }))

/** What the fake mail relay received for an address, newest first. */
export async function arrivedMails(to: string): Promise<ArrivedMail[]> {
  const response = await fetch(`${fakeProvidersUrl}/mail?to=${encodeURIComponent(to)}`)
  return (await response.json()) as ArrivedMail[]
}

/** What the fake SMS gateway received for a number, newest first. */
export async function arrivedTexts(to: string): Promise<ArrivedSms[]> {
  const response = await fetch(`${fakeProvidersUrl}/sms?to=${encodeURIComponent(to)}`)
  return (await response.json()) as ArrivedSms[]
}

/** Waits until the first thing `find` picks has arrived (the worker polls every 200 ms). */
export async function waitFor<T>(find: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = await find()
    if (found !== undefined) return found
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`nothing arrived: ${what}`)
}

/** The newest mail to an address received since `after` that `match` accepts. */
export function waitForMail(
  to: string,
  after: Date,
  match: (mail: ArrivedMail) => boolean = () => true,
): Promise<ArrivedMail> {
  return waitFor(
    async () => (await arrivedMails(to)).find((m) => new Date(m.receivedAt) >= after && match(m)),
    `mail to ${to}`,
  )
}

const codeLine = (mail: ArrivedMail) => mail.text.match(/^\d{6}$/m)?.[0]

/**
 * The newest sign-in code e-mailed to an address, as the person reads it in the mail that
 * arrived. The code is in the body only, on a line of its own (never in the subject, which lock
 * screens show); the outbox keeps no readable copy once the mail is delivered.
 */
export async function latestSignInCode(email: string, after: Date): Promise<string> {
  const mail = await waitForMail(email, after, (m) => codeLine(m) !== undefined)
  expect(mail.subject).not.toMatch(/\d{6}/)
  return codeLine(mail)!
}

export async function countRows(
  table: 'sign_in_challenges' | 'outbox_messages',
  email: string,
): Promise<number> {
  const column = table === 'sign_in_challenges' ? 'identifier' : 'recipient'
  const rows = await db().unsafe<{ n: number }[]>(
    `select count(*)::int as n from ${table} where ${column} = $1`,
    [email],
  )
  return Number(rows[0]?.n ?? 0)
}

/** The bodies the outbox holds for an address, as anyone reading the database would see them. */
export async function outboxBodies(recipient: string): Promise<string[]> {
  const rows = await db()<{ body: string }[]>`
    select body from outbox_messages where recipient = ${recipient}`
  return rows.map((r) => r.body)
}

export type OutboxMessage = {
  template: string
  locale: string
  subject: string
  body: string
  html: string | null
  application_id: string | null
}

/** The newest message of a kind queued to an address since `after`, or undefined. */
export async function latestMessage(
  recipient: string,
  template: string,
  after: Date,
): Promise<OutboxMessage | undefined> {
  const rows = await db()<OutboxMessage[]>`
    select template, locale, subject, body, html, application_id from outbox_messages
    where recipient = ${recipient} and template = ${template} and created_at >= ${after}
    order by created_at desc limit 1`
  return rows[0]
}
