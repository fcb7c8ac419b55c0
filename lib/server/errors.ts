import 'server-only'

// Domain refusals the entry-point wrappers (lib/server/entry) turn into answers, one way for
// every page, action and route (ARCHITECTURE.md "Entry points"). Access refusals are
// AccessDenied (actor.ts), limits RateLimited (rate-limit.ts), lock waits Busy (idempotency.ts).

/** The record changed since the person opened it (security.md BL-08): answer 409, change nothing. */
export class StaleVersion extends Error {
  constructor() {
    super('stale_version')
  }
}

/**
 * A rule said no. `reason` is the machine code; `messageKey` its translated message (by
 * default `<namespace>:refusals.<reason>`); `values` fill that message. 409 when the state of
 * the record said no (wrong status), 422 when a rule about the input did.
 */
export class Refused extends Error {
  readonly messageKey: string
  readonly values: Record<string, string>
  readonly status: 409 | 422
  constructor(
    readonly reason: string,
    options: { namespace?: string; values?: Record<string, string>; status?: 409 | 422 } = {},
  ) {
    super(reason)
    this.messageKey = `${options.namespace ?? 'common'}:refusals.${reason}`
    this.values = options.values ?? {}
    this.status = options.status ?? 422
  }
}
