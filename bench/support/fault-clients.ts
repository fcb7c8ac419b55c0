import { randomUUID } from 'node:crypto'
import type { Applicant } from './bench-database'

// Booking clients that behave as a careful API client must while the database fails under
// them: one idempotency key per step, kept for every retry until a definite answer.

export type Outcome = 'booked' | 'full' | 'refused' | 'none'

export type ClientResult = {
  applicationId: string
  slotId: string
  holdKey: string
  confirmKey: string
  outcome: Outcome
  /** The refusal code when the outcome is `refused` (anything but a full slot). */
  refusal?: string
  requests: number
  retries: number
}

/** Every answer the clients saw, by status, and the bodies that must never be sent. */
export type Answers = {
  byStatus: Record<string, number>
  /** Requests that got no answer, by the error's code (a timeout, a reset connection). */
  networkErrors: Record<string, number>
  /** 5xx answers whose body shows a stack frame, a file path, SQL or a driver message. */
  leakyBodies: string[]
  /** Answers that would mislead the client about its session (401 to a signed-in one). */
  wrongAnswers: string[]
}

export function emptyAnswers(): Answers {
  return { byStatus: {}, networkErrors: {}, leakyBodies: [], wrongAnswers: [] }
}

const LEAK =
  /\n\s+at\s|\.(?:ts|js|mjs|tsx):\d+|node_modules|\b(?:select|insert|update)\s.+\b(?:from|into|set)\b|ECONNREFUSED|postgres|drizzle|pg_terminate|terminating connection/i

type Answer = { status: number; code?: string }

async function post(
  url: string,
  person: Applicant,
  key: string,
  body: unknown,
  answers: Answers,
  timeoutMs: number,
): Promise<Answer | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${person.token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await response.text()
    answers.byStatus[response.status] = (answers.byStatus[response.status] ?? 0) + 1
    if (response.status >= 500 && LEAK.test(text)) answers.leakyBodies.push(text.slice(0, 500))
    if (response.status === 401) answers.wrongAnswers.push(`401 ${text.slice(0, 200)}`)
    let code: string | undefined
    try {
      code = (JSON.parse(text) as { error?: { code?: string } }).error?.code
    } catch {
      // not JSON (an HTML error page): only the status counts
    }
    return { status: response.status, code }
  } catch (error) {
    const e = error as { name?: string; cause?: { code?: string } }
    const code = e.cause?.code ?? e.name ?? 'unknown'
    answers.networkErrors[code] = (answers.networkErrors[code] ?? 0) + 1
    return null
  }
}

/** Not an answer about the booking: the same request is sent again with the same key. */
function isRetryable(answer: Answer | null): boolean {
  if (!answer) return true
  if (answer.status >= 500 || answer.status === 429 || answer.status === 401) return true
  return answer.status === 409 && answer.code === 'busy'
}

export type ClientPlan = {
  baseUrl: string
  person: Applicant
  slotId: string
  answers: Answers
  /** The client stops trying at this time (performance.now()) and ends without an outcome. */
  deadline: number
  requestTimeoutMs: number
}

/** Holds a place, then confirms it, each step retried with its own key until it is decided. */
export async function bookUntilDecided(plan: ClientPlan): Promise<ClientResult> {
  const { person, slotId, answers } = plan
  const prefix = `${plan.baseUrl}/api/v1/applications/${person.applicationId}/appointment`
  const result: ClientResult = {
    applicationId: person.applicationId,
    slotId,
    holdKey: randomUUID(),
    confirmKey: randomUUID(),
    outcome: 'none',
    requests: 0,
    retries: 0,
  }
  const step = async (path: string, key: string, body: unknown): Promise<Answer | null> => {
    for (let attempt = 0; performance.now() < plan.deadline; attempt++) {
      if (attempt > 0) {
        result.retries += 1
        // Backoff with jitter, as a client should, capped at two seconds.
        const wait = Math.min(2_000, 100 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random())
        await new Promise((resolve) => setTimeout(resolve, wait))
      }
      result.requests += 1
      const answer = await post(
        `${prefix}/${path}`,
        person,
        key,
        body,
        answers,
        plan.requestTimeoutMs,
      )
      if (!isRetryable(answer)) return answer
    }
    return null
  }
  const held = await step('hold', result.holdKey, { slotId })
  if (!held) return result
  if (held.status !== 200) {
    result.outcome = held.status === 409 && held.code === 'slot_full' ? 'full' : 'refused'
    if (result.outcome === 'refused') result.refusal = `hold ${held.status} ${held.code}`
    return result
  }
  const confirmed = await step('confirm', result.confirmKey, {})
  if (!confirmed) return result
  if (confirmed.status === 200) result.outcome = 'booked'
  else {
    result.outcome = 'refused'
    result.refusal = `confirm ${confirmed.status} ${confirmed.code}`
  }
  return result
}

/** When a health request was sent and answered (performance.now()), and its status. */
export type HealthSample = { sent: number; answered: number; status: number }

/** Asks /api/health every `everyMs` until stopped; a network error counts as status 0. */
export function pollHealth(baseUrl: string, everyMs: number) {
  const samples: HealthSample[] = []
  let stopped = false
  const loop = (async () => {
    while (!stopped) {
      const sent = performance.now()
      let status = 0
      try {
        const response = await fetch(`${baseUrl}/api/health`, {
          signal: AbortSignal.timeout(5_000),
        })
        await response.arrayBuffer()
        status = response.status
      } catch {
        status = 0
      }
      samples.push({ sent, answered: performance.now(), status })
      await new Promise((resolve) => setTimeout(resolve, everyMs))
    }
  })()
  return {
    samples,
    stop: async () => {
      stopped = true
      await loop
    },
  }
}

/**
 * Seconds from `backAt` (PostgreSQL accepts connections again) to the first healthy answer
 * after it, or null when there was none; and whether the health check said so while it was
 * down (between `downAt` and `backAt`).
 */
export function recoveryAfter(samples: readonly HealthSample[], downAt: number, backAt: number) {
  const reportedOutage = samples.some(
    (s) => s.sent >= downAt && s.sent <= backAt && s.status === 503,
  )
  const firstOk = samples.find((s) => s.sent >= backAt && s.status === 200)
  return {
    reportedOutage,
    recoverySeconds: firstOk ? Math.round((firstOk.answered - backAt) / 10) / 100 : null,
  }
}
