import { describe, expect, it } from 'vitest'
import {
  checkPhotoDimensions,
  checkUpload,
  declaredFileKind,
  kindsFor,
  MAX_DOCUMENT_BYTES,
  MAX_INPUT_PIXELS,
  MAX_PHOTO_BYTES,
  maxBytesFor,
  sniffFileKind,
  withinPixelLimit,
} from './uploads'

const bytes = (...values: number[]) => new Uint8Array(values)
const text = (value: string) => new TextEncoder().encode(value)
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46)
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d)
const PDF = text('%PDF-1.7\n%âãÏÓ')

describe('sniffFileKind', () => {
  it('recognises JPEG, PNG and PDF by their first bytes', () => {
    expect(sniffFileKind(JPEG)).toBe('jpeg')
    expect(sniffFileKind(PNG)).toBe('png')
    expect(sniffFileKind(PDF)).toBe('pdf')
  })

  it('knows nothing else: HTML, SVG, GIF, HEIC, ZIP, text, empty', () => {
    for (const head of [
      text('<!DOCTYPE html><html>'),
      text('<svg xmlns="http://www.w3.org/2000/svg">'),
      text('<?xml version="1.0"?><svg>'),
      text('GIF89a'),
      bytes(0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63),
      bytes(0x50, 0x4b, 0x03, 0x04),
      text('hello'),
      bytes(),
    ]) {
      expect(sniffFileKind(head)).toBeNull()
    }
  })

  it('wants the PDF header at the very start, not after something else', () => {
    expect(sniffFileKind(text('<html>%PDF-1.4'))).toBeNull()
    expect(sniffFileKind(text(' %PDF-1.4'))).toBeNull()
    expect(sniffFileKind(text('%PDF'))).toBeNull()
  })

  it('does not take a truncated signature', () => {
    expect(sniffFileKind(bytes(0xff, 0xd8))).toBeNull()
    expect(sniffFileKind(PNG.subarray(0, 7))).toBeNull()
  })
})

describe('declaredFileKind', () => {
  it('reads the content type, ignoring case and parameters', () => {
    expect(declaredFileKind('image/jpeg', 'scan.jpg')).toBe('jpeg')
    expect(declaredFileKind('IMAGE/PNG; charset=binary', 'x.png')).toBe('png')
    expect(declaredFileKind('application/pdf', 'passport.PDF')).toBe('pdf')
  })

  it('falls back on the extension when the type says nothing', () => {
    expect(declaredFileKind('application/octet-stream', 'photo.JPEG')).toBe('jpeg')
    expect(declaredFileKind('', 'scan.pdf')).toBe('pdf')
    expect(declaredFileKind('image/png', '')).toBe('png')
  })

  it('is null when type and name disagree, or name something we do not take', () => {
    expect(declaredFileKind('application/pdf', 'photo.png')).toBeNull()
    expect(declaredFileKind('image/png', 'passport.pdf')).toBeNull()
    expect(declaredFileKind('text/html', 'page.html')).toBeNull()
    expect(declaredFileKind('image/svg+xml', 'logo.svg')).toBeNull()
    expect(declaredFileKind('image/jpeg', 'photo.jpg.html')).toBeNull()
    expect(declaredFileKind('', '')).toBeNull()
    expect(declaredFileKind('application/octet-stream', 'noextension')).toBeNull()
  })
})

describe('limits per item', () => {
  it('gives the photo 5 MB and documents 10 MB', () => {
    expect(maxBytesFor(['photo'])).toBe(MAX_PHOTO_BYTES)
    expect(maxBytesFor(['pdf', 'image'])).toBe(MAX_DOCUMENT_BYTES)
    expect(MAX_PHOTO_BYTES).toBe(5 * 1024 * 1024)
    expect(MAX_DOCUMENT_BYTES).toBe(10 * 1024 * 1024)
  })

  it('takes JPEG or PNG for photos and images, PDF for scans', () => {
    expect(kindsFor(['photo']).sort()).toEqual(['jpeg', 'png'])
    expect(kindsFor(['pdf', 'image']).sort()).toEqual(['jpeg', 'pdf', 'png'])
    expect(kindsFor(['pdf'])).toEqual(['pdf'])
  })
})

describe('checkUpload', () => {
  const scan = { accepts: ['pdf', 'image'] as const, contentType: 'application/pdf' }
  const base = { ...scan, head: PDF, sizeBytes: 1000, fileName: 'passport.pdf' }

  it('accepts a PDF, a JPEG and a PNG for a scan item', () => {
    expect(checkUpload(base)).toEqual({ ok: true, kind: 'pdf' })
    expect(
      checkUpload({ ...base, head: JPEG, contentType: 'image/jpeg', fileName: 'p.jpg' }),
    ).toEqual({ ok: true, kind: 'jpeg' })
    expect(
      checkUpload({ ...base, head: PNG, contentType: 'image/png', fileName: 'p.png' }),
    ).toEqual({ ok: true, kind: 'png' })
  })

  it('refuses an empty file and one over the limit, at the limit it passes', () => {
    expect(checkUpload({ ...base, sizeBytes: 0 })).toEqual({ ok: false, reason: 'empty' })
    expect(checkUpload({ ...base, sizeBytes: MAX_DOCUMENT_BYTES })).toMatchObject({ ok: true })
    expect(checkUpload({ ...base, sizeBytes: MAX_DOCUMENT_BYTES + 1 })).toEqual({
      ok: false,
      reason: 'too_large',
    })
    const photo = { ...base, accepts: ['photo'] as const, head: JPEG, contentType: 'image/jpeg' }
    expect(checkUpload({ ...photo, fileName: 'me.jpg', sizeBytes: MAX_PHOTO_BYTES + 1 })).toEqual({
      ok: false,
      reason: 'too_large',
    })
  })

  it('refuses a PNG disguised as a PDF', () => {
    expect(checkUpload({ ...base, head: PNG })).toEqual({ ok: false, reason: 'type_mismatch' })
  })

  it('refuses HTML and SVG whatever they are called', () => {
    for (const head of [text('<html><script>alert(1)</script>'), text('<svg onload=x>')]) {
      expect(checkUpload({ ...base, head })).toEqual({ ok: false, reason: 'type_not_allowed' })
      expect(checkUpload({ ...base, head, contentType: 'image/jpeg', fileName: 'a.jpg' })).toEqual({
        ok: false,
        reason: 'type_not_allowed',
      })
    }
  })

  it('refuses a PDF for the photo', () => {
    expect(checkUpload({ ...base, accepts: ['photo'] })).toEqual({
      ok: false,
      reason: 'type_not_allowed',
    })
  })
})

describe('photo shape', () => {
  it('wants at least 300 × 400 pixels', () => {
    expect(checkPhotoDimensions(300, 400)).toEqual({ ok: true })
    expect(checkPhotoDimensions(299, 400)).toEqual({ ok: false, reason: 'photo_too_small' })
    expect(checkPhotoDimensions(300, 399)).toEqual({ ok: false, reason: 'photo_too_small' })
  })

  it('takes 35 × 45 mm, 5:6 and 3:4 portraits, not squares or landscapes', () => {
    expect(checkPhotoDimensions(700, 900)).toEqual({ ok: true })
    expect(checkPhotoDimensions(500, 600)).toEqual({ ok: true })
    expect(checkPhotoDimensions(600, 800)).toEqual({ ok: true })
    expect(checkPhotoDimensions(3024, 4032)).toEqual({ ok: true }) // a phone's 3:4 portrait
    expect(checkPhotoDimensions(800, 800)).toEqual({ ok: false, reason: 'photo_not_portrait' })
    expect(checkPhotoDimensions(800, 600)).toEqual({ ok: false, reason: 'photo_not_portrait' })
    expect(checkPhotoDimensions(1080, 1920)).toEqual({ ok: false, reason: 'photo_not_portrait' })
  })
})

describe('withinPixelLimit', () => {
  it('lets a 50-megapixel camera through and stops a claimed giant', () => {
    expect(withinPixelLimit(8160, 6120)).toBe(true)
    expect(withinPixelLimit(100_000, 100_000)).toBe(false)
    expect(withinPixelLimit(MAX_INPUT_PIXELS, 1)).toBe(true)
    expect(withinPixelLimit(MAX_INPUT_PIXELS + 1, 1)).toBe(false)
    expect(withinPixelLimit(0, 10)).toBe(false)
  })
})
