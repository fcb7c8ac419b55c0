import type { Transform } from 'node:stream'
import { finished } from 'node:stream/promises'
import { deflateSync } from 'node:zlib'
import { describe, expect, it, vi } from 'vitest'
import { compressedZeros } from '../testing/pdf-fixtures'
import { inflatedSize, runLengthSize } from './unpacked-size'

// Counts what zlib really produced, to see where inflating stopped.
const produced = vi.hoisted(() => ({ bytes: 0, last: undefined as Transform | undefined }))
vi.mock('node:zlib', async (importOriginal) => {
  const zlib = await importOriginal<typeof import('node:zlib')>()
  return {
    ...zlib,
    createInflate: (options?: import('node:zlib').ZlibOptions) => {
      const inflate = zlib.createInflate(options)
      inflate.on('data', (chunk: Buffer) => (produced.bytes += chunk.length))
      produced.last = inflate
      return inflate
    },
  }
})

const MB = 1024 * 1024

describe('counting unpacked sizes (SECURITY.md UP-02)', () => {
  it('stops inflating at the limit', async () => {
    const quarterGigabyte = await compressedZeros(256 * MB)
    produced.bytes = 0
    expect(await inflatedSize(quarterGigabyte, 8 * MB)).toBe('over')
    // Until zlib has closed: an answer given while it goes on inflating would not count.
    await finished(produced.last!).catch(() => {})
    expect(produced.bytes).toBeGreaterThan(8 * MB)
    expect(produced.bytes).toBeLessThan(9 * MB)
  })

  it('counts a stream within the limit, and a damaged one up to the damage', async () => {
    const data = Buffer.alloc(300_000, 7)
    const packed = deflateSync(data)
    expect(await inflatedSize(packed, MB)).toBe(data.length)
    expect(await inflatedSize(packed, data.length)).toBe(data.length)
    expect(await inflatedSize(packed, data.length - 1)).toBe('over')
    // Without its checksum (many writers leave it out) it still counts in full.
    expect(await inflatedSize(packed.subarray(0, -4), MB)).toBe(data.length)
    expect(await inflatedSize(Buffer.from('not zlib at all'), MB)).toBe(0)
  })

  it('counts run-length data', () => {
    // 2 copied bytes, 3 repeats of one byte, end of data, then bytes that must not count.
    const runs = Buffer.from([1, 65, 66, 254, 67, 128, 0, 1])
    expect(runLengthSize(runs, 100)).toBe(5)
    expect(runLengthSize(runs, 4)).toBe('over')
  })
})
