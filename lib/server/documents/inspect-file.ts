import 'server-only'
import { PDFDocument } from 'pdf-lib'
import sharp, { type Metadata } from 'sharp'
import type { DocumentAccept } from '@/lib/domain/permits/documents'
import {
  checkPhotoDimensions,
  checkUpload,
  CONTENT_TYPES,
  MAX_INPUT_PIXELS,
  MAX_PDF_PAGES,
  withinPixelLimit,
  type UploadRefusal,
} from '@/lib/domain/uploads'
import { pdfInflatesWithinLimit } from './pdf-bomb-guard'

export type ReceivedFile = { bytes: Buffer; contentType: string; fileName: string }

/** What is stored: re-encoded for images, the original bytes for a PDF. */
export type CheckedFile = {
  bytes: Buffer
  contentType: string
  pageCount: number | null
  width: number | null
  height: number | null
}

export type InspectResult = { ok: true; file: CheckedFile } | { ok: false; reason: UploadRefusal }

const JPEG_QUALITY = 88

/**
 * Checks a file against what its checklist item takes and turns it into what we keep.
 * Images are decoded and written again as JPEG: that drops EXIF (GPS position, camera serial),
 * XMP and comments, and anything hidden after the image data. The photo is also checked for size
 * and shape. PDFs must parse, be unencrypted and short; they are kept as sent.
 */
export async function inspectFile(
  file: ReceivedFile,
  accepts: readonly DocumentAccept[],
): Promise<InspectResult> {
  const checked = checkUpload({
    head: file.bytes.subarray(0, 16),
    sizeBytes: file.bytes.length,
    contentType: file.contentType,
    fileName: file.fileName,
    accepts,
  })
  if (!checked.ok) return checked
  if (checked.kind === 'pdf') return inspectPdf(file.bytes)
  return reencodeImage(file.bytes, accepts.includes('photo'))
}

async function reencodeImage(bytes: Buffer, isPhoto: boolean): Promise<InspectResult> {
  // The pixel limit is checked on the header first, so a bomb is refused before any decoding.
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' as const }
  let meta: Metadata
  try {
    // Reads the header only; the limit is applied just below, with our own reason.
    meta = await sharp(bytes, { ...options, limitInputPixels: false }).metadata()
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
  if (meta.format !== 'jpeg' && meta.format !== 'png') return { ok: false, reason: 'unreadable' }
  if (!withinPixelLimit(meta.width, meta.height)) return { ok: false, reason: 'image_too_large' }
  try {
    const { data, info } = await sharp(bytes, { ...options, autoOrient: true })
      // Transparent PNG areas would turn black in a JPEG; a photo background must be white.
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
      .toBuffer({ resolveWithObject: true })
    if (isPhoto) {
      const shape = checkPhotoDimensions(info.width, info.height)
      if (!shape.ok) return shape
    }
    return {
      ok: true,
      file: {
        bytes: data,
        contentType: CONTENT_TYPES.jpeg,
        pageCount: null,
        width: info.width,
        height: info.height,
      },
    }
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
}

async function inspectPdf(bytes: Buffer): Promise<InspectResult> {
  if (!pdfInflatesWithinLimit(bytes)) return { ok: false, reason: 'unreadable' }
  let pageCount: number
  try {
    // Loaded even when encrypted, to tell "locked" from "broken" (pdf-lib's own error for a
    // locked file is not an instance of its class, being compiled to ES5).
    const pdf = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      throwOnInvalidObject: true,
      updateMetadata: false,
    })
    if (pdf.isEncrypted) return { ok: false, reason: 'pdf_encrypted' }
    pageCount = pdf.getPageCount()
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
  if (pageCount < 1) return { ok: false, reason: 'unreadable' }
  if (pageCount > MAX_PDF_PAGES) return { ok: false, reason: 'too_many_pages' }
  return {
    ok: true,
    file: { bytes, contentType: CONTENT_TYPES.pdf, pageCount, width: null, height: null },
  }
}
