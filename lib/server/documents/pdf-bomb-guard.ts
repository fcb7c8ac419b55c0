import 'server-only'
import { inflateSync } from 'node:zlib'

// pdf-lib inflates every object stream and cross-reference stream in full while it loads a
// file. A few KB of such a stream can inflate to gigabytes and take the server down, so those
// streams are inflated here first, with a ceiling. Their dictionaries are never compressed
// (the PDF format does not allow them inside other streams), so a byte scan finds them all.
const MAX_INFLATED_BYTES = 32 * 1024 * 1024
const STRUCTURE_STREAM = /\/Type\s*\/(?:ObjStm|XRef)(?![A-Za-z0-9])/g
const ONLY_FLATE = /\/Filter\s*(?:\/FlateDecode|\[\s*\/FlateDecode\s*\])(?![A-Za-z0-9])/

/** False for a structure stream that inflates past the ceiling, is broken, or uses another filter. */
export function pdfInflatesWithinLimit(bytes: Buffer): boolean {
  const text = bytes.toString('latin1')
  let budget = MAX_INFLATED_BYTES
  for (const match of text.matchAll(STRUCTURE_STREAM)) {
    const objStart = text.lastIndexOf('obj', match.index)
    const streamAt = text.indexOf('stream', match.index)
    if (objStart < 0 || streamAt < 0) return false
    const dict = text.slice(objStart, streamAt)
    let start = streamAt + 'stream'.length
    if (text[start] === '\r') start++
    if (text[start] === '\n') start++
    const end = text.indexOf('endstream', start)
    if (end < 0) return false
    if (!/\/Filter/.test(dict)) continue // stored as is: its size is its file size
    // Anything but plain Flate (LZW, chains of filters) has no place in a structure stream here.
    if (!ONLY_FLATE.test(dict) || budget <= 0) return false
    try {
      budget -= inflateSync(bytes.subarray(start, end), { maxOutputLength: budget }).length
    } catch {
      return false
    }
  }
  return true
}
