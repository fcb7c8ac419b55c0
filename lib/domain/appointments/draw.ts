// Release draws (security.md §6 (a)): while a window is open, applicants name up to five
// preferred times; afterwards a lottery weighted by legal urgency hands the places out. When
// an entry came in does not matter, so speed and bots win nothing.
//
// The draw is reproducible: the seed is published once the draw has run, and anyone holding
// the entries can run `runDraw` again and get the same allocations.

export type DrawEntry = {
  applicationId: string
  /** How many lottery tickets the entry holds, relative to the others; finite and > 0. */
  weight: number
  /** Slot ids, most wanted first. */
  preferences: readonly string[]
}

export type DrawInput = {
  entries: readonly DrawEntry[]
  /** Free places per slot; a slot missing here has none. */
  capacity: Readonly<Record<string, number>>
  seed: string
}

export type DrawAllocation = { applicationId: string; slotId: string }

export const MAX_DRAW_PREFERENCES = 5

/**
 * Tickets for an entry whose legal stay ends in `daysUntilDeadline` days:
 * 1 + clamp((60 − days) / 15, 0, 4). Sixty days or more ahead gives 1 ticket; each 15 days
 * closer adds one, up to 5 at the deadline or past it. So a person whose stay ends tomorrow
 * is about five times as likely to be drawn before a person with months left, yet nobody's
 * chance is zero. An unknown deadline (not a finite number) counts as not urgent.
 */
export function urgencyWeight(daysUntilDeadline: number): number {
  if (!Number.isFinite(daysUntilDeadline)) return 1
  return 1 + Math.min(4, Math.max(0, (60 - daysUntilDeadline) / 15))
}

/** cyrb128: spreads a text seed over four 32-bit words for the generator. */
function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703
  let h2 = 3144134277
  let h3 = 1013904242
  let h4 = 2773480762
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

/**
 * sfc32 (Chris Doty-Humphrey's small fast counting generator) over the hashed seed: a stream
 * of numbers strictly between 0 and 1, the same stream for the same seed on every machine.
 */
export function seededRandom(seed: string): () => number {
  let [a, b, c, d] = hashSeed(seed)
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  // Warm-up, as the generator's author recommends, so similar seeds give unrelated streams.
  for (let i = 0; i < 15; i++) next32()
  // 53 random bits, shifted half a step so the result is never exactly 0 (log(0) below).
  return () => ((next32() >>> 5) * 67_108_864 + (next32() >>> 6) + 0.5) / 9_007_199_254_740_992
}

/**
 * The order in which entries choose: weighted random order without replacement
 * (Efraimidis–Spirakis). Each entry gets the key u^(1/w) for its own uniform u; sorting by
 * key, highest first, gives every entry the chance to be next in proportion to its weight
 * among those not yet placed. We compare ln(u)/w, which sorts the same and does not
 * underflow. Entries are keyed in order of application id, so the order they arrive in
 * (the database's, or a hurried bot's) changes nothing.
 */
export function drawOrder(entries: readonly DrawEntry[], seed: string): DrawEntry[] {
  const ids = new Set<string>()
  for (const entry of entries) {
    if (!(Number.isFinite(entry.weight) && entry.weight > 0))
      throw new RangeError(`draw: weight of ${entry.applicationId} must be a positive number`)
    if (ids.has(entry.applicationId))
      throw new RangeError(`draw: ${entry.applicationId} entered twice`)
    ids.add(entry.applicationId)
  }
  const random = seededRandom(seed)
  return [...entries]
    .sort((x, y) => compareIds(x.applicationId, y.applicationId))
    .map((entry) => ({ entry, key: Math.log(random()) / entry.weight }))
    .sort((x, y) => y.key - x.key || compareIds(x.entry.applicationId, y.entry.applicationId))
    .map(({ entry }) => entry)
}

// Plain code-unit order, the same in every locale and runtime.
const compareIds = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)

/**
 * Runs the draw: in `drawOrder`, each entry gets its first preference that still has a place;
 * an entry whose preferred times are all taken gets nothing. Returns the allocations in draw
 * order, at most one per entry and never more than a slot's capacity.
 */
export function runDraw(input: DrawInput): DrawAllocation[] {
  const left = new Map<string, number>()
  for (const [slotId, places] of Object.entries(input.capacity))
    left.set(slotId, Math.max(0, Math.floor(places)))
  const allocations: DrawAllocation[] = []
  for (const entry of drawOrder(input.entries, input.seed)) {
    const slotId = entry.preferences.find((id) => (left.get(id) ?? 0) > 0)
    if (slotId === undefined) continue
    left.set(slotId, left.get(slotId)! - 1)
    allocations.push({ applicationId: entry.applicationId, slotId })
  }
  return allocations
}
