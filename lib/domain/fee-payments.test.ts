import { describe, expect, it } from 'vitest'
import {
  checkPaymentAgainstDue,
  feeLines,
  isFeePayable,
  makeAccrualReference,
  normaliseAccrualReference,
} from './fee-payments'
import { APPLICATION_STATUSES } from './application-status'
import { REFERENCE_ALPHABET } from './reference-number'

const sample = () =>
  Array.from({ length: 9 }, () => Math.floor(Math.random() * REFERENCE_ALPHABET.length))

describe('accrual references', () => {
  it('formats as TH-XXXX-XXXX-XX and reads its own output back', () => {
    for (let i = 0; i < 100; i++) {
      const ref = makeAccrualReference(sample())
      expect(ref).toMatch(/^TH-[2-9A-Y]{4}-[2-9A-Y]{4}-[2-9A-Y]{2}$/)
      expect(normaliseAccrualReference(ref)).toBe(ref)
      expect(normaliseAccrualReference(ref.toLowerCase().replace(/-/g, ' '))).toBe(ref)
    }
  })

  it('refuses a wrong check character and an application reference without the prefix', () => {
    const ref = makeAccrualReference([1, 2, 3, 4, 5, 6, 7, 8, 9])
    const last = ref.at(-1)!
    const other = REFERENCE_ALPHABET[(REFERENCE_ALPHABET.indexOf(last) + 1) % 29]!
    expect(normaliseAccrualReference(ref.slice(0, -1) + other)).toBeNull()
    expect(normaliseAccrualReference(ref.slice(3))).toBeNull()
  })
})

describe('fee payments', () => {
  it('takes money only between sending and the decision, and only once', () => {
    const payable = APPLICATION_STATUSES.filter((s) => isFeePayable(s, false))
    expect(payable).toEqual([
      'submitted',
      'awaiting_appointment',
      'documents_submitted',
      'under_review',
      'missing_documents',
    ])
    expect(APPLICATION_STATUSES.some((s) => isFeePayable(s, true))).toBe(false)
  })

  it('records exactly the amount due in lira, nothing else', () => {
    expect(checkPaymentAgainstDue({ amountKurus: 1000, currency: 'TRY' }, 1000)).toBeNull()
    expect(checkPaymentAgainstDue({ amountKurus: 1000, currency: 'try' }, 1000)).toBeNull()
    expect(checkPaymentAgainstDue({ amountKurus: 999, currency: 'TRY' }, 1000)).toBe(
      'amount_mismatch',
    )
    expect(checkPaymentAgainstDue({ amountKurus: 1001, currency: 'TRY' }, 1000)).toBe(
      'amount_mismatch',
    )
    expect(checkPaymentAgainstDue({ amountKurus: 1000, currency: 'USD' }, 1000)).toBe(
      'currency_mismatch',
    )
    expect(checkPaymentAgainstDue({ amountKurus: 0, currency: 'TRY' }, null)).toBe('nothing_due')
  })

  it('lists the card and permit lines apart and leaves out an exempt permit fee', () => {
    expect(feeLines({ cardFeeKurus: 96_400, permitFeeKurus: 240_000 })).toEqual([
      { code: 'card', kurus: 96_400, bankCode: '9207' },
      { code: 'permit', kurus: 240_000, bankCode: '9233' },
    ])
    expect(feeLines({ cardFeeKurus: 96_400, permitFeeKurus: 0 })).toEqual([
      { code: 'card', kurus: 96_400, bankCode: '9207' },
    ])
  })
})
