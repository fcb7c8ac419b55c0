import 'server-only'
import { isLocale } from '@/lib/domain/locales'
import { renderPlainMail } from '../mail/compose-mail'
import type { OutboxMessage } from './deliver-outbox'

/**
 * The text and HTML parts of a queued e-mail, as sent: the one place delivery touches how mail
 * is rendered. Both go out as multipart/alternative, the HTML one preferred by programs that can.
 */
export function mailParts(message: OutboxMessage): { text: string; html: string } {
  // A message queued before the outbox had an HTML column: its text in the shared layout.
  const html =
    message.html ??
    renderPlainMail(message.subject, message.body, isLocale(message.locale) ? message.locale : 'tr')
      .html
  return { text: message.body, html }
}
