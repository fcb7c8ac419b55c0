import { describe, expect, it } from 'vitest'
import { checkStructureStreams } from './pdf-bomb-guard'

describe('structure-stream guard (SECURITY.md UP-02)', () => {
  it('reads a file of 300,000 stream keywords in one pass', () => {
    const keywords = Buffer.from(`%PDF-1.7\n${'stream\n'.repeat(300_000)}`, 'latin1')
    const startedAt = performance.now()
    expect(checkStructureStreams(keywords)).toBe('ok')
    // Searching back to the start of the file for each keyword takes minutes.
    expect(performance.now() - startedAt).toBeLessThan(5_000)
  })
})
