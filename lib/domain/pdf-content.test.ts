import { describe, expect, it } from 'vitest'
import { decodePdfName, isActiveEntry, streamDecoding } from './pdf-content'

describe('decodePdfName', () => {
  it('reads #xx escapes in either case, with or without the slash', () => {
    expect(decodePdfName('/J#61vaScript')).toBe('JavaScript')
    expect(decodePdfName('#4aS')).toBe('JS')
    expect(decodePdfName('/Obj#53tm')).toBe('ObjStm')
    expect(decodePdfName('/FlateDecode')).toBe('FlateDecode')
    expect(decodePdfName('/A#2')).toBe('A#2')
  })
})

describe('isActiveEntry (SECURITY.md UP-01)', () => {
  it.each(['JS', 'JavaScript', 'AA', 'EmbeddedFiles', 'EF', 'XFA', 'RichMediaContent'])(
    'refuses the key /%s whatever its value',
    (key) => {
      expect(isActiveEntry(key, null)).toBe(true)
    },
  )

  it.each([
    'JavaScript',
    'Launch',
    'SubmitForm',
    'ImportData',
    'GoToR',
    'GoToE',
    'RichMediaExecute',
    'Rendition',
    'Movie',
    'Sound',
  ])('refuses the action /S /%s', (action) => {
    expect(isActiveEntry('S', { name: action })).toBe(true)
  })

  it('keeps actions that stay inside the document', () => {
    for (const action of ['GoTo', 'Named', 'Thread', 'Hide', 'URI'])
      expect(isActiveEntry('S', { name: action })).toBe(false)
  })

  it('refuses attached files and players by their type', () => {
    expect(isActiveEntry('Type', { name: 'EmbeddedFile' })).toBe(true)
    expect(isActiveEntry('Subtype', { name: 'FileAttachment' })).toBe(true)
    expect(isActiveEntry('Subtype', { name: 'RichMedia' })).toBe(true)
    expect(isActiveEntry('Subtype', { name: 'Link' })).toBe(false)
    expect(isActiveEntry('Type', { name: 'Page' })).toBe(false)
  })

  it('keeps web and mail links only', () => {
    expect(isActiveEntry('URI', { text: 'https://example.org/x' })).toBe(false)
    expect(isActiveEntry('URI', { text: ' HTTP://example.org' })).toBe(false)
    expect(isActiveEntry('URI', { text: 'mailto:a@example.org' })).toBe(false)
    for (const uri of ['file:///etc/passwd', '\\\\server\\share', 'javascript:alert(1)', 'smb://x'])
      expect(isActiveEntry('URI', { text: uri })).toBe(true)
    expect(isActiveEntry('URI', null)).toBe(true)
    expect(isActiveEntry('URI', { name: 'https' })).toBe(true)
  })

  it('leaves ordinary entries alone', () => {
    expect(isActiveEntry('Contents', null)).toBe(false)
    expect(isActiveEntry('Filter', { name: 'FlateDecode' })).toBe(false)
    expect(isActiveEntry('Title', { text: 'JavaScript for beginners' })).toBe(false)
  })
})

describe('streamDecoding (SECURITY.md UP-02)', () => {
  it('counts one layer of Flate or run-length, first in the chain', () => {
    expect(streamDecoding([])).toBe('as_is')
    expect(streamDecoding(['DCTDecode'])).toBe('as_is')
    expect(streamDecoding(['FlateDecode'])).toBe('inflate')
    expect(streamDecoding(['Fl'])).toBe('inflate')
    expect(streamDecoding(['FlateDecode', 'DCTDecode'])).toBe('inflate')
    expect(streamDecoding(['RL'])).toBe('run_length')
  })

  it('refuses what it cannot count', () => {
    expect(streamDecoding(['FlateDecode', 'FlateDecode'])).toBe('unsupported')
    expect(streamDecoding(['RunLengthDecode', 'FlateDecode'])).toBe('unsupported')
    expect(streamDecoding(['ASCII85Decode', 'FlateDecode'])).toBe('unsupported')
    expect(streamDecoding(['LZWDecode'])).toBe('unsupported')
    expect(streamDecoding(['Crypt'])).toBe('unsupported')
    expect(streamDecoding(['Made-up'])).toBe('unsupported')
  })
})
