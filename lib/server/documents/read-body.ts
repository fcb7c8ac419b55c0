import 'server-only'
import type { ReceivedFile } from './inspect-file'

// Room for the multipart boundaries and part headers around the file itself.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024

export type ReadResult =
  { ok: true; file: ReceivedFile } | { ok: false; reason: 'too_large' | 'empty' }

/**
 * Reads an upload of at most `maxFileBytes`, as a multipart form (field `file`) or as the raw
 * body. A declared Content-Length past the limit is refused before reading anything; without
 * one (chunked) the bytes are counted as they arrive and reading stops at the first byte too
 * many, so a huge body is never held in memory.
 */
export async function readUploadBody(request: Request, maxFileBytes: number): Promise<ReadResult> {
  const contentType = request.headers.get('content-type') ?? ''
  const multipart = /^multipart\/form-data\s*;/i.test(contentType)
  const allowance = maxFileBytes + (multipart ? MULTIPART_OVERHEAD_BYTES : 0)
  const declared = Number(request.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > allowance) return { ok: false, reason: 'too_large' }
  const body = await readAtMost(request.body, allowance)
  if (body === 'too_large') return { ok: false, reason: 'too_large' }
  if (!multipart) {
    if (body.length === 0) return { ok: false, reason: 'empty' }
    const name = new URL(request.url).searchParams.get('name') ?? ''
    return { ok: true, file: { bytes: body, contentType, fileName: name } }
  }
  let form: FormData
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': contentType },
    }).formData()
  } catch {
    return { ok: false, reason: 'empty' }
  }
  const file = form.get('file')
  if (!(file instanceof File) || file.size === 0) return { ok: false, reason: 'empty' }
  if (file.size > maxFileBytes) return { ok: false, reason: 'too_large' }
  return {
    ok: true,
    file: {
      bytes: Buffer.from(await file.arrayBuffer()),
      contentType: file.type,
      fileName: file.name,
    },
  }
}

async function readAtMost(
  stream: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<Buffer | 'too_large'> {
  if (!stream) return Buffer.alloc(0)
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel().catch(() => {})
      return 'too_large'
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks, total)
}
