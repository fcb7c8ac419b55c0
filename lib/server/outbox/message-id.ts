import { domainToASCII } from 'node:url'

/**
 * The Message-ID of an outbox e-mail: its row id at the sender's domain. Every try of the same
 * message carries the same one, so a mail server or program that got a repeat (a worker died
 * between sending and recording the send) can tell it is the same message.
 */
export function outboxMessageId(outboxId: string, from: string): string {
  const address = /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from
  const domain = /@([^@\s]+)$/.exec(address.trim())?.[1]
  // A header value is ASCII: an internationalised domain goes in its xn-- form.
  return `<${outboxId}@${(domain && domainToASCII(domain)) || 'localhost'}>`
}
