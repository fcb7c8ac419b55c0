import 'server-only'
import type { ApplicationStatus } from '@/lib/domain/application-status'
import { defineMail, paragraphs } from '../compose-mail'

/**
 * The sign-in code. It stays out of the subject, which phones show on the lock screen, and
 * stands alone in the body so it is easy to find and copy.
 */
export const signInCodeMail = defineMail<{ code: string; minutes: number }>(
  'sign-in-code',
  (t, values) => ({
    subject: t('signInCode.subject'),
    blocks: [
      ...paragraphs(t('signInCode.lead')),
      { type: 'code', code: values.code },
      ...paragraphs(t('signInCode.use', values)),
      ...paragraphs(t('signInCode.warning')),
    ],
  }),
)

/** The confirmation of a submitted application; what comes next depends on the new status. */
export const applicationSubmittedMail = defineMail<{
  reference: string
  next: ApplicationStatus
  /** For an extension sent by post: the last day to post the documents, formatted. */
  documentsDueOn?: string | null
}>('application-submitted', (t, values) => ({
  subject: t('submitted.subject', values),
  blocks: paragraphs(
    values.documentsDueOn
      ? t('submitted.body.post', { ...values, date: values.documentsDueOn })
      : t(`submitted.body.${values.next}`, values),
  ),
}))
