import 'server-only'
import { Undeliverable, type Sender } from '../outbox/deliver-outbox'
import { SmsSendError, type SmsGateway } from './sms-gateway'

/** Text messages through the gateway; the outbox id is the client reference on every try. */
export function createSmsSender(gateway: SmsGateway): Sender {
  return {
    channel: 'sms',
    async send(message) {
      try {
        return await gateway.send({
          to: message.recipient,
          text: message.body,
          clientReference: message.id,
        })
      } catch (error) {
        if (error instanceof SmsSendError && !error.retryable)
          throw new Undeliverable(error.message)
        throw error
      }
    },
  }
}
