import { describe, expect, it } from 'vitest'
import { LOCALES } from '@/lib/domain/locales'
import { formatDate, formatDateTime, formatDateWithWeekday, formatTime } from './format-date'

// Persian month names of the Solar Hijri calendar; none may appear in what the portal shows.
const SOLAR_HIJRI_MONTHS = /فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی |بهمن|اسفند/
const persianDigits = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!)

describe('dates in Persian are Gregorian', () => {
  const instant = '2026-12-02T06:30:00Z' // 09:30 in İstanbul

  it('formats 2026-12-02 with the Gregorian month and year 2026, not 1405', () => {
    for (const text of [
      formatDate('2026-12-02', 'fa'),
      formatDateWithWeekday('2026-12-02', 'fa'),
      formatDateTime(instant, 'fa'),
    ]) {
      expect(text).toContain('دسامبر')
      expect(text).toContain(persianDigits('2026'))
      expect(text).not.toContain(persianDigits('1405'))
      expect(text).not.toMatch(SOLAR_HIJRI_MONTHS)
    }
  })

  it('shows the appointment at İstanbul time, whatever the zone of the server', () => {
    expect(formatTime(instant, 'en')).toBe('09:30')
    expect(formatTime(new Date(instant), 'tr')).toBe('09:30')
    expect(formatTime(instant, 'fa')).toBe(persianDigits('09:30'))
    expect(formatDateTime(instant, 'tr')).toContain('09:30')
    expect(formatDateTime(instant, 'en')).toContain('Wednesday')
  })
})

describe('one date format per locale', () => {
  it('writes every date the same way in each language', () => {
    expect(formatDate('2026-12-02', 'tr')).toBe('2 Aralık 2026')
    expect(formatDate('2026-12-02', 'en')).toBe('December 2, 2026')
    expect(formatDate('2026-12-02', 'ru')).toBe('2 декабря 2026 г.')
    expect(formatDate('1990-03-27', 'ar')).toContain('مارس')
  })

  it('uses the same date inside the weekday and date-time forms', () => {
    for (const locale of LOCALES) {
      const date = formatDate('2026-12-02', locale)
      expect(formatDateWithWeekday('2026-12-02', locale)).toContain(date)
      expect(formatDateTime('2026-12-02T06:30:00Z', locale)).toContain(date)
    }
  })

  it('counts a timestamp on İstanbul calendar day', () => {
    // 22:30 UTC on 1 December is already 2 December in İstanbul.
    expect(formatDate('2026-12-01T22:30:00.000Z', 'en')).toBe('December 2, 2026')
    expect(formatDate('2026-12-01', 'en')).toBe('December 1, 2026')
  })
})
