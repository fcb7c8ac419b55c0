import { z } from 'zod'
import { LEGAL_BASES } from '@/lib/domain/casework/legal-bases'
import { isUuid } from '@/lib/domain/ids'
import { isoDate, numericInput, optionalText, requiredText } from '../fields'

// One strict schema per casework form. Each carries the version the person saw (security.md
// BL-08); messages are i18n keys.

const version = z.coerce
  .number({ error: 'validation:unexpected' })
  .int()
  .positive({ error: 'validation:unexpected' })

const ticked = (message: string) => z.literal('yes', { error: message })

/** A repeated field (checkboxes) arrives as an array; a single one as a string. */
const listOf = (message: string) =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().max(80)).min(1, { error: message }).max(30),
  )

const code = z
  .string({ error: 'casework:errors.serialRequired' })
  .trim()
  .toUpperCase()
  .transform((v) => v.replace(/[\s-]/g, ''))

export const versionOnlySchema = z.strictObject({ version })

export const claimSchema = versionOnlySchema

export const assignSchema = z.strictObject({
  version,
  assignee: z.string().refine(isUuid, { error: 'casework:errors.assignee' }),
})

export const noteSchema = z.strictObject({ body: requiredText(2000) })

export const receiptSchema = z.strictObject({
  version,
  feesPaid: ticked('casework:errors.feesPaid'),
  documentsReceived: ticked('casework:errors.documentsReceived'),
})

export const requestDocumentsSchema = z.strictObject({
  version,
  items: listOf('casework:errors.items'),
  message: optionalText(1000),
})

export const approveSchema = z.strictObject({ version, validFrom: isoDate, validUntil: isoDate })

export const refuseSchema = z.strictObject({
  version,
  legalBasis: z.enum(LEGAL_BASES, { error: 'casework:errors.legalBasis' }),
  reason: requiredText(2000),
})

export const PROPOSAL_OUTCOMES = ['confirm', 'reject'] as const
export const proposalDecisionSchema = z.strictObject({
  version,
  outcome: z.enum(PROPOSAL_OUTCOMES, { error: 'validation:unexpected' }),
})

export const NOT_PROCESSED_REASONS = [
  'missed_appointment',
  'documents_not_sent',
  'request_unanswered',
] as const
export const notProcessedSchema = z.strictObject({
  version,
  reason: z.enum(NOT_PROCESSED_REASONS, { error: 'casework:errors.reason' }),
})

export const CLOSE_REASONS = ['duplicate', 'left_country', 'deceased', 'other'] as const
export const closeSchema = z.strictObject({
  version,
  reason: z.enum(CLOSE_REASONS, { error: 'casework:errors.reason' }),
  note: optionalText(1000),
})

export const cardPrintingSchema = z.strictObject({
  version,
  cardSerial: code.pipe(z.string().regex(/^[A-Z0-9]{6,20}$/, { error: 'casework:errors.serial' })),
})

export const handedToPostSchema = z.strictObject({
  version,
  trackingNumber: code.pipe(
    z.string().regex(/^[A-Z0-9]{8,24}$/, { error: 'casework:errors.tracking' }),
  ),
})

/** An amount in lira as typed from a receipt ("1234", "1234.50", "1234,50"), in kuruş. */
const liraAmount = numericInput(
  z
    .string({ error: 'casework:errors.paymentAmount' })
    .regex(/^\d{1,7}(?:[.,\u066b]\d{1,2})?$/, { error: 'casework:errors.paymentAmount' })
    .transform((v) => {
      const [lira, part = ''] = v.split(/[.,\u066b]/)
      return Number(lira) * 100 + Number(part.padEnd(2, '0'))
    })
    .refine((kurus) => kurus > 0, { error: 'casework:errors.paymentAmount' }),
)

export const recordPaymentSchema = z.strictObject({
  version,
  receiptNumber: numericInput(
    z
      .string({ error: 'casework:errors.receiptNumber' })
      .toUpperCase()
      .regex(/^[A-Z0-9/-]{4,40}$/, { error: 'casework:errors.receiptNumber' }),
  ),
  amount: liraAmount,
})
