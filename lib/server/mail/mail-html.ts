import 'server-only'
import { textDirection, type Locale } from '@/lib/domain/locales'
import type { MailBlock, MailContent, MailFooter } from './mail-content'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

// Web addresses in running text; punctuation that ends a sentence is not part of the address.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g
const SAFE_HREF = /^(https?:\/\/|mailto:)/i

const FONT =
  "Arial, 'Helvetica Neue', Helvetica, Tahoma, 'Noto Sans', 'Noto Sans Arabic', sans-serif"
const TEXT_COLOUR = '#0b0c0c'
const LINK = `color:#1d4ed8;text-decoration:underline;`

// An address reads left to right also inside Arabic and Persian sentences.
const anchor = (href: string, label: string) =>
  `<a href="${escapeHtml(href)}" style="${LINK}"${label === href ? ' dir="ltr"' : ''}>${escapeHtml(label)}</a>`

/** Escapes running text, keeps its line breaks, and makes web addresses clickable. */
export function inlineHtml(text: string): string {
  let out = ''
  let last = 0
  for (const match of text.matchAll(URL_IN_TEXT)) {
    out += escapeHtml(text.slice(last, match.index)) + anchor(match[0], match[0])
    last = match.index + match[0].length
  }
  return (out + escapeHtml(text.slice(last))).replace(/\n/g, '<br>\n')
}

function blockHtml(block: MailBlock, align: 'left' | 'right'): string {
  const p = `margin:0 0 20px 0;`
  switch (block.type) {
    case 'paragraph':
      return `<p style="${p}">${inlineHtml(block.text)}</p>`
    case 'code':
      return `<p style="${p}font-size:32px;line-height:1.2;font-weight:bold;letter-spacing:4px;font-family:'Courier New',Courier,monospace;"><span dir="ltr">${escapeHtml(block.code)}</span></p>`
    case 'facts':
      return `<table style="border-collapse:collapse;margin:0 0 20px 0;width:100%;">${block.rows
        .map(
          ([label, value]) =>
            `<tr><th scope="row" align="${align}" style="text-align:${align};vertical-align:top;padding:8px 0;padding-${align === 'left' ? 'right' : 'left'}:16px;border-bottom:1px solid #b1b4b6;font-weight:bold;">${escapeHtml(label)}</th><td align="${align}" style="text-align:${align};vertical-align:top;padding:8px 0;border-bottom:1px solid #b1b4b6;">${inlineHtml(value)}</td></tr>`,
        )
        .join('')}</table>`
    case 'list':
      return `<ul style="${p}padding:0;padding-${align}:24px;">${block.items
        .map((item) => `<li style="margin:0 0 8px 0;">${inlineHtml(item)}</li>`)
        .join('')}</ul>`
    case 'link':
      return SAFE_HREF.test(block.href)
        ? // The address is shown too, so the reader can see where the link leads.
          `<p style="${p}"><strong>${anchor(block.href, block.label)}</strong><br>\n<span dir="ltr" style="font-size:16px;color:#484949;word-break:break-all;">${escapeHtml(block.href)}</span></p>`
        : `<p style="${p}">${inlineHtml(`${block.label}: ${block.href}`)}</p>`
  }
}

/**
 * The text/html part: one accessible layout for every message. The language and direction of
 * the reader's locale are set on the document and repeated on the content, since some mail
 * programs keep only the body; alignment is explicit because some ignore `dir`.
 */
export function renderMailHtml(content: MailContent, locale: Locale, footer: MailFooter): string {
  const dir = textDirection(locale)
  const align = dir === 'rtl' ? 'right' : 'left'
  const subject = escapeHtml(content.subject)
  const blocks = content.blocks.map((block) => blockHtml(block, align)).join('\n')
  return `<!DOCTYPE html>
<html lang="${locale}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<title>${subject}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f2f1;">
<div role="article" aria-roledescription="email" aria-label="${subject}" lang="${locale}" dir="${dir}" style="background-color:#f3f2f1;padding:16px 8px;font-family:${FONT};font-size:18px;line-height:1.5;color:${TEXT_COLOUR};text-align:${align};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;margin:0 auto;background-color:#ffffff;border-top:8px solid #a4161a;">
<tr><td dir="${dir}" align="${align}" style="padding:24px;text-align:${align};">
<p style="margin:0 0 16px 0;font-size:16px;color:#484949;">${escapeHtml(footer.authority)}</p>
<h1 style="margin:0 0 24px 0;font-size:26px;line-height:1.25;font-weight:bold;">${subject}</h1>
${blocks}
<hr style="border:0;border-top:1px solid #b1b4b6;margin:8px 0 16px 0;">
<p style="margin:0;font-size:16px;color:#484949;">${escapeHtml(footer.authority)}<br>
${escapeHtml(footer.automatic)}</p>
</td></tr>
</table>
</div>
</body>
</html>
`
}
