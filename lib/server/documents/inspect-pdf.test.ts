import { deflateSync } from 'node:zlib'
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { MAX_PDF_CONTENT_BYTES } from '@/lib/domain/uploads'
import { compressedZeros, onePagePdf, type OnePage } from '../testing/pdf-fixtures'
import { inspectPdf } from './inspect-pdf'

const MB = 1024 * 1024
const reason = async (pdf: Buffer) => {
  const result = await inspectPdf(pdf)
  return result.ok ? 'ok' : result.reason
}
const withOpenAction = (action: string, options: OnePage = {}) =>
  onePagePdf({ catalog: '/OpenAction 4 0 R', more: [action], ...options })
const link = (action: string) =>
  onePagePdf({
    page: '/Annots [4 0 R]',
    more: [`<< /Type /Annot /Subtype /Link /Rect [0 0 100 20] /A ${action} >>`],
  })

describe('PDF active content (SECURITY.md UP-01)', () => {
  it('keeps a plain page, page links, web and mail links', async () => {
    expect(await inspectPdf(onePagePdf())).toMatchObject({ ok: true, pageCount: 1 })
    expect(await reason(withOpenAction('<< /S /GoTo /D [3 0 R /Fit] >>'))).toBe('ok')
    expect(await reason(link('<< /S /URI /URI (https://insurer.example/policy) >>'))).toBe('ok')
    expect(await reason(link('<< /S /URI /URI (mailto:help@example.org) >>'))).toBe('ok')
  })

  it.each([
    ['JavaScript on open', withOpenAction('<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>')],
    ['hex-escaped names', withOpenAction('<< /S /J#61vaScript /J#53 (app.alert(1)) >>')],
    ['lower-case hex escapes', withOpenAction('<< /S /#4aavaScript /#4aS (app.alert(1)) >>')],
    [
      'escaped names inside a compressed object stream',
      withOpenAction('<< /S /J#61vaScript /J#53 (app.alert(1)) >>', { packed: [4] }),
    ],
    [
      'the document-level script name tree',
      onePagePdf({
        catalog: '/Names 4 0 R',
        more: [
          '<< /JavaScript 5 0 R >>',
          '<< /Names [(init) 6 0 R] >>',
          '<< /S /GoTo /D [3 0 R /Fit] >>',
        ],
        packed: [4, 5],
      }),
    ],
    [
      'additional actions on a page',
      onePagePdf({ page: '/AA << /O << /S /GoTo /D [3 0 R /Fit] >> >>' }),
    ],
    ['a program to launch', withOpenAction('<< /S /Launch /F (calc.exe) >>')],
    [
      'an action type behind a reference',
      onePagePdf({
        catalog: '/OpenAction 4 0 R',
        more: ['<< /S 5 0 R /F (calc.exe) >>', '/Launch'],
      }),
    ],
    ['a form that sends data', link('<< /S /SubmitForm /F (https://evil.example/) >>')],
    ['a form that reads data', link('<< /S /ImportData /F (data.fdf) >>')],
    [
      'a link to a file on another machine',
      link('<< /S /GoToR /F (\\\\\\\\evil\\\\share\\\\x.pdf) /D [0 /Fit] >>'),
    ],
    ['a file: address', link('<< /S /URI /URI (file:///etc/passwd) >>')],
    ['a javascript: address', link('<< /S /URI /URI (javascript:alert(1)) >>')],
    [
      'attached files',
      onePagePdf({
        catalog: '/Names << /EmbeddedFiles 4 0 R >>',
        more: ['<< /Names [(a.exe) 5 0 R] >>', '<< /Type /Filespec /F (a.exe) >>'],
      }),
    ],
    [
      'a file attachment annotation',
      onePagePdf({
        page: '/Annots [4 0 R]',
        more: ['<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 9 9] /FS << /F (a.exe) >> >>'],
      }),
    ],
    [
      'an XFA form',
      onePagePdf({
        catalog: '/AcroForm << /Fields [] /XFA 4 0 R >>',
        more: [
          { dict: '', stream: Buffer.from('<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"/>') },
        ],
      }),
    ],
    [
      // pdf-lib keeps the second definition; a reader that follows the table opens the first.
      'a script shadowed by a later object of the same number',
      withOpenAction('<< /S /JavaScript /JS (app.alert(1)) >>', {
        tail: '4 0 obj\n<< /S /GoTo /D [3 0 R /Fit] >>\nendobj\n',
      }),
    ],
  ])('refuses %s', async (_, pdf) => {
    expect(await reason(pdf)).toBe('pdf_active_content')
  })

  it('refuses scripts and attachments added the usual way (pdf-lib)', async () => {
    const scripted = await PDFDocument.create()
    scripted.addPage()
    scripted.addJavaScript('hello', 'app.alert("hi")')
    expect(await reason(Buffer.from(await scripted.save()))).toBe('pdf_active_content')
    const attached = await PDFDocument.create()
    attached.addPage()
    await attached.attach(Buffer.from('MZ not really a program'), 'setup.exe', {
      mimeType: 'application/octet-stream',
    })
    expect(await reason(Buffer.from(await attached.save()))).toBe('pdf_active_content')
  })
})

describe('PDF unpacking ceiling (SECURITY.md UP-02)', () => {
  const contentPage = (dict: string, stream: Uint8Array) =>
    onePagePdf({ page: '/Contents 4 0 R', more: [{ dict, stream }] })

  it('refuses page content that inflates to 100 MB, without unpacking it in memory', async () => {
    const zeros = await compressedZeros(100 * MB)
    expect(zeros.length).toBeLessThan(200 * 1024)
    const pdf = contentPage('/Filter /FlateDecode', zeros)
    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss)
    }, 1)
    const result = await inspectPdf(pdf)
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    expect(result).toEqual({ ok: false, reason: 'pdf_content_too_large' })
    // Unpacked whole, the content alone would add 100 MB. What is counted is dropped at once,
    // but stays in the process until the next garbage collection, up to about the ceiling.
    expect(peak - before).toBeLessThan(2 * MAX_PDF_CONTENT_BYTES)
  })

  it('counts escaped and abbreviated filter names, run-length data and all streams together', async () => {
    const zeros = await compressedZeros(40 * MB)
    expect(await reason(contentPage('/Filter /Fl#61teDecode', zeros))).toBe('pdf_content_too_large')
    expect(await reason(contentPage('/Filter [/Fl]', zeros))).toBe('pdf_content_too_large')
    // pdf-lib does not file `/Fi#6cter` (lower-case hex) under /Filter; a reader does.
    const hidden = onePagePdf({
      page: '/Contents 4 0 R',
      more: [{ dict: '/Fi#6cter /Fl#61teD#65code', stream: zeros }],
    })
    expect(await reason(hidden)).toBe('pdf_content_too_large')
    // 257 - 129 = 128 copies of one byte per pair: 40 MB from 640 KB.
    const runs = Buffer.alloc(((40 * MB) / 128) * 2).fill(Buffer.from([129, 0]))
    expect(await reason(contentPage('/Filter /RunLengthDecode', runs))).toBe(
      'pdf_content_too_large',
    )
    // Two streams of 20 MB each: each under the ceiling, together over it.
    const twenty = await compressedZeros(20 * MB)
    const two = onePagePdf({
      page: '/Contents [4 0 R 5 0 R]',
      more: [
        { dict: '/Filter /FlateDecode', stream: twenty },
        { dict: '/Filter /FlateDecode', stream: twenty },
      ],
    })
    expect(await reason(two)).toBe('pdf_content_too_large')
  })

  it('gives images more room than page content', async () => {
    const image = onePagePdf({
      page: '/Resources << /XObject << /Im1 4 0 R >> >>',
      more: [
        {
          dict: '/Type /XObject /Subtype /Image /Width 4096 /Height 4096 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode',
          stream: await compressedZeros(4096 * 4096 * 3),
        },
      ],
    })
    expect(await reason(image)).toBe('ok')
  })

  it('refuses compression twice, LZW and filters it cannot see', async () => {
    const twice = deflateSync(deflateSync(Buffer.alloc(1000)))
    expect(await reason(contentPage('/Filter [/FlateDecode /FlateDecode]', twice))).toBe(
      'unreadable',
    )
    expect(await reason(contentPage('/Filter /LZWDecode', Buffer.from([0x80, 0x0b, 0x60])))).toBe(
      'unreadable',
    )
    expect(await reason(contentPage('/Filter /Unknown', Buffer.from('x')))).toBe('unreadable')
  })

  it('refuses an object stream bomb whose type is hex-escaped', async () => {
    const zeros = await compressedZeros(40 * MB)
    const pdf = onePagePdf({
      more: [{ dict: '/Type /Obj#53tm /N 1 /First 4 /Filter /FlateDecode', stream: zeros }],
    })
    expect(await reason(pdf)).toBe('pdf_content_too_large')
    // pdf-lib also reads a stream whose keyword has a space and CR LF after it.
    const spaced = Buffer.from(pdf.toString('latin1').replace('stream\n', 'stream \r\n'), 'latin1')
    expect(await reason(spaced)).toBe('pdf_content_too_large')
  })
})
