import { describe, expect, it } from 'vitest'
import { decisionEstimate } from './decision-estimate'

describe('decisionEstimate', () => {
  it('says there is not enough data below 20 decisions', () => {
    expect(decisionEstimate(19, 30, 50)).toEqual({ kind: 'not_enough_data', decisions: 19 })
    expect(decisionEstimate(0, null, null)).toEqual({ kind: 'not_enough_data', decisions: 0 })
  })

  it('rounds to whole days, never less than one', () => {
    expect(decisionEstimate(40, 31.4, 58.6)).toEqual({
      kind: 'estimate',
      medianDays: 31,
      p80Days: 59,
      decisions: 40,
    })
    expect(decisionEstimate(40, 0.2, 0.4)).toMatchObject({ medianDays: 1, p80Days: 1 })
  })
})
