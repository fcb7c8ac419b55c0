// Paying the fees of a sent application (domain.md §8, §5 step 4): the person quotes an
// accrual reference (tahakkuk no.) online or at a tax office or authorised bank; the payment
// is recorded once, for exactly the amount due, in Turkish lira.
import type { ApplicationStatus } from './application-status'
import {
  checkReferenceNumber,
  makeReferenceNumber,
  REFERENCE_PAYLOAD_LENGTH,
} from './reference-number'

/** "TH" for tahakkuk: it never reads as an application reference, which has no prefix. */
export const ACCRUAL_PREFIX = 'TH'
export const ACCRUAL_PAYLOAD_LENGTH = REFERENCE_PAYLOAD_LENGTH

/** `TH-XXXX-XXXX-XX`, with the application reference's alphabet and check character. */
export function makeAccrualReference(randomIndexes: readonly number[]): string {
  return `${ACCRUAL_PREFIX}-${makeReferenceNumber(randomIndexes)}`
}

/** What a cashier or a person types, back in the canonical form; null when it cannot be one. */
export function normaliseAccrualReference(input: string): string | null {
  const trimmed = input.trim().toUpperCase()
  if (!trimmed.startsWith(ACCRUAL_PREFIX)) return null
  const checked = checkReferenceNumber(trimmed.slice(ACCRUAL_PREFIX.length))
  return checked.ok ? `${ACCRUAL_PREFIX}-${checked.reference}` : null
}

export const FEE_CURRENCY = 'TRY'

/** The timeline event of a recorded payment: the status stays, the step is on record. */
export const FEES_PAID_EVENT = 'fees_paid'

// Fees are due once the application is sent and until the file is decided; a draft has no
// accrual yet and a decided or ended file takes no more money.
const PAYABLE: readonly ApplicationStatus[] = [
  'submitted',
  'awaiting_appointment',
  'documents_submitted',
  'under_review',
  'missing_documents',
]

export function isFeePayable(status: ApplicationStatus, alreadyPaid: boolean): boolean {
  return !alreadyPaid && PAYABLE.includes(status)
}

export type PaymentProblem = 'amount_mismatch' | 'currency_mismatch' | 'nothing_due'

/**
 * A payment settles the fees only when it is exactly the amount due, in lira. A part payment
 * or an overpayment is not recorded: the counter or the provider sorts it out with the person.
 */
export function checkPaymentAgainstDue(
  paid: { amountKurus: number; currency: string },
  dueKurus: number | null,
): PaymentProblem | null {
  if (dueKurus === null || dueKurus <= 0) return 'nothing_due'
  if (paid.currency.toUpperCase() !== FEE_CURRENCY) return 'currency_mismatch'
  if (!Number.isSafeInteger(paid.amountKurus) || paid.amountKurus !== dueKurus)
    return 'amount_mismatch'
  return null
}

export type FeeLineCode = 'card' | 'permit'

/**
 * The lines a person pays, each under its own code at a bank or tax office (domain.md §8:
 * card 9207, permit 9233 in 2021 — [S] turkeycentral; check the current codes). A line of
 * zero (an exempt permit fee) is left out.
 */
export const FEE_LINE_BANK_CODES: Record<FeeLineCode, string> = { card: '9207', permit: '9233' }

export function feeLines(fee: {
  cardFeeKurus: number | null
  permitFeeKurus: number | null
}): { code: FeeLineCode; kurus: number; bankCode: string }[] {
  const lines: { code: FeeLineCode; kurus: number; bankCode: string }[] = []
  if (fee.cardFeeKurus)
    lines.push({ code: 'card', kurus: fee.cardFeeKurus, bankCode: FEE_LINE_BANK_CODES.card })
  if (fee.permitFeeKurus)
    lines.push({ code: 'permit', kurus: fee.permitFeeKurus, bankCode: FEE_LINE_BANK_CODES.permit })
  return lines
}

/** What the applicant owes and how it was paid, for the status page. */
export type FeeStatus = {
  accrualReference: string
  lines: ReturnType<typeof feeLines>
  totalKurus: number
  paid: { method: 'online' | 'counter'; at: Date } | null
  /** Still to pay now: sent, not decided, not paid. */
  payable: boolean
  /** The provider is configured, so the page offers to pay online. */
  online: boolean
}
