import 'server-only'
import { randomInt } from 'node:crypto'
import { makeAccrualReference } from '@/lib/domain/fee-payments'
import { REFERENCE_ALPHABET, REFERENCE_PAYLOAD_LENGTH } from '@/lib/domain/reference-number'

/**
 * A fresh accrual reference from a cryptographic generator: not sequential, so one cannot be
 * guessed from another. 29⁹ values; the unique constraint on applications.accrual_reference
 * refuses the unlikely repeat (the send fails and the person sends again).
 */
export function newAccrualReference(): string {
  return makeAccrualReference(
    Array.from({ length: REFERENCE_PAYLOAD_LENGTH }, () => randomInt(0, REFERENCE_ALPHABET.length)),
  )
}
