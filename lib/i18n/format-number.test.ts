import { describe, expect, it } from 'vitest'
import { getT } from './create-translator'
import { formatMoney, formatNumber } from './format-number'
import { formatFileSize } from './format-size'

describe('numbers in the reader language', () => {
  it('writes Persian numbers in Persian digits, like the dates beside them', () => {
    expect(formatNumber(12, 'fa')).toBe('۱۲')
    expect(formatFileSize('fa', 850 * 1024)).toContain('۸۵۰')
    expect(formatMoney(125_000, 'tr')).toBe('₺1.250,00')
  })

  it('formats the counts put into translated sentences, without a thousands separator', () => {
    expect(getT('fa', 'appointments')('freePlaces', { count: 12 })).toContain('۱۲')
    expect(getT('fa', 'appointments')('freePlaces', { count: 12 })).not.toContain('12')
    expect(getT('tr', 'staff')('holidays.title', { year: 2026 })).toContain('2026')
    expect(getT('en', 'appointments')('freePlaces', { count: 3 })).toContain('3')
  })
})
