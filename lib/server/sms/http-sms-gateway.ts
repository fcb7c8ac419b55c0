import 'server-only'
import type { SmsGatewaySettings } from '../env'
import { SmsSendError, type SmsGateway } from './sms-gateway'

/**
 * A generic HTTP provider: JSON POST { to, text, clientReference, from? } with a bearer token;
 * any 2xx answer is accepted and its JSON `id` (or `messageId`) kept. Other answers, network
 * errors and timeouts are retryable: the client reference stops the provider sending twice.
 */
export function createHttpSmsGateway(settings: SmsGatewaySettings): SmsGateway {
  return {
    async send({ to, text, clientReference }) {
      let response: Response
      try {
        response = await fetch(settings.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
          },
          body: JSON.stringify({
            to,
            text,
            clientReference,
            ...(settings.sender ? { from: settings.sender } : {}),
          }),
          signal: AbortSignal.timeout(settings.timeoutMs),
        })
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError'
        throw new SmsSendError(
          timedOut
            ? `SMS gateway did not answer within ${settings.timeoutMs} ms`
            : `SMS gateway unreachable: ${error instanceof Error ? error.message : String(error)}`,
        )
      }
      if (!response.ok) {
        const detail = (await response.text().catch(() => '')).slice(0, 200)
        throw new SmsSendError(`SMS gateway answered ${response.status}: ${detail}`)
      }
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown>
      const id = body.id ?? body.messageId
      return { providerId: typeof id === 'string' || typeof id === 'number' ? String(id) : '' }
    },
  }
}
