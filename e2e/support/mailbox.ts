import postgres from 'postgres'
import { e2eDatabaseUrl } from './database-url'

let sql: postgres.Sql | undefined
const db = () => (sql ??= postgres(e2eDatabaseUrl(), { max: 2, onnotice: () => {} }))

/**
 * The newest sign-in code e-mailed to an address, read from the outbox table. The code is in
 * the body only, on a line of its own (never in the subject, which lock screens show).
 */
export async function latestSignInCode(email: string, after: Date): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const rows = await db()<{ body: string }[]>`
      select body from outbox_messages
      where recipient = ${email} and template = 'sign-in-code' and created_at >= ${after}
      order by created_at desc limit 1`
    const code = rows[0]?.body.match(/^\d{6}$/m)?.[0]
    if (code) return code
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no sign-in code for ${email}`)
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
