import { describe, expect, it } from 'vitest'
import { groupByOfficeAndCounter } from './day-view'

describe('groupByOfficeAndCounter', () => {
  const offices = [
    {
      id: 'o1',
      name: 'Fatih',
      counters: [
        { id: 'c10', label: '10', active: true },
        { id: 'c2', label: '2', active: false },
      ],
    },
    { id: 'o2', name: 'Kartal', counters: [] },
  ]

  it('puts those not yet at a counter first, then counters in label order', () => {
    const list = [
      { id: 'a', officeId: 'o1', counterId: 'c10' },
      { id: 'b', officeId: 'o1', counterId: null },
      { id: 'c', officeId: 'o1', counterId: 'c2' },
      { id: 'd', officeId: 'o1', counterId: 'gone' },
    ]
    const [fatih, kartal] = groupByOfficeAndCounter(offices, list)
    expect(
      fatih!.groups.map((g) => [g.counter?.label ?? null, g.appointments.map((a) => a.id)]),
    ).toEqual([
      [null, ['b', 'd']],
      ['2', ['c']],
      ['10', ['a']],
    ])
    expect(kartal).toEqual({ office: offices[1], groups: [] })
  })

  it('leaves out appointments of offices not asked for', () => {
    const result = groupByOfficeAndCounter(
      [offices[1]!],
      [{ id: 'a', officeId: 'o1', counterId: null }],
    )
    expect(result).toEqual([{ office: offices[1], groups: [] }])
  })
})
