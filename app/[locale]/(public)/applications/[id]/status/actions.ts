'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { paths } from '@/lib/paths'
import type { FormState } from '@/lib/schemas/form-state'
import {
  answerDocumentRequest,
  withdrawMyApplication,
} from '@/lib/server/applications/answer-document-request'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'

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
