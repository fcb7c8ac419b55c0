import { describe, expect, it } from 'vitest'
import { outboxMessageId } from './message-id'

const id = '0b6f4a52-3c1e-4f57-9a43-6d2b8f0e1c77'

describe('outboxMessageId', () => {
  it('puts the outbox id at the domain of the sender address', () => {
    expect(outboxMessageId(id, 'İkamet <no-reply@Göç.Example.org>')).toBe(
      `<${id}@xn--g-6fa8b.example.org>`,
    )
    expect(outboxMessageId(id, 'no-reply@example.org')).toBe(`<${id}@example.org>`)
    expect(outboxMessageId(id, '"Ikamet, Ankara" <a@b.example> ')).toBe(`<${id}@b.example>`)
  })

  it('is the same on every call for the same message', () => {
    expect(outboxMessageId(id, 'x@example.org')).toBe(outboxMessageId(id, 'x@example.org'))
    expect(outboxMessageId(id, 'x@example.org')).not.toBe(
      outboxMessageId(id.replace('0', '1'), 'x@example.org'),
    )
  })

  it('still gives a valid id when the sender has no domain', () => {
    expect(outboxMessageId(id, 'postmaster')).toBe(`<${id}@localhost>`)
  })
})
