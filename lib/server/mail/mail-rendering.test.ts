import { describe, expect, it } from 'vitest'
import { LOCALES } from '@/lib/domain/locales'
import { renderMail } from './compose-mail'
import { textToBlocks } from './mail-content'
import { renderMailHtml } from './mail-html'

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

  it('keeps the text of a message and adds the closing lines', async () => {
    const body = 'Hello.\n\nTime: 10:00\nPlace: Bursa'
    const mail = await renderMail({ subject: 'Subject', blocks: textToBlocks(body) }, 'en')
    expect(mail.body).toBe(
      `${body}\n\nPresidency of Migration Management\nThis e-mail was sent automatically. Please do not reply to it.`,
    )
  })
})

describe('running text in HTML', () => {
  const paragraph = (text: string) =>
    renderMailHtml({ subject: 'S', blocks: [{ type: 'paragraph', text }] }, 'en', footer)

  it('escapes markup and quotes', async () => {
    const html = await paragraph(`<script>alert("x")</script> & 'y'`)
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;y&#x27;')
  })

  it('makes web addresses clickable, without the full stop after them', async () => {
    const html = await paragraph('Open https://portal.example/a?b=1&c=2. Then\nwait')
    expect(html).toMatch(
      /Open <a href="https:\/\/portal.example\/a\?b=1&amp;c=2"[^>]*dir="ltr"[^>]*>https:\/\/portal.example\/a\?b=1&amp;c=2<\/a>. Then<br\/>wait/,
    )
    expect(await paragraph('javascript:alert(1) and ftp://x.example')).not.toMatch(
      /href="(javascript|ftp)/,
    )
  })
})

describe('the shared HTML layout', () => {
  it.each(LOCALES)('sets lang and direction for %s', async (locale) => {
    const { html } = await renderMail({ subject: 'S', blocks: [] }, locale)
    const dir = locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr'
    expect(html).toContain(`<html dir="${dir}" lang="${locale}">`)
    expect(html).toMatch(
      new RegExp(
        `role="article" aria-roledescription="email" aria-label="S" lang="${locale}" dir="${dir}"`,
      ),
    )
    expect(html).toContain(`text-align:${dir === 'rtl' ? 'right' : 'left'}`)
  })

  it('renders each kind of block, escaped, with the subject as title and heading', async () => {
    const html = await renderMailHtml(
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
    expect(html).toMatch(/<h1[^>]*>A &lt;b&gt; subject<\/h1>/)
    expect(html).toMatch(/<p[^>]*>Para &amp; more<\/p>/)
    expect(html).toMatch(/<span dir="ltr"[^>]*>123456<\/span>/)
    expect(html).toMatch(/<th scope="row"[^>]*>Time<\/th><td[^>]*>&lt;10:00&gt;<\/td>/)
    expect(html).toMatch(/<ul[^>]*><li[^>]*>one<\/li><\/ul>/)
    expect(html).toMatch(/<a href="https:\/\/portal.example\/x"[^>]*>Go on<\/a>/)
    expect(html).not.toContain('href="javascript:')
    expect(html).toContain('Not a link: javascript:alert(1)')
    expect(html).toMatch(/Authority<br\/>Sent automatically.<\/p>/)
  })

  it('previews the first sentence, never a code', async () => {
    const html = await renderMailHtml(
      {
        subject: 'S',
        blocks: [
          { type: 'code', code: '482913' },
          { type: 'paragraph', text: 'Your code.' },
        ],
      },
      'en',
      footer,
    )
    expect(html.indexOf('Your code.')).toBeLessThan(html.indexOf('482913'))
    expect(html.split('482913')).toHaveLength(2)
  })
})
