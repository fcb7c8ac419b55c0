import 'server-only'
import { inflateSync } from 'node:zlib'
import { decodePdfName } from '@/lib/domain/pdf-content'

// pdf-lib inflates every object stream and cross-reference stream in full while it loads a
// file. A few KB of such a stream can inflate to gigabytes and take the server down, so those
// streams are inflated here first, with a ceiling. Their dictionaries are never compressed
// (the PDF format does not allow them inside other streams), so a byte scan finds them all.
// Names are read as a reader reads them (`/Type /Obj#53tm` is an object stream too: pdf-lib
// decodes it), so an escape cannot hide one (SECURITY.md UP-02).
const MAX_INFLATED_BYTES = 32 * 1024 * 1024
// pdf-lib takes the keyword with or without an end of line after it, so this does too.
const STREAM_KEYWORD = /(?<!end)stream/g
const END_OF_LINE = /^(?: \r\n|\r\n|\r|\n)?/
const STRUCTURE_STREAM = /\/Type\s*\/(?:ObjStm|XRef)(?![A-Za-z0-9])/
const ONLY_FLATE = /\/Filter\s*(?:\/FlateDecode|\[\s*\/FlateDecode\s*\])(?![A-Za-z0-9])/
const ESCAPED_NAME = /\/[^\s/<>[\]()%{}]*#[^\s/<>[\]()%{}]*/g

export type StructureCheck = 'ok' | 'too_large' | 'broken'

/** Names with `#xx` escapes written out, so the patterns above see what a reader sees. */
const readableNames = (dict: string) =>
  dict.replace(ESCAPED_NAME, (name) => `/${decodePdfName(name)}`)

/**
 * `too_large` when the structure streams together inflate past the ceiling; `broken` for one
 * that cannot be inflated or uses another filter.
 */
export function checkStructureStreams(bytes: Buffer): StructureCheck {
  const text = bytes.toString('latin1')
  let budget = MAX_INFLATED_BYTES
  let previousKeyword = 0
  for (const match of text.matchAll(STREAM_KEYWORD)) {
    // Everything since the previous object ended: this object's header and dictionary. Looked
    // for only since the previous keyword, so a file of keywords alone costs one pass.
    const since = text.slice(previousKeyword, match.index)
    const keywordEnd = match.index + 'stream'.length
    previousKeyword = keywordEnd
    const dict = readableNames(since.slice(Math.max(since.lastIndexOf('endobj'), 0)))
    if (!STRUCTURE_STREAM.test(dict)) continue
    const start = keywordEnd + END_OF_LINE.exec(text.slice(keywordEnd, keywordEnd + 3))![0].length
    const end = text.indexOf('endstream', start)
    if (end < 0) return 'broken'
    if (!/\/Filter/.test(dict)) continue // stored as is: its size is its file size
    // Anything but plain Flate (LZW, chains of filters) has no place in a structure stream here.
    if (!ONLY_FLATE.test(dict)) return 'broken'
    if (budget <= 0) return 'too_large'
    try {
      budget -= inflateSync(bytes.subarray(start, end), { maxOutputLength: budget }).length
    } catch (error) {
      return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'broken'
    }
  }
  return 'ok'
}
