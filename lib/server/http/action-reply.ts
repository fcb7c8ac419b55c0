// A server action's arguments arrive as React "reply" parts: part 0 is the root JSON, and a
// string such as `$1` or `$Q2:a` points at another part. React's decoder throws on a part that
// is missing, a cycle, a bad path or a malformed BigInt, and Next.js answers any such throw with
// a 500 before our code runs (vercel/next.js#86945). This check accepts what our forms send and
// refuses the rest, so the proxy can answer 400 first (SECURITY.md RB-03).

/** Values React turns into a constant or keeps as a string; they reference nothing. */
const LEAF_CODES = new Set(['$', 'u', 'I', '-', 'N', 'D', 'K', 'H'])
/** Codes React reads before trying a hexadecimal id: typed arrays and blobs need real parts. */
const HEX_LOOKING_CODES = new Set(['A', 'B'])
const HEX_ID = /^[0-9a-fA-F]{1,8}$/
const BIGINT = /^-?\d{1,300}$/
const MAX_PARTS = 1000
const MAX_VALUES = 100_000

type Reference = { id: number; path: string[] }

/** Reads `$…` strings: undefined for a leaf, a reference, or 'bad' for anything else. */
function referenceIn(value: string): Reference | undefined | 'bad' {
  if (value[0] !== '$') return undefined
  const code = value[1] ?? ''
  if (LEAF_CODES.has(code)) return undefined
  if (code === 'n') return BIGINT.test(value.slice(2)) ? undefined : 'bad'
  if (HEX_LOOKING_CODES.has(code)) return 'bad'
  // `$@1`: the bound arguments of an action posted without JavaScript, a promise of part 1.
  if (code === '@')
    return HEX_ID.test(value.slice(2)) ? { id: parseInt(value.slice(2), 16), path: [] } : 'bad'
  // `$1`, `$1:key:key`: an outlined value, or a repeated object found by its path. Maps, sets,
  // streams and server references (`$Q`, `$W`, `$R`, `$h`, …) are never sent
  // by our forms, and React fails on many malformed ones.
  const [hex = '', ...path] = value.slice(1).split(':')
  return HEX_ID.test(hex) ? { id: parseInt(hex, 16), path } : 'bad'
}

/** Every reference in one part's JSON, or 'bad'. Iterative, so deep nesting cannot overflow. */
function referencesOf(root: unknown): Reference[] | 'bad' {
  const found: Reference[] = []
  const stack: unknown[] = [root]
  for (let seen = 0; stack.length > 0; seen++) {
    if (seen > MAX_VALUES) return 'bad'
    const value = stack.pop()
    if (typeof value === 'string') {
      const ref = referenceIn(value)
      if (ref === 'bad') return 'bad'
      if (ref) found.push(ref)
    } else if (Array.isArray(value)) stack.push(...value)
    else if (value !== null && typeof value === 'object') stack.push(...Object.values(value))
  }
  return found
}

/** A path must walk own keys of plain JSON objects and arrays to an object or an array. */
function pathReachesObject(root: unknown, path: string[]): boolean {
  let value = root
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return false
    value = (value as Record<string, unknown>)[key]
  }
  return value !== null && typeof value === 'object'
}

/**
 * True when every part reachable from part 0 exists and parses, an outlined part is not its own
 * ancestor, and every path leads to an object (React repeats an object by its path, even inside
 * the part it is reading). `part(id)` answers the text of part `id` or null.
 */
export function isDecodableReply(part: (id: number) => string | null): boolean {
  const parsed = new Map<number, unknown>()
  const read = (id: number): boolean => {
    if (parsed.has(id)) return true
    const text = part(id)
    if (text === null || parsed.size >= MAX_PARTS) return false
    try {
      parsed.set(id, JSON.parse(text))
      return true
    } catch {
      return false
    }
  }
  const state = new Map<number, 'visiting' | 'done'>()
  const visit = (id: number): boolean => {
    if (state.get(id) === 'done') return true
    if (!read(id)) return false
    state.set(id, 'visiting')
    const refs = referencesOf(parsed.get(id))
    if (refs === 'bad') return false
    for (const ref of refs) {
      const ancestor = state.get(ref.id) === 'visiting'
      if (ancestor ? ref.path.length === 0 : !visit(ref.id)) return false
      if (ref.path.length > 0 && !pathReachesObject(parsed.get(ref.id), ref.path)) return false
    }
    state.set(id, 'done')
    return true
  }
  return visit(0)
}

const BOUND_ACTION_ROOT = /^\$ACTION_(\d{1,6}):0$/

/** A reply sent as one text body (fetch call whose arguments need no second part). */
export function isDecodableTextReply(body: string): boolean {
  return isDecodableReply((id) => (id === 0 ? body : null))
}

/**
 * A multipart post: the fetch call's parts (`0`, `1`, …), and for a form posted without
 * JavaScript, each bound action's parts (`$ACTION_<n>:0`, …), which Next.js decodes the same way.
 */
export function isDecodableFormReply(form: FormData, isFetchCall: boolean): boolean {
  const text = (key: string) => {
    const value = form.get(key)
    return typeof value === 'string' ? value : null
  }
  if (isFetchCall) return isDecodableReply((id) => text(String(id)))
  for (const key of form.keys()) {
    const bound = BOUND_ACTION_ROOT.exec(key)
    if (bound && !isDecodableReply((id) => text(`$ACTION_${bound[1]}:${id}`))) return false
  }
  return true
}
