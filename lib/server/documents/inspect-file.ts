import 'server-only'
import sharp, { type Metadata } from 'sharp'
import type { DocumentAccept } from '@/lib/domain/permits/documents'
import {
  checkPhotoDimensions,
  checkUpload,
  CONTENT_TYPES,
  MAX_INPUT_PIXELS,
  withinPixelLimit,
  type UploadRefusal,
} from '@/lib/domain/uploads'
import { inspectPdf } from './inspect-pdf'
import { scanUpload } from './malware-scan'

export type ReceivedFile = { bytes: Buffer; contentType: string; fileName: string }

/** What is stored: re-encoded for images, the original bytes for a PDF. */
export type CheckedFile = {
  bytes: Buffer
  contentType: string
  pageCount: number | null
  width: number | null
  height: number | null
}

export type InspectResult =
  | { ok: true; file: CheckedFile; scanned: boolean }
  | { ok: false; reason: UploadRefusal; signature?: string }

const JPEG_QUALITY = 88

/**
 * Checks a file against what its checklist item takes and turns it into what we keep.
 * Images are decoded and written again as JPEG: that drops EXIF (GPS position, camera serial),
 * XMP and comments, and anything hidden after the image data. The photo is also checked for size
 * and shape. PDFs must parse, be unencrypted, short and passive (inspect-pdf.ts); they are kept
 * as sent. The malware scan (SECURITY.md UP-03) comes after the checks that only look at the
 * first bytes and the size, and before any decoder or parser sees the file.
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
  const scan = await scanUpload(file.bytes)
  if (scan.result === 'infected')
    return { ok: false, reason: 'infected', signature: scan.signature }
  // Fail closed: a configured scanner that does not answer means nothing is stored.
  if (scan.result === 'unavailable') return { ok: false, reason: 'scan_unavailable' }
  const inspected =
    checked.kind === 'pdf'
      ? await checkPdf(file.bytes)
      : await reencodeImage(file.bytes, accepts.includes('photo'))
  return inspected.ok ? { ...inspected, scanned: scan.result === 'clean' } : inspected
}

async function checkPdf(bytes: Buffer): Promise<ImageOrPdf> {
  const pdf = await inspectPdf(bytes)
  if (!pdf.ok) return pdf
  const { contentType, pageCount } = pdf
  return { ok: true, file: { bytes, contentType, pageCount, width: null, height: null } }
}

type ImageOrPdf = { ok: true; file: CheckedFile } | { ok: false; reason: UploadRefusal }

async function reencodeImage(bytes: Buffer, isPhoto: boolean): Promise<ImageOrPdf> {
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
