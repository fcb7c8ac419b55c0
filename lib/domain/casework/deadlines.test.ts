import { describe, expect, it } from 'vitest'
import { deadlineState, decisionDueOn } from './deadlines'

describe('casework deadlines', () => {
  it('gives 90 days, and 180 for long-term where the directorate has them', () => {
    expect(decisionDueOn('2026-01-01', 'short_term', 180)).toBe('2026-04-01')
    expect(decisionDueOn('2026-01-01', 'long_term', 180)).toBe('2026-06-30')
    expect(decisionDueOn('2026-01-01', 'long_term', 90)).toBe('2026-04-01')
  })

  it('says when a deadline is near or passed', () => {
    expect(deadlineState('2026-03-01', null)).toBe('none')
    expect(deadlineState('2026-03-01', '2026-04-01')).toBe('on_time')
    expect(deadlineState('2026-03-20', '2026-04-01')).toBe('near')
    expect(deadlineState('2026-04-01', '2026-04-01')).toBe('near')
    expect(deadlineState('2026-04-02', '2026-04-01')).toBe('passed')
  })
})
