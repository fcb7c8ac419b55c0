import 'server-only'
import { forbidden, notFound, redirect } from 'next/navigation'
import type { Locale } from '@/lib/domain/locales'
import type { SignInAudience } from '@/lib/domain/sign-in-code'
import { paths } from '@/lib/paths'
import { recordAccessRefusal } from './access-refusals'
import { AccessDenied, getActor } from './actor'

/**
 * Runs a data-access call for a page and turns a refusal into the right answer: sign in (or,
 * for staff between the e-mailed code and the second factor, that second step: SF-01),
 * 404 (not yours, or not for your kind of account) or 403 (staff without the permission).
 */
export async function loadForPage<T>(
  locale: Locale,
  audience: SignInAudience,
  returnTo: string,
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load()
  } catch (error) {
    if (!(error instanceof AccessDenied)) throw error
    await recordAccessRefusal(error, returnTo)
    if (error.reason === 'unauthenticated') {
      const secondStep = paths.staffSecondFactor(locale)
      const actor = await getActor()
      if (
        actor.kind === 'anonymous' &&
        actor.secondFactorPending &&
        !returnTo.startsWith(secondStep)
      )
        redirect(paths.staffSecondFactor(locale, returnTo))
      redirect(paths.signInThen(locale, returnTo, audience))
    }
    if (error.reason === 'forbidden') forbidden()
    notFound()
  }
}
