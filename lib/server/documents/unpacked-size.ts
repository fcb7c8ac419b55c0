import 'server-only'
import { createInflate } from 'node:zlib'

// Counting what a compressed stream unpacks to, without keeping it: the output goes by in
// 64 KB pieces and is dropped, and counting stops at the first piece past the limit. So a
// bomb costs a little CPU up to the limit and no memory (SECURITY.md UP-02).

const CHUNK_BYTES = 64 * 1024

/** Bytes a Flate stream inflates to, or 'over' as soon as it passes `limit`. */
export function inflatedSize(raw: Uint8Array, limit: number): Promise<number | 'over'> {
  return new Promise((resolve) => {
    const inflate = createInflate({ chunkSize: CHUNK_BYTES })
    let total = 0
    let settled = false
    const settle = (result: number | 'over') => {
      if (settled) return
      settled = true
      resolve(result)
    }
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length
      if (total <= limit) return
      settle('over')
      inflate.destroy()
    })
    // Damaged data counts up to the damage: a viewer stops there too. Many writers leave out
    // the checksum at the end, so refusing such streams would refuse ordinary files.
    inflate.on('error', () => settle(total))
    inflate.on('end', () => settle(total))
    inflate.end(raw)
  })
}

/**
 * Bytes a RunLengthDecode stream unpacks to (PDF 1.7 §7.4.5), or 'over'. Each length byte n
 * copies the next n + 1 bytes (n < 128) or repeats the next byte 257 - n times (n > 128);
 * 128 ends the data.
 */
export function runLengthSize(raw: Uint8Array, limit: number): number | 'over' {
  let total = 0
  let i = 0
  while (i < raw.length) {
    const n = raw[i]!
    if (n === 128) break
    if (n < 128) {
      total += n + 1
      i += n + 2
    } else {
      total += 257 - n
      i += 2
    }
    if (total > limit) return 'over'
  }
  return total
}
