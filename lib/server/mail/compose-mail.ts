import 'server-only'
import type { TFunction } from 'i18next'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import {
  renderMailText,
  textToBlocks,
  type MailBlock,
  type MailContent,
  type MailFooter,
} from './mail-content'
import { renderMailHtml } from './mail-html'

/** Both parts of a message, ready for the outbox. */
export type RenderedMail = { subject: string; body: string; html: string }

/** A message of one kind in one language: what `enqueueMail` takes, less the recipient. */
export type ComposedMail = { template: string; locale: Locale; content: MailContent }

export type MailTemplate<V> = (locale: Locale, values: V) => ComposedMail

function footerFor(locale: Locale): MailFooter {
  return {
    authority: getT(locale)('authorityName'),
    automatic: getT(locale, 'mail')('layout.automatic'),
  }
}

/** Renders the text part and the HTML part from the same blocks, in the shared layout. */
export async function renderMail(content: MailContent, locale: Locale): Promise<RenderedMail> {
  const footer = footerFor(locale)
  return {
    subject: content.subject,
    body: renderMailText(content, footer),
    html: await renderMailHtml(content, locale, footer),
  }
}

/**
 * One definition per kind of message: `compose` says what it contains in the reader's
 * language (the translator is bound to the `mail` namespace); `enqueueMail` renders both parts
 * from it, the HTML part with React Email.
 */
export function defineMail<V>(
  template: string | ((values: V) => string),
  compose: (t: TFunction, values: V) => MailContent,
): MailTemplate<V> {
  return (locale, values) => ({
    template: typeof template === 'string' ? template : template(values),
    locale,
    content: compose(getT(locale, 'mail'), values),
  })
}

/** Helpers for templates: several paragraphs from one translated string, the appointment facts. */
export const paragraphs = (text: string): MailBlock[] => textToBlocks(text)

export function appointmentFacts(
  t: TFunction,
  values: { time: string; office?: string },
): MailBlock {
  const rows: [string, string][] = [[t('layout.time'), t('layout.turkeyTime', values)]]
  if (values.office) rows.push([t('layout.place'), values.office])
  return { type: 'facts', rows }
}
