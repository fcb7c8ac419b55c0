import { rmSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { startFakeClamd } from '../../lib/server/testing/fake-clamd'

// The mail relay and the SMS gateway of the end-to-end run: a test double the Playwright run
// starts next to the portal, never part of the application. The portal delivers to it the way
// it delivers in production (SMTP_URL, SMS_GATEWAY_URL); tests read what arrived over HTTP.
//   GET  /mail?to=…   every message received for that address, newest first
//   POST /sms         the generic HTTP gateway: { to, text, clientReference, from? }
//   GET  /sms?to=…    every text message received for that number, newest first
// It also runs the malware scanner the portal sends uploads to (CLAMD_URL): a fake clamd on
// the unix socket FAKE_CLAMD_SOCKET that finds the EICAR test file.
// and the payment provider (lib/server/payments/payment-provider.ts), at /payments-api:
//   POST /payments-api/payments      open a payment → { id, redirectUrl }
//   GET  /payments-api/payments/{id} what the portal asks before it records a payment
//   GET  /checkout/{id}              the provider's page the person pays on
//   POST /checkout/{id}              "pay": marks it paid, notifies the portal, sends the
//                                    person back to the portal's return address

const httpPort = Number(process.env.FAKE_PROVIDERS_PORT)
const smtpPort = Number(process.env.FAKE_SMTP_PORT)
const smsToken = process.env.FAKE_SMS_TOKEN ?? ''
const clamdSocket = process.env.FAKE_CLAMD_SOCKET ?? ''
const paymentToken = process.env.FAKE_PAYMENT_TOKEN ?? ''

export type ArrivedMail = {
  to: string[]
  from: string
  subject: string
  messageId: string
  text: string
  html: string
  attachments: { filename: string; contentType: string }[]
  receivedAt: string
}
export type ArrivedSms = { to: string; text: string; clientReference: string; receivedAt: string }

const mails: ArrivedMail[] = []
const texts: ArrivedSms[] = []

type FakePayment = {
  id: string
  reference: string
  amount: number
  currency: string
  status: 'pending' | 'paid'
  returnUrl: string
  notifyUrl: string
}
const payments = new Map<string, FakePayment>()
const escapeHtml = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  async onData(stream, session, callback) {
    try {
      const parsed = await simpleParser(stream)
      mails.push({
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
        from: parsed.from?.text ?? '',
        subject: parsed.subject ?? '',
        messageId: parsed.messageId ?? '',
        text: parsed.text ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : '',
        attachments: parsed.attachments.map((a) => ({
          filename: a.filename ?? '',
          contentType: a.contentType,
        })),
        receivedAt: new Date().toISOString(),
      })
      callback()
    } catch (error) {
      callback(error instanceof Error ? error : new Error(String(error)))
    }
  },
})

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>
}

const http = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://fake')
  const answer = (status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' })
    response.end(JSON.stringify(body))
  }
  const to = url.searchParams.get('to')?.toLowerCase() ?? ''
  if (request.method === 'GET' && url.pathname === '/health') return answer(200, { ok: true })
  if (request.method === 'GET' && url.pathname === '/mail')
    return answer(200, mails.filter((m) => m.to.includes(to)).reverse())
  if (request.method === 'GET' && url.pathname === '/sms')
    return answer(200, texts.filter((m) => m.to === to).reverse())
  if (request.method === 'POST' && url.pathname === '/sms') {
    if (smsToken && request.headers.authorization !== `Bearer ${smsToken}`)
      return answer(401, { error: 'unauthorized' })
    readJson(request)
      .then((body) => {
        const clientReference = String(body.clientReference ?? '')
        // A real gateway drops a repeat of a reference it has already taken.
        const known = texts.findIndex((t) => t.clientReference === clientReference)
        if (known < 0)
          texts.push({
            to: String(body.to ?? ''),
            text: String(body.text ?? ''),
            clientReference,
            receivedAt: new Date().toISOString(),
          })
        answer(200, { id: `fake-${known < 0 ? texts.length : known + 1}` })
      })
      .catch(() => answer(400, { error: 'bad json' }))
    return
  }
  if (url.pathname.startsWith('/payments-api/')) {
    if (paymentToken && request.headers.authorization !== `Bearer ${paymentToken}`)
      return answer(401, { error: 'unauthorized' })
    if (request.method === 'POST' && url.pathname === '/payments-api/payments') {
      readJson(request)
        .then((body) => {
          const id = `fakepay-${payments.size + 1}-${Date.now()}`
          payments.set(id, {
            id,
            reference: String(body.reference ?? ''),
            amount: Number(body.amount),
            currency: String(body.currency ?? ''),
            status: 'pending',
            returnUrl: String(body.returnUrl ?? ''),
            notifyUrl: String(body.notifyUrl ?? ''),
          })
          answer(201, { id, redirectUrl: `http://${request.headers.host}/checkout/${id}` })
        })
        .catch(() => answer(400, { error: 'bad json' }))
      return
    }
    const found = payments.get(decodeURIComponent(url.pathname.split('/')[3] ?? ''))
    if (request.method === 'GET' && found) {
      const { id, reference, amount, currency, status } = found
      return answer(200, { id, reference, amount, currency, status })
    }
    return answer(404, { error: 'not found' })
  }
  if (url.pathname.startsWith('/checkout/')) {
    const payment = payments.get(decodeURIComponent(url.pathname.slice('/checkout/'.length)))
    if (!payment) return answer(404, { error: 'not found' })
    if (request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      response.end(`<!doctype html><html lang="en"><head><meta name="viewport"
        content="width=device-width"><title>Fake payment provider</title></head><body>
        <h1>Fake payment provider</h1><p>Reference: <span id="reference">${escapeHtml(payment.reference)}</span></p>
        <p>Amount: <span id="amount">${payment.amount}</span> ${escapeHtml(payment.currency)}</p>
        <form method="post"><button type="submit">Pay</button></form></body></html>`)
      return
    }
    if (request.method === 'POST') {
      payment.status = 'paid'
      // As a real provider does: tell the portal, then send the person back.
      fetch(payment.notifyUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ paymentId: payment.id }),
      })
        .catch(() => undefined)
        .finally(() => {
          response.writeHead(303, { location: payment.returnUrl })
          response.end()
        })
      return
    }
  }
  answer(404, { error: 'not found' })
})

// A socket left behind by an earlier run that was killed would stop the listen.
rmSync(clamdSocket, { force: true })
void startFakeClamd({ socketPath: clamdSocket }).then(() => {
  smtp.listen(smtpPort, '127.0.0.1', () => {
    http.listen(httpPort, '127.0.0.1', () =>
      console.log(`fake providers: HTTP ${httpPort}, SMTP ${smtpPort}, clamd ${clamdSocket}`),
    )
  })
})
