import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { drawOrder, runDraw, seededRandom, urgencyWeight, type DrawInput } from './draw'

const SLOTS = ['s1', 's2', 's3', 's4', 's5', 's6']

// A draw: up to 40 entries with distinct ids, each preferring up to five slots (some of them
// unknown to `capacity`), and capacities from 0 to 4.
const drawInput: fc.Arbitrary<DrawInput> = fc.record({
  entries: fc.uniqueArray(
    fc.record({
      applicationId: fc.uuid(),
      weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
      preferences: fc.uniqueArray(fc.constantFrom(...SLOTS, 'unknown'), {
        minLength: 1,
        maxLength: 5,
      }),
    }),
    { maxLength: 40, selector: (e) => e.applicationId },
  ),
  capacity: fc.dictionary(fc.constantFrom(...SLOTS), fc.integer({ min: 0, max: 4 })),
  seed: fc.string(),
})

describe('runDraw', () => {
  it('never gives a slot more places than it has', () => {
    fc.assert(
      fc.property(drawInput, (input) => {
        const taken = new Map<string, number>()
        for (const a of runDraw(input)) taken.set(a.slotId, (taken.get(a.slotId) ?? 0) + 1)
        for (const [slotId, n] of taken) expect(n).toBeLessThanOrEqual(input.capacity[slotId] ?? 0)
      }),
    )
  })

  it('gives each entry at most one place, and only one of the times it chose', () => {
    fc.assert(
      fc.property(drawInput, (input) => {
        const allocations = runDraw(input)
        const ids = allocations.map((a) => a.applicationId)
        expect(new Set(ids).size).toBe(ids.length)
        for (const a of allocations) {
          const entry = input.entries.find((e) => e.applicationId === a.applicationId)
          expect(entry?.preferences).toContain(a.slotId)
        }
      }),
    )
  })

  it('gives the same result for the same seed, whatever order the entries come in', () => {
    fc.assert(
      fc.property(drawInput, fc.nat(), (input, shift) => {
        const n = input.entries.length
        const rotated = input.entries.map((_, i) => input.entries[(i + shift) % n]!)
        const reversed = [...input.entries].reverse()
        const first = runDraw(input)
        expect(runDraw(input)).toEqual(first)
        expect(runDraw({ ...input, entries: rotated })).toEqual(first)
        expect(runDraw({ ...input, entries: reversed })).toEqual(first)
      }),
    )
  })

  it('gives nothing to an entry whose times are all full, and wastes no place', () => {
    fc.assert(
      fc.property(drawInput, (input) => {
        const allocations = runDraw(input)
        const won = new Map(allocations.map((a) => [a.applicationId, a.slotId]))
        const left = { ...input.capacity }
        for (const a of allocations) left[a.slotId]! -= 1
        for (const entry of input.entries) {
          // Someone left empty-handed only if every time they chose is now full.
          if (!won.has(entry.applicationId))
            for (const slotId of entry.preferences) expect(left[slotId] ?? 0).toBe(0)
        }
      }),
    )
  })

  it('gives each entry its best choice that was still free when its turn came', () => {
    fc.assert(
      fc.property(drawInput, (input) => {
        const order = drawOrder(input.entries, input.seed)
        const allocations = runDraw(input)
        const left = { ...input.capacity }
        for (const entry of order) {
          const expected = entry.preferences.find((id) => (left[id] ?? 0) > 0)
          const got = allocations.find((a) => a.applicationId === entry.applicationId)
          expect(got?.slotId).toBe(expected)
          if (expected) left[expected]! -= 1
        }
      }),
    )
  })

  it('refuses an entry listed twice or a weight that is not a positive number', () => {
    const entry = { applicationId: 'a', weight: 1, preferences: ['s1'] }
    expect(() => runDraw({ entries: [entry, entry], capacity: { s1: 2 }, seed: 'x' })).toThrow(
      RangeError,
    )
    for (const weight of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() =>
        runDraw({ entries: [{ ...entry, weight }], capacity: { s1: 1 }, seed: 'x' }),
      ).toThrow(RangeError)
  })

  it('lets the heavier of two entries win a single place about 3 times in 4 at weights 3:1', () => {
    const entries = [
      { applicationId: 'heavy', weight: 3, preferences: ['s1'] },
      { applicationId: 'light', weight: 1, preferences: ['s1'] },
    ]
    const runs = 20_000
    let heavy = 0
    for (let i = 0; i < runs; i++) {
      const [winner] = runDraw({ entries, capacity: { s1: 1 }, seed: `seed-${i}` })
      if (winner?.applicationId === 'heavy') heavy++
    }
    // Binomial(20 000, 0.75) has a standard deviation of about 0.003: ±0.015 is five of them.
    expect(Math.abs(heavy / runs - 0.75)).toBeLessThan(0.015)
  })

  it('places entries of equal weight first equally often', () => {
    const ids = ['a', 'b', 'c', 'd']
    const entries = ids.map((applicationId) => ({ applicationId, weight: 2, preferences: ['s'] }))
    const firsts = new Map(ids.map((id) => [id, 0]))
    const runs = 20_000
    for (let i = 0; i < runs; i++) {
      const first = drawOrder(entries, String(i))[0]!.applicationId
      firsts.set(first, firsts.get(first)! + 1)
    }
    for (const id of ids) expect(Math.abs(firsts.get(id)! / runs - 0.25)).toBeLessThan(0.015)
  })
})

describe('seededRandom', () => {
  it('repeats for a seed, stays strictly between 0 and 1, and differs between seeds', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const a = seededRandom(seed)
        const b = seededRandom(seed)
        for (let i = 0; i < 20; i++) {
          const x = a()
          expect(b()).toBe(x)
          expect(x > 0 && x < 1).toBe(true)
        }
      }),
    )
    expect(seededRandom('one')()).not.toBe(seededRandom('two')())
  })

  it('is spread evenly', () => {
    const random = seededRandom('even')
    const buckets = Array.from({ length: 10 }, () => 0)
    for (let i = 0; i < 50_000; i++) buckets[Math.floor(random() * 10)]! += 1
    for (const n of buckets) expect(Math.abs(n - 5_000)).toBeLessThan(350)
  })
})

describe('urgencyWeight', () => {
  it('gives 1 ticket at 60 days or more, 5 at the deadline or past it, linear between', () => {
    expect(urgencyWeight(365)).toBe(1)
    expect(urgencyWeight(60)).toBe(1)
    expect(urgencyWeight(45)).toBe(2)
    expect(urgencyWeight(30)).toBe(3)
    expect(urgencyWeight(0)).toBe(5)
    expect(urgencyWeight(-20)).toBe(5)
    expect(urgencyWeight(Number.NaN)).toBe(1)
  })

  it('never falls as the deadline comes closer, and stays between 1 and 5', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 500 }),
        (days, closer) => {
          const w = urgencyWeight(days)
          expect(w).toBeGreaterThanOrEqual(1)
          expect(w).toBeLessThanOrEqual(5)
          expect(urgencyWeight(days - closer)).toBeGreaterThanOrEqual(w)
        },
      ),
    )
  })
})
