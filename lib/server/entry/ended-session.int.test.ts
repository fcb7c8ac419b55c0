// Issue 14: forms posted after the session ended answered 500. Each of the three named there
// sends to sign-in and back, with the form's own address; e2e/robustness.spec.ts posts them
// from the browser, with JavaScript on and off.
import '../testing/request-scope-mocks'
import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { saveSectionAction } from '@/app/[locale]/(public)/applications/[id]/[task]/actions'
import { submitApplicationAction } from '@/app/[locale]/(public)/applications/[id]/check/actions'
import { checkEligibilityAction } from '@/app/[locale]/(public)/apply/[kind]/actions'
import { getDb } from '@/db'
import { inDays } from '../testing/application-fixtures'
import { actAs } from '../testing/as-user'

async function redirectOf(post: () => Promise<unknown>): Promise<string> {
  try {
    await post()
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? ''
    if (digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2] ?? ''
    throw error
  }
  throw new Error('the action answered instead of sending to sign-in')
}

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [k, v] of Object.entries(fields)) data.set(k, v)
  return data
}

beforeAll(async () => {
  await getDb()
  await actAs(null) // the session has ended
})

describe('a form posted after the session ended', () => {
  const id = randomUUID()
  const signInFor = (returnTo: string) => `/en/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`

  it('eligibility: to sign-in and back', async () => {
    const [year, month, day] = inDays(40).split('-')
    const returnTo = '/en/apply/first'
    const to = await redirectOf(() =>
      checkEligibilityAction(
        { locale: 'en', returnTo, kind: 'first' },
        {},
        form({
          permitType: 'short_term',
          'legalStayUntil-day': day!,
          'legalStayUntil-month': month!,
          'legalStayUntil-year': year!,
        }),
      ),
    )
    expect(to).toBe(signInFor(returnTo))
  })

  it('a section: to sign-in and back', async () => {
    const returnTo = `/en/applications/${id}/personal`
    const to = await redirectOf(() =>
      saveSectionAction(
        { locale: 'en', returnTo, id, section: 'personal' },
        {},
        form({ intent: 'later', givenNames: 'Layla' }),
      ),
    )
    expect(to).toBe(signInFor(returnTo))
  })

  it('the submission: to sign-in and back', async () => {
    const returnTo = `/en/applications/${id}/check`
    const to = await redirectOf(() =>
      submitApplicationAction(
        { locale: 'en', returnTo, id },
        {},
        form({ idempotencyKey: randomUUID() }),
      ),
    )
    expect(to).toBe(signInFor(returnTo))
  })
})
