'use client'
import { useActionState } from 'react'
import { useT } from '@/lib/i18n/client'
import type { LookupReason } from '@/lib/schemas/call-centre/caller-lookup'
import type { FormState } from '@/lib/schemas/form-state'

/** An action's answer: what was sent (a message key), or why not. */
export type CallerActionState = FormState & { done?: string }

type Action = (state: CallerActionState, formData: FormData) => Promise<CallerActionState>

type Props = {
  reference: string
  reason: LookupReason
  hasAppointment: boolean
  resend: Action
  changeLink: Action
}

/**
 * One button, one form: the reference and the reason of the verification travel with it, and
 * the server checks both against this agent's lookup. No address or number is ever here.
 */
function ActionButton({
  label,
  action,
  reference,
  reason,
}: { label: string; action: Action } & Pick<Props, 'reference' | 'reason'>) {
  const t = useT('callcentre')
  const [state, formAction, pending] = useActionState(action, {})
  const message = state.done
    ? { kind: 'success', text: t(state.done) }
    : state.formError
      ? { kind: 'error', text: t(state.formError.key, state.formError.values ?? {}) }
      : state.fieldErrors
        ? { kind: 'error', text: t('refusals.verify_again') }
        : null
  return (
    <form action={formAction} className="callcentre-action">
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="reason" value={reason} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        {label}
      </button>
      <p role="status" className={message ? `notice notice--${message.kind}` : undefined}>
        {message?.text}
      </p>
    </form>
  )
}

export function CallerActions({ reference, reason, hasAppointment, resend, changeLink }: Props) {
  const t = useT('callcentre')
  return (
    <section className="callcentre-actions" aria-labelledby="callcentre-actions-title">
      <h3 id="callcentre-actions-title">{t('actions.title')}</h3>
      <p>{t('actions.lead')}</p>
      <ActionButton
        label={t('actions.resend')}
        action={resend}
        reference={reference}
        reason={reason}
      />
      {hasAppointment ? (
        <ActionButton
          label={t('actions.changeLink')}
          action={changeLink}
          reference={reference}
          reason={reason}
        />
      ) : null}
    </section>
  )
}
