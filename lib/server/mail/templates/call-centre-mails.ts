import 'server-only'
import { appointmentFacts, defineMail, paragraphs } from '../compose-mail'

/**
 * Sent when the applicant asked the call centre how to change their appointment: the link
 * opens their own appointment page, where they sign in as usual. It carries no sign-in token,
 * so a forwarded or misdelivered message opens nothing by itself.
 */
export const appointmentChangeLinkMail = defineMail<{
  reference: string
  time: string
  office: string
  link: string
}>('appointment-change-link', (t, values) => ({
  subject: t('changeLink.subject', values),
  blocks: [
    ...paragraphs(t('changeLink.lead', values)),
    appointmentFacts(t, values),
    { type: 'link', label: t('changeLink.link'), href: values.link },
    ...paragraphs(t('changeLink.after')),
  ],
}))
