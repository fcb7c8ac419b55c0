'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { LOCALES } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import type { FormState } from '@/lib/schemas/form-state'
import { submitApplication } from '@/lib/server/applications/submit-application'

const contextSchema = z.strictObject({ locale: z.enum(LOCALES), id: z.uuid() })
const formSchema = z.strictObject({ idempotencyKey: z.uuid() })

/** Sends the draft; the key written into the page makes a double click one submission. */
export async function submitApplicationAction(
  context: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const ctx = contextSchema.safeParse(context)
  const form = formSchema.safeParse({ idempotencyKey: formData.get('idempotencyKey') })
  if (!ctx.success || !form.success) return { fieldErrors: { _form: 'validation:unexpected' } }
  const result = await submitApplication(ctx.data.id, form.data.idempotencyKey, ctx.data.locale)
  if (!result.ok) return { fieldErrors: { _form: `application:submitErrors.${result.reason}` } }
  redirect(paths.applicationConfirmation(ctx.data.locale, ctx.data.id))
}
