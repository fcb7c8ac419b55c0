import 'server-only'
import { createHash } from 'node:crypto'
import { makeAccrualReference } from '../../lib/domain/fee-payments'
import {
  makeReferenceNumber,
  REFERENCE_ALPHABET,
  REFERENCE_PAYLOAD_LENGTH,
} from '../../lib/domain/reference-number'

function digest(label: string): Buffer {
  return createHash('sha256').update(`ikamet-seed:${label}`).digest()
}

/** The same label always gives the same UUID, so seeding twice changes nothing. */
export function stableUuid(label: string): string {
  const hex = digest(label).toString('hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

export function stableReference(label: string): string {
  const bytes = digest(`ref:${label}`)
  const indexes = Array.from(
    { length: REFERENCE_PAYLOAD_LENGTH },
    (_, i) => bytes[i]! % REFERENCE_ALPHABET.length,
  )
  return makeReferenceNumber(indexes)
}

/** The accrual reference (tahakkuk no.) of a seeded sent application, the same every time. */
export function stableAccrualReference(label: string): string {
  const bytes = digest(`accrual:${label}`)
  return makeAccrualReference(
    Array.from(
      { length: REFERENCE_PAYLOAD_LENGTH },
      (_, i) => bytes[i]! % REFERENCE_ALPHABET.length,
    ),
  )
}
