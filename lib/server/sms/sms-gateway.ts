// One interface for every SMS provider; the outbox worker knows no provider by name.

export type SmsMessage = {
  /** E.164, for example +905321234567. */
  to: string
  text: string
  /** The outbox message id: the same on every try, so the provider can drop a repeat. */
  clientReference: string
}

export type SmsGateway = {
  send(message: SmsMessage): Promise<{ providerId: string }>
}

/** A send that did not go through; the outbox tries again later, up to its attempt limit. */
export class SmsSendError extends Error {
  constructor(
    message: string,
    readonly retryable = true,
  ) {
    super(message)
    this.name = 'SmsSendError'
  }
}
