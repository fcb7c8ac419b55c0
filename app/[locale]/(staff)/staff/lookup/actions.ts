'use server'
import type { CallerActionState } from '@/components/call-centre/caller-actions'
import type { CallerLookupState } from '@/components/call-centre/caller-lookup-form'
import { lookUpCaller } from '@/lib/server/call-centre/look-up-caller'
import { resendLastNotification } from '@/lib/server/call-centre/resend-last-notification'
import { sendChangeLink } from '@/lib/server/call-centre/send-change-link'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'
import {
  callerActionSchema,
  type CallerActionInput,
  type CallerActionResult,
} from '@/lib/schemas/call-centre/caller-action'
import { callerLookupFormSchema } from '@/lib/schemas/call-centre/caller-lookup'

/** The agent's lookup: the masked view comes back in the form's state, never in the URL. */
export async function lookUpCallerAction(
  ctx: unknown,
  _state: CallerLookupState,
  formData: FormData,
): Promise<CallerLookupState> {
  return runFormAction(
    {
      context: formContextSchema,
      input: callerLookupFormSchema,
      run: (input, context) => lookUpCaller(input, context.locale),
      // The reason goes with the view: the actions repeat it, and the server checks it.
      done: (answer, _c, input): CallerLookupState =>
        answer.found
          ? { view: answer.view, reason: input.reason }
          : { formError: { key: 'callcentre:notFound' } },
    },
    ctx,
    formData,
  )
}

const callerActions = {
  resend: resendLastNotification,
  link: sendChangeLink,
} satisfies Record<string, (input: CallerActionInput) => Promise<CallerActionResult>>

/** One caller action: the agent's reason and the caller's checks come with the form. */
function runCallerAction(kind: keyof typeof callerActions, ctx: unknown, formData: FormData) {
  const channels = (r: CallerActionResult) =>
    r.email && r.sms ? 'both' : r.email ? 'email' : 'sms'
  return runFormAction(
    {
      context: formContextSchema,
      input: callerActionSchema,
      run: (input) => callerActions[kind](input),
      done: (result): CallerActionState => ({
        done: `callcentre:actions.done.${kind}.${channels(result)}`,
      }),
    },
    ctx,
    formData,
  )
}

/** Sends the verified caller's last message again. */
export async function resendAction(
  ctx: unknown,
  _state: CallerActionState,
  formData: FormData,
): Promise<CallerActionState> {
  return runCallerAction('resend', ctx, formData)
}

/** Sends the verified caller a link to change their appointment. */
export async function changeLinkAction(
  ctx: unknown,
  _state: CallerActionState,
  formData: FormData,
): Promise<CallerActionState> {
  return runCallerAction('link', ctx, formData)
}
