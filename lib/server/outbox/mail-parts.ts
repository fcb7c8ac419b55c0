import 'server-only'
import type { OutboxMessage } from './deliver-outbox'

/**
 * The text and HTML parts of a queued e-mail, as sent: the one place delivery touches how mail
 * is rendered. Both parts are rendered when the message is queued (`enqueueMail`), so every try
 * sends the same; they go out as multipart/alternative, the HTML one preferred by programs that
 * can. A row queued before the outbox had an HTML column goes out as text only.
 */
export function mailParts(message: OutboxMessage): { text: string; html: string | undefined } {
  return { text: message.body, html: message.html ?? undefined }
}
