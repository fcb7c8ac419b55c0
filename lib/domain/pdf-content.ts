// What a PDF may carry, as rules on names: the server (lib/server/documents/inspect-pdf.ts)
// walks every object pdf-lib parsed and asks these rules about each dictionary entry and each
// stream's filters, with names already decoded. No PDF library here, so the rules are
// unit-tested on plain strings.

/**
 * A name as a PDF reader sees it: `#xx` is the byte xx, in either case (`/J#61vaScript` and
 * `/#4aS` read `/JavaScript` and `/JS`). pdf-lib decodes only upper-case hex digits, so the
 * server decodes its text of a name once more; a name that spells `#` on purpose (`#23`) is
 * read as its escape, which can only refuse more.
 */
export function decodePdfName(name: string): string {
  const bare = name.startsWith('/') ? name.slice(1) : name
  return bare.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  )
}

// SECURITY.md UP-01. Keys that only scripts, triggers, attached files and XFA forms use:
// /JS (a script), /JavaScript (the document's script name tree), /AA (actions run on open,
// close, print or typing in a field), /EmbeddedFiles and /EF (attached files), /XFA (forms
// that carry their own scripts), /RichMediaContent (Flash and 3D with scripts).
const FORBIDDEN_KEYS = new Set([
  'JS',
  'JavaScript',
  'AA',
  'EmbeddedFiles',
  'EF',
  'XFA',
  'RichMediaContent',
])
// Action types (/S) that run code, start a program, send or read data, or open another file
// (a /GoToR to a \\server\share path makes Windows hand the viewer's password hash to that
// server). Links inside the document (/GoTo, /Named) and web links stay.
const FORBIDDEN_ACTIONS = new Set([
  'JavaScript',
  'Launch',
  'SubmitForm',
  'ImportData',
  'GoToR',
  'GoToE',
  'RichMediaExecute',
  'Rendition',
  'Movie',
  'Sound',
])
// Object types (/Type, /Subtype) of attached files and embedded players.
const FORBIDDEN_KINDS = new Set(['EmbeddedFile', 'FileAttachment', 'RichMedia', 'Movie', 'Sound'])
/** A web or mail link is kept: insurers and banks put them in the PDFs they issue. */
const LINK_SCHEMES = /^(?:https?|mailto):/i

export type PdfEntryValue = { name: string } | { text: string } | null

/**
 * Whether one dictionary entry makes the PDF active content (UP-01): a forbidden key, an
 * action that runs something, an attached file, or a link to anything but the web or mail
 * (`file:`, `smb:`, `javascript:`). `key` and a name value are already decoded.
 */
export function isActiveEntry(key: string, value: PdfEntryValue): boolean {
  if (FORBIDDEN_KEYS.has(key)) return true
  const name = value && 'name' in value ? value.name : null
  if (key === 'S' && name !== null && FORBIDDEN_ACTIONS.has(name)) return true
  if ((key === 'Type' || key === 'Subtype') && name !== null && FORBIDDEN_KINDS.has(name))
    return true
  if (key === 'URI') return !(value && 'text' in value && LINK_SCHEMES.test(value.text.trim()))
  return false
}

// Filters and their abbreviations (PDF 1.7 table 94); pdf.js accepts both in any stream.
const FILTER_NAMES: Record<string, string> = {
  FlateDecode: 'FlateDecode',
  Fl: 'FlateDecode',
  LZWDecode: 'LZWDecode',
  LZW: 'LZWDecode',
  RunLengthDecode: 'RunLengthDecode',
  RL: 'RunLengthDecode',
  ASCIIHexDecode: 'ASCIIHexDecode',
  AHx: 'ASCIIHexDecode',
  ASCII85Decode: 'ASCII85Decode',
  A85: 'ASCII85Decode',
  DCTDecode: 'DCTDecode',
  DCT: 'DCTDecode',
  CCITTFaxDecode: 'CCITTFaxDecode',
  CCF: 'CCITTFaxDecode',
  JPXDecode: 'JPXDecode',
  JBIG2Decode: 'JBIG2Decode',
}
const GENERAL_COMPRESSION = new Set(['FlateDecode', 'LZWDecode', 'RunLengthDecode'])

/** How the server measures what a stream unpacks to (SECURITY.md UP-02). */
export type StreamDecoding = 'as_is' | 'inflate' | 'run_length' | 'unsupported'

/**
 * `as_is`: no general compression (image codecs unpack to their declared pixels).
 * `inflate`/`run_length`: one layer, first in the chain, counted as it unpacks.
 * `unsupported`: unknown filters, LZW (no bounded decoder here; writers stopped using it in the
 * 1990s), compression behind an ASCII layer or compression twice (a bomb inside a bomb).
 */
export function streamDecoding(filters: readonly string[]): StreamDecoding {
  const names = filters.map((f) => FILTER_NAMES[f])
  if (names.some((n) => n === undefined)) return 'unsupported'
  const compressing = names.filter((n) => GENERAL_COMPRESSION.has(n!))
  if (compressing.length === 0) return 'as_is'
  if (compressing.length > 1 || !GENERAL_COMPRESSION.has(names[0]!)) return 'unsupported'
  if (names[0] === 'FlateDecode') return 'inflate'
  if (names[0] === 'RunLengthDecode') return 'run_length'
  return 'unsupported'
}
