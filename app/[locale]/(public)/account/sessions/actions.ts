'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { paths } from '@/lib/paths'
import type { FormState } from '@/lib/schemas/form-state'
import { endOtherSessionsSchema, endSessionSchema } from '@/lib/schemas/sessions'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'
import { endMyOtherSessions, endMySession } from '@/lib/server/sessions/end-my-sessions'

// Ending sessions from the list (issue 15); the applicants' and the staff page share these.
// Success goes back to the list it came from with a known ?done= code.
const context = formContextSchema.extend({ area: z.enum(['account', 'staff']) })
type Context = z.infer<typeof context>
const listOf = (c: Context) =>
  c.area === 'staff' ? paths.staffSessions(c.locale) : paths.mySessions(c.locale)

export async function endSessionAction(
  ctx: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context,
      input: endSessionSchema,
      run: endMySession,
      done: (_r, c) => redirect(`${listOf(c)}?done=ended`),
    },
    ctx,
    formData,
  )
}

export async function endOtherSessionsAction(
  ctx: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context,
      input: endOtherSessionsSchema,
      run: endMyOtherSessions,
      done: (_r, c) => redirect(`${listOf(c)}?done=others_ended`),
    },
    ctx,
    formData,
  )
}
