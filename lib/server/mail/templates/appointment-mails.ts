import 'server-only'
import { appointmentFacts, defineMail, paragraphs } from '../compose-mail'

export type AppointmentMailKind = 'booked' | 'rescheduled' | 'cancelled' | 'reminder'

/** Booked, moved, cancelled or coming soon: the calendar file travels with each of them. */
export const appointmentMail = defineMail<{
  kind: AppointmentMailKind
  reference: string
  time: string
  office: string
}>(
  (values) => `appointment-${values.kind}`,
  (t, values) => ({
    subject: t(`appointment.${values.kind}.subject`, values),
    blocks:
      values.kind === 'cancelled'
        ? paragraphs(t('appointment.cancelled.body', values))
        : [
            ...paragraphs(t(`appointment.${values.kind}.lead`, values)),
            appointmentFacts(t, values),
            ...paragraphs(t(`appointment.${values.kind}.next`, values)),
          ],
  }),
)

/** The directorate closed the time (displaced by capacity): the earliest free times, and a link. */
export const cancelledByDirectorateMail = defineMail<{
  reference: string
  time: string
  office: string
  alternatives: readonly string[]
  link: string
}>('appointment-cancelled-by-directorate', (t, values) => ({
  subject: t('closure.subject', values),
  blocks: [
    ...paragraphs(t('closure.lead', values)),
    ...(values.alternatives.length > 0
      ? [
          ...paragraphs(t('closure.alternatives')),
          { type: 'list' as const, items: values.alternatives },
        ]
      : paragraphs(t('closure.noAlternatives'))),
    { type: 'link', label: t('closure.link'), href: values.link },
  ],
}))

/** A waitlist offer of an earlier time, kept for the person for a few minutes. */
export const waitlistOfferMail = defineMail<{
  reference: string
  time: string
  office: string
  minutes: number
  until: string
  link: string
}>('waitlist-offer', (t, values) => ({
  subject: t('waitlistOffer.subject', values),
  blocks: [
    ...paragraphs(t('waitlistOffer.lead', values)),
    appointmentFacts(t, values),
    ...paragraphs(t('waitlistOffer.hold', values)),
    { type: 'link', label: t('waitlistOffer.link'), href: values.link },
    ...paragraphs(t('waitlistOffer.after')),
  ],
}))

/** An appointment draw gave the person no time. */
export const drawNotDrawnMail = defineMail<{ reference: string }>(
  'draw-not-drawn',
  (t, values) => ({
    subject: t('drawNotDrawn.subject', values),
    blocks: paragraphs(t('drawNotDrawn.body', values)),
  }),
)
