'use server'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { paths } from '@/lib/paths'
import type { FormState } from '@/lib/schemas/form-state'
import {
  answerDocumentRequest,
  withdrawMyApplication,
} from '@/lib/server/applications/answer-document-request'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'
import { publicOrigin } from '@/lib/server/http/request-origin'
import { startOnlinePayment } from '@/lib/server/payments/start-online-payment'

const context = formContextSchema.extend({ applicationId: z.uuid() })
const done = (ctx: z.infer<typeof context>, what: string) =>
  redirect(`${paths.applicationStatus(ctx.locale, ctx.applicationId)}?done=${what}`)

export async function answerRequestAction(ctx: unknown, _state: FormState, formData: FormData) {
  return runFormAction(
    {
      context,
      input: z.strictObject({}),
      run: (_input, c) => answerDocumentRequest(c.applicationId),
      done: (_r, c) => done(c, 'answered'),
    },
    ctx,
    formData,
  )
}

export async function withdrawAction(ctx: unknown, _state: FormState, formData: FormData) {
  return runFormAction(
    {
      context,
      input: z.strictObject({
        confirm: z.literal('yes', { error: 'applications:progress.withdraw.confirmRequired' }),
      }),
      run: (_input, c) => withdrawMyApplication(c.applicationId),
      done: (_r, c) => done(c, 'withdrawn'),
    },
    ctx,
    formData,
  )
}

// The amount and the reference come from the database, never from the form; the person is
// sent to the provider's own page (checked in payment-provider.ts) to pay.
export async function payOnlineAction(ctx: unknown, _state: FormState, formData: FormData) {
  return runFormAction(
    {
      context,
      input: z.strictObject({}),
      run: async (_input, c) =>
        startOnlinePayment(c.applicationId, {
          locale: c.locale,
          origin: publicOrigin(await headers(), 'http://localhost'),
        }),
      done: (r) => redirect(r.redirectUrl),
    },
    ctx,
    formData,
  )
}
