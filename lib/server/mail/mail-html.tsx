import 'server-only'
import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
  render,
} from '@react-email/components'
import type { CSSProperties, ReactNode } from 'react'
import { textDirection, type Locale } from '@/lib/domain/locales'
import type { MailBlock, MailContent, MailFooter } from './mail-content'

// Web addresses in running text; punctuation that ends a sentence is not part of the address.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g
const SAFE_HREF = /^(https?:\/\/|mailto:)/i

const FONT =
  "Arial, 'Helvetica Neue', Helvetica, Tahoma, 'Noto Sans', 'Noto Sans Arabic', sans-serif"
const GREY = '#484949'
const RULE = '1px solid #b1b4b6'
const BLOCK: CSSProperties = { margin: '0 0 20px 0', fontSize: '18px', lineHeight: '1.5' }
const LINK: CSSProperties = { color: '#1d4ed8', textDecoration: 'underline' }

// An address reads left to right also inside Arabic and Persian sentences.
const Anchor = ({ href, label }: { href: string; label: string }) => (
  <Link href={href} style={LINK} dir={label === href ? 'ltr' : undefined}>
    {label}
  </Link>
)

const withBreaks = (text: string, key: number): ReactNode[] =>
  text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br key={`${key}-${i}`} />, line]))

/** Running text with its line breaks kept and its web addresses clickable; React escapes it. */
export function InlineText({ text }: { text: string }) {
  const parts: ReactNode[] = []
  let last = 0
  for (const match of text.matchAll(URL_IN_TEXT)) {
    parts.push(...withBreaks(text.slice(last, match.index), parts.length))
    parts.push(<Anchor key={`a${match.index}`} href={match[0]} label={match[0]} />)
    last = match.index + match[0].length
  }
  parts.push(...withBreaks(text.slice(last), parts.length))
  return <>{parts}</>
}

function Block({ block, align }: { block: MailBlock; align: 'left' | 'right' }) {
  const cell: CSSProperties = { textAlign: align, verticalAlign: 'top', padding: '8px 0' }
  switch (block.type) {
    case 'paragraph':
      return (
        <Text style={BLOCK}>
          <InlineText text={block.text} />
        </Text>
      )
    case 'code':
      return (
        <Text style={{ ...BLOCK, fontSize: '32px', fontWeight: 'bold', letterSpacing: '4px' }}>
          <span dir="ltr" style={{ fontFamily: "'Courier New', Courier, monospace" }}>
            {block.code}
          </span>
        </Text>
      )
    case 'facts':
      return (
        <table role="presentation" style={{ borderCollapse: 'collapse', margin: '0 0 20px 0' }}>
          <tbody>
            {block.rows.map(([label, value]) => (
              <tr key={label}>
                <th
                  scope="row"
                  style={{
                    ...cell,
                    borderBottom: RULE,
                    [align === 'left' ? 'paddingRight' : 'paddingLeft']: '16px',
                  }}
                >
                  {label}
                </th>
                <td style={{ ...cell, borderBottom: RULE }}>
                  <InlineText text={value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )
    case 'list':
      return (
        <ul
          style={{ ...BLOCK, padding: 0, [align === 'left' ? 'paddingLeft' : 'paddingRight']: 24 }}
        >
          {block.items.map((item, i) => (
            <li key={i} style={{ margin: '0 0 8px 0' }}>
              <InlineText text={item} />
            </li>
          ))}
        </ul>
      )
    case 'link':
      // The address is shown too, so the reader can see where the link leads.
      return SAFE_HREF.test(block.href) ? (
        <Text style={BLOCK}>
          <strong>
            <Anchor href={block.href} label={block.label} />
          </strong>
          <br />
          <span dir="ltr" style={{ fontSize: '16px', color: GREY, wordBreak: 'break-all' }}>
            {block.href}
          </span>
        </Text>
      ) : (
        <Text style={BLOCK}>
          <InlineText text={`${block.label}: ${block.href}`} />
        </Text>
      )
  }
}

type LayoutProps = { content: MailContent; locale: Locale; footer: MailFooter }

/**
 * One accessible layout for every message. The language and direction of the reader's locale
 * are set on the document and repeated on the content, since some mail programs keep only the
 * body; alignment is explicit because some ignore `dir`.
 */
export function MailLayout({ content, locale, footer }: LayoutProps) {
  const dir = textDirection(locale)
  const align = dir === 'rtl' ? 'right' : 'left'
  // The preview line is the first sentence, never a code: lock screens show it.
  const preview = content.blocks.find((b) => b.type === 'paragraph')
  return (
    <Html lang={locale} dir={dir}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{content.subject}</title>
      </Head>
      {preview?.type === 'paragraph' && <Preview>{preview.text}</Preview>}
      <Body style={{ margin: 0, padding: '16px 8px', backgroundColor: '#f3f2f1' }}>
        <div
          role="article"
          aria-roledescription="email"
          aria-label={content.subject}
          lang={locale}
          dir={dir}
          style={{ fontFamily: FONT, color: '#0b0c0c', textAlign: align }}
        >
          <Container
            style={{
              maxWidth: '600px',
              backgroundColor: '#ffffff',
              borderTop: '8px solid #a4161a',
            }}
          >
            <Section dir={dir} style={{ padding: '24px', textAlign: align }}>
              <Text style={{ margin: '0 0 16px 0', fontSize: '16px', color: GREY }}>
                {footer.authority}
              </Text>
              <Heading
                as="h1"
                style={{ margin: '0 0 24px 0', fontSize: '26px', lineHeight: '1.25' }}
              >
                {content.subject}
              </Heading>
              {content.blocks.map((block, i) => (
                <Block key={i} block={block} align={align} />
              ))}
              <Hr style={{ borderTop: RULE, margin: '8px 0 16px 0' }} />
              <Text style={{ margin: 0, fontSize: '16px', color: GREY }}>
                {footer.authority}
                <br />
                {footer.automatic}
              </Text>
            </Section>
          </Container>
        </div>
      </Body>
    </Html>
  )
}

/**
 * The text/html part, rendered by React Email. It runs inside Next.js and in scripts started
 * with tsconfig.scripts.json, not under `tsx --conditions=react-server`, where react-dom/server
 * is missing.
 */
export function renderMailHtml(content: MailContent, locale: Locale, footer: MailFooter) {
  return render(<MailLayout content={content} locale={locale} footer={footer} />)
}
