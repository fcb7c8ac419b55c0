import 'server-only'
import { createTransport, type Transporter } from 'nodemailer'
import { mailFrom } from '../env'
import type { Sender } from './deliver-outbox'
import { mailParts } from './mail-parts'
import { outboxMessageId } from './message-id'

/** E-mail through nodemailer: the same Message-ID on every try of a message. */
export function createMailSender(transport: Transporter): Sender {
  return {
    channel: 'email',
    async send(message) {
      const from = mailFrom()
      await transport.sendMail({
        from,
        to: message.recipient,
        subject: message.subject,
        messageId: outboxMessageId(message.id, from),
        ...mailParts(message),
        attachments: message.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      })
      return {}
    },
  }
}

/**
 * The SMTP transport for SMTP_URL. A try gives up well before its lease runs out (nodemailer
 * would wait up to ten minutes on a silent server), so no other worker sends the message while
 * this one may still succeed; settings in the URL's query still win.
 */
export function smtpTransport(url: string, leaseSeconds: number): Transporter {
  const timeout = Math.min(60_000, Math.max(500, Math.floor((leaseSeconds * 1000) / 3)))
  return createTransport({
    url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  })
}
