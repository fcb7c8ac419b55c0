import 'server-only'
import {
  ParseSpeeds,
  PDFArray,
  PDFCatalog,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFPageLeaf,
  PDFParser,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib'
import {
  decodePdfName,
  isActiveEntry,
  streamDecoding,
  type PdfEntryValue,
} from '@/lib/domain/pdf-content'
import {
  CONTENT_TYPES,
  MAX_PDF_CONTENT_BYTES,
  MAX_PDF_IMAGE_BYTES,
  MAX_PDF_PAGES,
  type UploadRefusal,
} from '@/lib/domain/uploads'
import { checkStructureStreams } from './pdf-bomb-guard'
import { inflatedSize, runLengthSize } from './unpacked-size'

export type PdfCheck =
  | { ok: true; bytes: Buffer; contentType: string; pageCount: number }
  | { ok: false; reason: UploadRefusal }

/**
 * Keeps every object the parser reads, also one that a later object of the same number
 * replaces: pdf-lib keeps the last one, a reader following the cross-reference table may open
 * the first, so both are checked.
 */
class RecordingParser extends PDFParser {
  readonly objects: PDFObject[] = []

  constructor(bytes: Uint8Array) {
    super(bytes, ParseSpeeds.Slow, true, false)
    const assign = this.context.assign.bind(this.context)
    this.context.assign = (ref: PDFRef, object: PDFObject) => {
      this.objects.push(object)
      assign(ref, object)
    }
  }
}

/**
 * A PDF is kept as sent when it parses, is not encrypted, has 1 to MAX_PDF_PAGES pages, carries
 * no active content (SECURITY.md UP-01) and its streams unpack within the ceilings (UP-02).
 * Active content is refused, not removed: a document rebuilt without it is no longer the one
 * its issuer made, and a scan or a printed PDF never has any.
 */
export async function inspectPdf(bytes: Buffer): Promise<PdfCheck> {
  // Before pdf-lib: it inflates object streams in full while loading.
  const structure = checkStructureStreams(bytes)
  if (structure === 'too_large') return { ok: false, reason: 'pdf_content_too_large' }
  if (structure === 'broken') return { ok: false, reason: 'unreadable' }
  let context: PDFContext
  let objects: PDFObject[]
  let pageCount: number
  try {
    const parser = new RecordingParser(bytes)
    context = await parser.parseDocument()
    objects = parser.objects
    // Encrypted files are parsed too, to tell "locked" from "broken".
    if (context.trailerInfo.Encrypt) return { ok: false, reason: 'pdf_encrypted' }
    pageCount = countPages(context)
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
  if (pageCount < 1) return { ok: false, reason: 'unreadable' }
  if (pageCount > MAX_PDF_PAGES) return { ok: false, reason: 'too_many_pages' }
  if (objects.some((o) => hasActiveContent(context, o)))
    return { ok: false, reason: 'pdf_active_content' }
  const unpacked = await checkUnpackedSizes(context, objects)
  if (unpacked !== 'ok') return { ok: false, reason: unpacked }
  return { ok: true, bytes, contentType: CONTENT_TYPES.pdf, pageCount }
}

function countPages(context: PDFContext): number {
  const catalog = context.lookup(context.trailerInfo.Root)
  if (!(catalog instanceof PDFCatalog)) return 0
  let pages = 0
  catalog.Pages().traverse((node) => {
    if (node instanceof PDFPageLeaf) pages++
  })
  return pages
}

/** The object a reference points to; a reader follows it, so the rules see what it sees. */
function resolve(context: PDFContext, value: PDFObject | undefined): PDFObject | undefined {
  for (let hops = 0; value instanceof PDFRef && hops < 8; hops++) value = context.lookup(value)
  return value
}

/**
 * A name as a reader reads it. pdf-lib decodes only upper-case `#xx` escapes (`/#4aS` stays
 * `#4aS` for it, `/JS` for a reader), and files names under that text, so
 * `dict.get(PDFName.of('Filter'))` misses `/Fi#6cter`. Every name here is decoded once more and
 * compared as text.
 */
const nameText = (name: PDFName) => decodePdfName(name.decodeText())

/** The value of `key` in `dict`, however the key is spelled, behind any reference. */
function entry(context: PDFContext, dict: PDFDict, key: string): PDFObject | undefined {
  for (const [name, value] of dict.entries())
    if (nameText(name) === key) return resolve(context, value)
  return undefined
}

function entryValue(context: PDFContext, raw: PDFObject): PdfEntryValue {
  const value = resolve(context, raw)
  if (value instanceof PDFName) return { name: nameText(value) }
  if (value instanceof PDFString || value instanceof PDFHexString)
    return { text: value.decodeText() }
  return null
}

/** Every dictionary inside one object, however deep, against the rules of UP-01. */
function hasActiveContent(context: PDFContext, object: PDFObject): boolean {
  const stack: PDFObject[] = [object]
  while (stack.length > 0) {
    const next = stack.pop()
    if (next instanceof PDFStream) stack.push(next.dict)
    else if (next instanceof PDFArray) stack.push(...next.asArray())
    else if (next instanceof PDFDict) {
      for (const [key, value] of next.entries()) {
        if (isActiveEntry(nameText(key), entryValue(context, value))) return true
        stack.push(value)
      }
    }
  }
  return false
}

function filtersOf(context: PDFContext, dict: PDFDict): string[] | null {
  const filter = entry(context, dict, 'Filter')
  if (filter === undefined) return []
  const list = filter instanceof PDFArray ? filter.asArray() : [filter]
  const names = list.map((f) => resolve(context, f))
  return names.every((n) => n instanceof PDFName) ? names.map((n) => nameText(n as PDFName)) : null
}

/**
 * Counts what every compressed stream unpacks to (UP-02), images and everything else (page
 * content, fonts, forms) against their own ceilings, one stream at a time and without keeping
 * the output.
 */
async function checkUnpackedSizes(
  context: PDFContext,
  objects: PDFObject[],
): Promise<'ok' | 'pdf_content_too_large' | 'unreadable'> {
  const left = { image: MAX_PDF_IMAGE_BYTES, content: MAX_PDF_CONTENT_BYTES }
  for (const object of objects) {
    if (!(object instanceof PDFRawStream)) continue
    const filters = filtersOf(context, object.dict)
    const decoding = filters ? streamDecoding(filters) : 'unsupported'
    if (decoding === 'unsupported') return 'unreadable'
    if (decoding === 'as_is') continue
    const subtype = entry(context, object.dict, 'Subtype')
    const kind = subtype instanceof PDFName && nameText(subtype) === 'Image' ? 'image' : 'content'
    const size =
      decoding === 'inflate'
        ? await inflatedSize(object.contents, left[kind])
        : runLengthSize(object.contents, left[kind])
    if (size === 'over') return 'pdf_content_too_large'
    left[kind] -= size
  }
  return 'ok'
}
