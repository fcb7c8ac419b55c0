import { once } from 'node:events'
import { createDeflate, deflateSync } from 'node:zlib'

// PDFs written byte by byte, for the checks pdf-lib would never let us write: escaped names
// (`/J#61vaScript`), objects packed in a compressed object stream, an object defined twice,
// streams that unpack to far more than they weigh.

export type PdfPart = string | { dict: string; stream: Uint8Array }

export type HandmadeOptions = {
  /** Object numbers to pack into one Flate object stream (numbered after the others). */
  packed?: number[]
  /** Written after the objects as is: a second definition of an object, for example. */
  tail?: string
}

const bytes = (text: string) => Buffer.from(text, 'latin1')

/** Objects 1..n as given; object 1 is the catalog. */
export function handmadePdf(objects: PdfPart[], options: HandmadeOptions = {}): Buffer {
  const packed = new Set(options.packed ?? [])
  const parts: Buffer[] = [bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')]
  const offsets: number[] = []
  let length = parts[0]!.length
  const push = (b: Buffer) => {
    parts.push(b)
    length += b.length
  }
  const writeObject = (n: number, part: PdfPart) => {
    offsets[n] = length
    if (typeof part === 'string') return push(bytes(`${n} 0 obj\n${part}\nendobj\n`))
    push(bytes(`${n} 0 obj\n<< ${part.dict} /Length ${part.stream.length} >>\nstream\n`))
    push(Buffer.from(part.stream))
    push(bytes('\nendstream\nendobj\n'))
  }
  objects.forEach((part, i) => {
    if (!packed.has(i + 1)) writeObject(i + 1, part)
  })
  const objectStream = objects.length + 1
  if (packed.size > 0) {
    let header = ''
    let body = ''
    for (const n of packed) {
      const part = objects[n - 1]
      if (typeof part !== 'string') throw new Error('only dictionaries can be packed')
      header += `${n} ${body.length} `
      body += `${part}\n`
    }
    writeObject(objectStream, {
      dict: `/Type /ObjStm /N ${packed.size} /First ${header.length} /Filter /FlateDecode`,
      stream: deflateSync(bytes(header + body)),
    })
  }
  if (options.tail) push(bytes(options.tail))
  const size = objectStream + 1
  const xref = length
  let table = `xref\n0 ${size}\n0000000000 65535 f \n`
  for (let n = 1; n < size; n++) {
    const at = offsets[n]
    table +=
      at === undefined ? '0000000000 00000 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`
  }
  push(bytes(`${table}trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`))
  return Buffer.concat(parts)
}

export type OnePage = {
  /** More entries for the catalog and the page dictionary. */
  catalog?: string
  page?: string
  /** Objects 4, 5, … */
  more?: PdfPart[]
} & HandmadeOptions

/** A one-page PDF: 1 catalog, 2 page tree, 3 page, then `more`. */
export function onePagePdf({ catalog = '', page = '', more = [], ...options }: OnePage = {}) {
  return handmadePdf(
    [
      `<< /Type /Catalog /Pages 2 0 R ${catalog} >>`,
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${page} >>`,
      ...more,
    ],
    options,
  )
}

/**
 * `size` zero bytes, Flate-compressed (about 1 KB per MB), made a megabyte at a time so the
 * test itself never holds them.
 */
export async function compressedZeros(size: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => out.push(chunk))
  const mb = Buffer.alloc(1024 * 1024)
  for (let left = size; left > 0; left -= mb.length) {
    if (!deflate.write(left >= mb.length ? mb : mb.subarray(0, left))) await once(deflate, 'drain')
  }
  deflate.end()
  await once(deflate, 'end')
  return Buffer.concat(out)
}
