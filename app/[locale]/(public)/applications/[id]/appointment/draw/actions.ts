'use server'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { paths } from '@/lib/paths'
import {
  DRAW_ERRORS,
  drawChoicesSchema,
  drawPageContextSchema,
  errorCodeOf,
  type DrawError,
} from '@/lib/schemas/draws'
import { formDataToObject } from '@/lib/schemas/form-state'
import { enterDraw, type EnterDrawResult } from '@/lib/server/appointments/release-draws'
import { Busy } from '@/lib/server/idempotency'
import { loadForPage } from '@/lib/server/page-access'
import { clientAddress } from '@/lib/server/http/request-origin'
import { RateLimited } from '@/lib/server/rate-limit'

/** Sends the applicant's choices; answers by going back to the draw page with ?done or ?error. */
export async function enterDrawAction(context: unknown, formData: FormData): Promise<void> {
  const ctx = drawPageContextSchema.safeParse(context)
  if (!ctx.success) redirect('/')
  const { locale, id } = ctx.data
  const here = `${paths.appointment(locale, id)}/draw`
  const back = (error: DrawError) => redirect(`${here}?error=${error}`)
  const form = drawChoicesSchema.safeParse(formDataToObject(formData))
  if (!form.success) back(errorCodeOf(form.error, 'draws:errors.', DRAW_ERRORS, 'choice_invalid'))
  const { preferences, idempotencyKey } = form.data!
  const address = clientAddress(await headers())
  let result: EnterDrawResult
  try {
    result = await loadForPage(locale, 'applicant', here, () =>
      enterDraw({ applicationId: id, preferences, idempotencyKey, address, locale }),
    )
  } catch (error) {
    if (error instanceof RateLimited) return back('rate_limited')
    if (error instanceof Busy) return back('busy')
    throw error
  }
  // Every refusal of enterDraw is a message the page has (checked by the compiler).
  if (!result.ok) back(result.reason satisfies DrawError)
  redirect(`${here}?done=entered`)
}
