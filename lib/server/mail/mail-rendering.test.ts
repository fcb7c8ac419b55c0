import { describe, expect, it } from 'vitest'
import { LOCALES } from '@/lib/domain/locales'
import { renderMail, renderPlainMail } from './compose-mail'
import { textToBlocks } from './mail-content'
import { inlineHtml, renderMailHtml } from './mail-html'

const footer = { authority: 'Authority', automatic: 'Sent automatically.' }

describe('plain text as blocks', () => {
  it('reads paragraphs, line breaks and lists, whatever the line ends', () => {
    expect(textToBlocks('First line\r\nsecond line\r\n\r\n- one\n- two\n\n\n\nLast.\n')).toEqual([
      { type: 'paragraph', text: 'First line\nsecond line' },
      { type: 'list', items: ['one', 'two'] },
      { type: 'paragraph', text: 'Last.' },
    ])
    expect(textToBlocks('  \n\n')).toEqual([])
  })

  it('keeps the text of a plain message and adds the closing lines', () => {
    const body = 'Hello.\n\nTime: 10:00\nPlace: Bursa'
    expect(renderPlainMail('Subject', body, 'en').body).toBe(
      `${body}\n\nPresidency of Migration Management\nThis e-mail was sent automatically. Please do not reply to it.`,
    )
  })
})

describe('running text in HTML', () => {
  it('escapes markup and quotes', () => {
    expect(inlineHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    )
  })

  it('makes web addresses clickable, without the full stop after them', () => {
    expect(inlineHtml('Open https://portal.example/a?b=1&c=2. Then\nwait')).toBe(
      'Open <a href="https://portal.example/a?b=1&amp;c=2" style="color:#1d4ed8;text-decoration:underline;" dir="ltr">https://portal.example/a?b=1&amp;c=2</a>. Then<br>\nwait',
    )
    expect(inlineHtml('javascript:alert(1) and ftp://x.example')).not.toContain('<a')
  })
})

describe('the shared HTML layout', () => {
  it.each(LOCALES)('sets lang and direction for %s', (locale) => {
    const html = renderMail({ subject: 'S', blocks: [] }, locale).html
    const dir = locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr'
    expect(html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${locale}" dir="${dir}">`))
    expect(html).toContain(
      `role="article" aria-roledescription="email" aria-label="S" lang="${locale}" dir="${dir}"`,
    )
    expect(html).toContain(`text-align:${dir === 'rtl' ? 'right' : 'left'}`)
  })

  it('renders each kind of block, escaped, with the subject as title and heading', () => {
    const html = renderMailHtml(
      {
        subject: 'A <b> subject',
        blocks: [
          { type: 'paragraph', text: 'Para & more' },
          { type: 'code', code: '123456' },
          { type: 'facts', rows: [['Time', '<10:00>']] },
          { type: 'list', items: ['one'] },
          { type: 'link', label: 'Go on', href: 'https://portal.example/x' },
          { type: 'link', label: 'Not a link', href: 'javascript:alert(1)' },
        ],
      },
      'en',
      footer,
    )
    expect(html).toContain('<title>A &lt;b&gt; subject</title>')
    expect(html).toContain('>A &lt;b&gt; subject</h1>')
    expect(html).toContain('>Para &amp; more</p>')
    expect(html).toContain('<span dir="ltr">123456</span>')
    expect(html).toMatch(/<th scope="row"[^>]*>Time<\/th><td[^>]*>&lt;10:00&gt;<\/td>/)
    expect(html).toMatch(/<ul[^>]*><li[^>]*>one<\/li><\/ul>/)
    expect(html).toMatch(/<a href="https:\/\/portal.example\/x"[^>]*>Go on<\/a>/)
    expect(html).not.toContain('href="javascript:')
    expect(html).toContain('Not a link: javascript:alert(1)')
    expect(html).toContain('Authority<br>\nSent automatically.</p>')
  })
})
