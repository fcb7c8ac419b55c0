'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { LOCALES } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import {
  errorCodeOf,
  RELEASE_WINDOW_ERRORS,
  releaseWindowFormSchema,
  releaseWindowValuesFrom,
  type ReleaseWindowError,
} from '@/lib/schemas/draws'
import { formDataToObject } from '@/lib/schemas/form-state'
import {
  openReleaseWindow,
  type ReleaseWindowResult,
} from '@/lib/server/appointments/release-windows'
import { Busy } from '@/lib/server/idempotency'
import { loadForPage } from '@/lib/server/page-access'

const contextSchema = z.strictObject({ locale: z.enum(LOCALES) })

/** Opens a draw; answers by going back to the page with ?done=<times> or ?error=<code>. */
export async function openWindowAction(context: unknown, formData: FormData): Promise<void> {
  const ctx = contextSchema.safeParse(context)
  if (!ctx.success) redirect('/')
  const here = `${paths.staffHome(ctx.data.locale)}/capacity/draws`
  const sent = formDataToObject(formData)
  const back = (error: ReleaseWindowError): never =>
    redirect(`${here}?${new URLSearchParams({ error, ...releaseWindowValuesFrom(sent) })}`)
  const form = releaseWindowFormSchema.safeParse(sent)
  if (!form.success)
    return back(
      errorCodeOf(form.error, 'draws:staff.errors.', RELEASE_WINDOW_ERRORS, 'invalid_form'),
    )
  let result: ReleaseWindowResult
  try {
    result = await loadForPage(ctx.data.locale, 'staff', here, () => openReleaseWindow(form.data))
  } catch (error) {
    if (error instanceof Busy) return back('busy')
    throw error
  }
  // Every refusal is a message the page has (checked by the compiler).
  if (!result.ok) return back(result.reason satisfies ReleaseWindowError)
  redirect(`${here}?done=${result.slots}`)
}
