import 'server-only'
import { defineMail, paragraphs } from '../compose-mail'

/** What casework tells the applicant; each key has a subject and a body in `mail:casework`. */
export type CaseMailKey =
  | 'documentsRequested'
  | 'approved'
  | 'refused'
  | 'notProcessed'
  // A missed appointment ends the file (domain.md §4): said in words of its own.
  | 'missedAppointment'
  | 'cardPrinting'
  | 'handedToPost'
  | 'returned'
  | 'delivered'
  | 'underReview'
  | 'documentsAnswered'
  | 'withdrawn'
  | 'closed'

/** A step in the applicant's case: the reference and the step's own values fill the sentences. */
export const caseMail = defineMail<{
  key: CaseMailKey
  reference: string
  values?: Readonly<Record<string, string>>
}>(
  ({ key }) => `case-${key}`,
  (t, { key, reference, values }) => ({
    subject: t(`casework.${key}.subject`, { ...values, reference }),
    blocks: paragraphs(t(`casework.${key}.body`, { ...values, reference })),
  }),
)
