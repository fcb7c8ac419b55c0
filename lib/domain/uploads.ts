// Rules for uploaded files that need no image or PDF library: what the bytes are, whether that
// is what the sender said and what the checklist item takes, how big they may be, and whether a
// portrait has the right shape. The server (lib/server/documents) decodes and re-encodes.
import type { DocumentAccept } from './permits/documents'

export type FileKind = 'jpeg' | 'png' | 'pdf'

export const CONTENT_TYPES: Record<FileKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
}

const MB = 1024 * 1024
/** Per file. A phone photo is 2–5 MB; a multi-page scan rarely passes 10 MB. */
export const MAX_PHOTO_BYTES = 5 * MB
export const MAX_DOCUMENT_BYTES = 10 * MB
/** A scan with more pages than this is split into several files, or the wrong document. */
export const MAX_PDF_PAGES = 10
/**
 * Decoding limit: a 50-megapixel camera is the largest a phone saves by default. A few KB of
 * PNG can claim far more (a decompression bomb), so larger images are refused before decoding.
 */
export const MAX_INPUT_PIXELS = 50_000_000
/**
 * What the streams of one PDF may unpack to (SECURITY.md UP-02). Page content, fonts and forms
 * of a real document are a few MB; a few KB of compressed zeros can claim gigabytes, which the
 * staff's PDF viewer would unpack. Images get more room: a 10-page scan saved losslessly is
 * about 25 MB a page.
 */
export const MAX_PDF_CONTENT_BYTES = 32 * MB
export const MAX_PDF_IMAGE_BYTES = 256 * MB
/** At 300 × 400 a passport-style photo still prints sharply at 35 × 45 mm (about 220 dpi). */
export const PHOTO_MIN_WIDTH = 300
export const PHOTO_MIN_HEIGHT = 400
/**
 * Width ÷ height of a biometric portrait: 35 × 45 mm is 0.78, 5:6 is 0.83 and 3:4 is 0.75.
 * Phones crop loosely, so 0.70–0.90 is accepted; a landscape shot or a square is refused.
 */
export const PHOTO_MIN_RATIO = 0.7
export const PHOTO_MAX_RATIO = 0.9

export const UPLOAD_REFUSALS = [
  'empty',
  'too_large',
  'type_not_allowed',
  'type_mismatch',
  'unreadable',
  'image_too_large',
  'photo_too_small',
  'photo_not_portrait',
  'too_many_pages',
  'pdf_encrypted',
  'pdf_active_content',
  'pdf_content_too_large',
  'infected',
  'scan_unavailable',
] as const
export type UploadRefusal = (typeof UPLOAD_REFUSALS)[number]

/** The largest file an item takes: the photo has its own, smaller limit. */
export function maxBytesFor(accepts: readonly DocumentAccept[]): number {
  return accepts.includes('photo') ? MAX_PHOTO_BYTES : MAX_DOCUMENT_BYTES
}

/** The file kinds an item takes; 'photo' and 'image' are both JPEG or PNG. */
export function kindsFor(accepts: readonly DocumentAccept[]): FileKind[] {
  const kinds = new Set<FileKind>()
  for (const a of accepts) {
    if (a === 'pdf') kinds.add('pdf')
    else kinds.add('jpeg').add('png')
  }
  return [...kinds]
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)

const JPEG = [0xff, 0xd8, 0xff]
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] // "%PDF-"

/**
 * What the first bytes say the file is. Only the three allowed kinds are recognised; anything
 * else (HTML, SVG, HEIC, a ZIP) is null. PDF readers accept a header up to 1 KB in; we insist
 * on offset 0, which shuts out files that are something else first and a PDF after.
 */
export function sniffFileKind(head: Uint8Array): FileKind | null {
  if (startsWith(head, JPEG)) return 'jpeg'
  if (startsWith(head, PNG)) return 'png'
  if (startsWith(head, PDF)) return 'pdf'
  return null
}

const TYPE_KINDS: Record<string, FileKind> = {
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'image/png': 'png',
  'application/pdf': 'pdf',
}
const EXTENSION_KINDS: Record<string, FileKind> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jfif: 'jpeg',
  png: 'png',
  pdf: 'pdf',
}
// Said when the sender does not know; then the file name's extension decides.
const UNSPECIFIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream'])

/**
 * What the sender says the file is, from its Content-Type and file name. Null when they
 * disagree with each other or name nothing we take.
 */
export function declaredFileKind(contentType: string, fileName: string): FileKind | null {
  const type = contentType.split(';')[0]!.trim().toLowerCase()
  const dot = fileName.lastIndexOf('.')
  const extension = dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : ''
  const byType = UNSPECIFIC_TYPES.has(type) ? undefined : (TYPE_KINDS[type] ?? null)
  const byName = extension ? (EXTENSION_KINDS[extension] ?? null) : undefined
  if (byType === null || byName === null) return null
  if (byType && byName && byType !== byName) return null
  return byType ?? byName ?? null
}

/**
 * The first refusal for a file's bytes, before any decoding: empty, too big, not an allowed
 * kind, or not what its sender called it (a PNG named .pdf, HTML sent as image/jpeg).
 */
export function checkUpload(input: {
  head: Uint8Array
  sizeBytes: number
  contentType: string
  fileName: string
  accepts: readonly DocumentAccept[]
}): { ok: true; kind: FileKind } | { ok: false; reason: UploadRefusal } {
  if (input.sizeBytes === 0) return { ok: false, reason: 'empty' }
  if (input.sizeBytes > maxBytesFor(input.accepts)) return { ok: false, reason: 'too_large' }
  const allowed = kindsFor(input.accepts)
  const actual = sniffFileKind(input.head)
  if (!actual || !allowed.includes(actual)) return { ok: false, reason: 'type_not_allowed' }
  const declared = declaredFileKind(input.contentType, input.fileName)
  if (declared !== actual) return { ok: false, reason: 'type_mismatch' }
  return { ok: true, kind: actual }
}

/** Pixel size and shape of the biometric photo. */
export function checkPhotoDimensions(
  width: number,
  height: number,
): { ok: true } | { ok: false; reason: 'photo_too_small' | 'photo_not_portrait' } {
  if (width < PHOTO_MIN_WIDTH || height < PHOTO_MIN_HEIGHT)
    return { ok: false, reason: 'photo_too_small' }
  const ratio = width / height
  if (ratio < PHOTO_MIN_RATIO || ratio > PHOTO_MAX_RATIO)
    return { ok: false, reason: 'photo_not_portrait' }
  return { ok: true }
}

/** Whether a decoder may even start on an image of this claimed size. */
export function withinPixelLimit(width: number, height: number): boolean {
  return width > 0 && height > 0 && width * height <= MAX_INPUT_PIXELS
}
