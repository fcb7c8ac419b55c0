import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import { outboxMessages } from '@/db/schema'
import { textToBlocks } from '../mail/mail-content'
import { enqueueMail } from './enqueue-mail'
import { outboxMessageId } from './message-id'

// The worker is a separate process, and an embedded PGlite database lives inside one process:
// only a PostgreSQL server can be shared between this test and the worker it starts.
const onPostgres = Boolean(process.env.DATABASE_URL?.trim())
const LEASE_SECONDS = 3
const MAIL_FROM = 'İkamet <no-reply@crash.ikamet.test>'

/** What the test mail server does with the next of our messages. */
type Step = 'hold-before-accepting' | 'hold-after-receiving' | 'accept'
type Held = { step: Step; to: string }

/**
 * A real SMTP server (smtp-server) standing in for the mail relay. It follows a script: hold
 * one message at RCPT TO (claimed, not yet accepted), or take in a whole message and never
 * answer 250 (received, not yet marked), or accept; without a script it accepts everything.
 * Mail to other addresses (jobs of the worker) is accepted and not counted.
 */
function startMailServer(ours: Set<string>) {
  const received: { to: string; messageId: string }[] = []
  const accepted: string[] = []
  const held: Held[] = []
  const script: Step[] = []
  const hold = (step: Step, to: string) => {
    held.push({ step, to })
    state.onHold()
  }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (ours.has(address.address) && script[0] === 'hold-before-accepting') {
        return hold(script.shift()!, address.address) // no answer: the worker waits here
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const to = session.envelope.rcptTo[0]?.address ?? ''
        if (!ours.has(to)) return callback()
        const raw = Buffer.concat(chunks).toString('utf8')
        const messageId = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(raw)?.[1] ?? ''
        received.push({ to, messageId })
        if (script[0] === 'hold-after-receiving') {
          return hold(script.shift()!, to) // the message is here; the worker never hears 250
        }
        if (script[0] === 'accept') script.shift()
        accepted.push(to)
        callback()
      })
    },
  })
  // The test kills the worker from here, at the very moment the server holds a message.
  const state = { server, received, accepted, held, script, onHold: () => {} }
  return state
}

const root = path.resolve(__dirname, '../../..')

/**
 * `npm run worker` is `tsx --tsconfig tsconfig.scripts.json lib/server/outbox/run-worker.ts`;
 * the tsx command runs the script in a child process of its own, which a SIGKILL of tsx would
 * leave running. The same loader and tsconfig inside one node process make the kill real.
 */
function startWorker(smtpPort: number): ChildProcess {
  const worker = spawn(process.execPath, ['--import', 'tsx', 'lib/server/outbox/run-worker.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      NODE_ENV: 'production',
      PATH: process.env.PATH,
      TSX_TSCONFIG_PATH: 'tsconfig.scripts.json',
      DATABASE_URL: process.env.DATABASE_URL,
      DATABASE_POOL_MAX: '2',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM,
      OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
      OUTBOX_POLL_MS: '100',
    },
  })
  workers.push(worker)
  return worker
}

const workers: ChildProcess[] = []

async function kill(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return
  const exited = once(worker, 'exit')
  worker.kill('SIGKILL')
  await exited
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined) {
  const deadline = Date.now() + 15_000
  for (;;) {
    const value = await probe()
    if (value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe.skipIf(!onPostgres)(
  'outbox worker killed at each step of a delivery (PostgreSQL only: PGlite cannot be shared between processes)',
  () => {
    const recipients = Array.from(
      { length: 3 },
      () => `crash.${randomBytes(4).toString('hex')}@example.org`,
    )
    let mail: ReturnType<typeof startMailServer>
    let port = 0

    beforeAll(async () => {
      mail = startMailServer(new Set(recipients))
      mail.server.listen(0, '127.0.0.1')
      await once(mail.server.server, 'listening')
      port = (mail.server.server.address() as AddressInfo).port
      const db = await getDb()
      // Other test files leave mail due in the shared database; the worker sends only ours.
      await db
        .update(outboxMessages)
        .set({ nextAttemptAt: sql`now() + interval '1 day'` })
        .where(and(eq(outboxMessages.status, 'pending'), eq(outboxMessages.channel, 'email')))
      for (const to of recipients) {
        await db.transaction((tx) =>
          enqueueMail(tx, {
            template: 'test',
            recipient: to,
            locale: 'en',
            content: { subject: 'Crash test', blocks: textToBlocks('Body') },
          }),
        )
      }
    })

    afterAll(async () => {
      await Promise.all(workers.map(kill))
      await new Promise<void>((resolve) => mail.server.close(() => resolve()))
    })

    const rows = async () =>
      (await getDb())
        .select()
        .from(outboxMessages)
        .where(inArray(outboxMessages.recipient, recipients))
    const rowOf = async (to: string) => (await rows()).find((r) => r.recipient === to)!

    /** Starts a worker, kills it when the mail server holds the next message, tells which. */
    async function killedAtHold(): Promise<Held> {
      const worker = startWorker(port)
      const before = mail.held.length
      mail.onHold = () => worker.kill('SIGKILL')
      await until('the worker killed at a held message', () => worker.signalCode === 'SIGKILL')
      mail.onHold = () => {}
      expect(mail.held).toHaveLength(before + 1)
      return mail.held[before]!
    }

    it('delivers every message, none more than twice, a repeat with the same Message-ID', async () => {
      // 1. Killed after claiming: the server holds the message at RCPT TO, before accepting it.
      mail.script.push('hold-before-accepting')
      const claimed = await killedAtHold()
      expect(await rowOf(claimed.to)).toMatchObject({ status: 'pending', attempts: 1 })
      expect((await rowOf(claimed.to)).leaseUntil!.getTime()).toBeGreaterThan(Date.now())
      expect(mail.received.filter((m) => m.to === claimed.to)).toHaveLength(0)

      // 2. Killed after the server received the whole message, before its 250 and the marking.
      mail.script.push('hold-after-receiving')
      const unanswered = await killedAtHold()
      expect(mail.received.filter((m) => m.to === unanswered.to)).toHaveLength(1)
      expect((await rowOf(unanswered.to)).status).toBe('pending')

      // 3. Killed after marking: one message goes through and is marked sent before the worker
      // claims the next one, which the server holds at RCPT TO while the worker is killed.
      mail.script.push('accept', 'hold-before-accepting')
      await killedAtHold()
      const marked = await rowOf(mail.accepted[0]!)
      expect(marked.status).toBe('sent')
      const copiesOf = (to: string) => mail.received.filter((m) => m.to === to)
      const markedCopies = copiesOf(marked.recipient).length

      // 4. A fresh worker, once the leases have run out, finishes the work.
      const worker = startWorker(port)
      const sent = await until('every message sent', async () => {
        const all = await rows()
        return all.every((r) => r.status === 'sent') ? all : undefined
      })
      await kill(worker)

      expect(sent).toHaveLength(recipients.length)
      for (const row of sent) {
        const copies = copiesOf(row.recipient)
        // Only a message the server had, but whose send was never recorded, comes twice.
        expect(copies).toHaveLength(row.recipient === unanswered.to ? 2 : 1)
        for (const copy of copies) expect(copy.messageId).toBe(outboxMessageId(row.id, MAIL_FROM))
      }
      // A message marked sent is never sent again.
      expect(copiesOf(marked.recipient)).toHaveLength(markedCopies)
    }, 40_000)
  },
)
