import { beforeAll, describe, expect, it } from 'vitest'
import { LOCALES, textDirection, type Locale } from '@/lib/domain/locales'
import { formatNumber } from '@/lib/i18n/format-number'
import { renderMail, type ComposedMail, type RenderedMail } from '../compose-mail'
import { applicationSubmittedMail, signInCodeMail } from './account-mails'
import {
  appointmentMail,
  cancelledByDirectorateMail,
  drawNotDrawnMail,
  waitlistOfferMail,
} from './appointment-mails'
import { caseMail } from './case-mails'
import { appointmentChangeLinkMail } from './call-centre-mails'

const reference = 'E7KQ2M9XP'
const time = 'TIME-1'
const office = 'Office <A> & Co'
const link = 'https://portal.example/ru/applications/1/appointment/choose'

/** Every kind of message, with the values each must show in both parts. */
function everyMail(locale: Locale): [ComposedMail, string[]][] {
  return [
    // Numbers in the sentences are in the reader's digits (۱۰ in Persian); the code stays 0–9.
    [signInCodeMail(locale, { code: '482913', minutes: 10 }), ['482913', formatNumber(10, locale)]],
    ...(['awaiting_appointment', 'documents_submitted'] as const).map(
      (next): [ComposedMail, string[]] => [
        applicationSubmittedMail(locale, { reference, next }),
        [reference],
      ],
    ),
    [
      applicationSubmittedMail(locale, {
        reference,
        next: 'documents_submitted',
        documentsDueOn: 'DUE-DATE',
      }),
      [reference, 'DUE-DATE'],
    ],
    [caseMail(locale, { key: 'missedAppointment', reference }), [reference]],
    ...(['booked', 'rescheduled', 'reminder'] as const).map((kind): [ComposedMail, string[]] => [
      appointmentMail(locale, { kind, reference, time, office }),
      [time, office],
    ]),
    [appointmentMail(locale, { kind: 'cancelled', reference, time, office }), [time]],
    [
      cancelledByDirectorateMail(locale, {
        reference,
        time,
        office,
        alternatives: ['ALT-1', 'ALT-2'],
        link,
      }),
      [time, office, 'ALT-1', 'ALT-2', link],
    ],
    [
      cancelledByDirectorateMail(locale, { reference, time, office, alternatives: [], link }),
      [time, link],
    ],
    [
      waitlistOfferMail(locale, { reference, time, office, minutes: 15, until: 'UNTIL-1', link }),
      [reference, time, office, formatNumber(15, locale), 'UNTIL-1', link],
    ],
    [drawNotDrawnMail(locale, { reference }), [reference]],
    [
      caseMail(locale, { key: 'handedToPost', reference, values: { trackingNumber: 'RR123' } }),
      [reference, 'RR123'],
    ],
    [
      appointmentChangeLinkMail(locale, { reference, time, office, link }),
      [reference, time, office, link],
    ],
  ]
}

type Rendered = ComposedMail & RenderedMail

/** Both parts of every message, as `enqueueMail` renders them for the outbox. */
const renderEveryMail = (locale: Locale): Promise<[Rendered, string[]][]> =>
  Promise.all(
    everyMail(locale).map(async ([mail, values]): Promise<[Rendered, string[]]> => [
      { ...mail, ...(await renderMail(mail.content, mail.locale)) },
      values,
    ]),
  )

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
}

/** What a reader of the HTML part sees, as plain words. */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!)
    .replace(/\s+/g, ' ')
}

describe.each(LOCALES)('every message in %s', (locale) => {
  let mails: [Rendered, string[]][] = []
  beforeAll(async () => {
    mails = await renderEveryMail(locale)
  })

  it('has both parts, with every placeholder filled and every value shown', () => {
    for (const [mail, values] of mails) {
      for (const part of [mail.subject, mail.body, mail.html]) {
        expect(part, mail.template).not.toMatch(/\{\{|\}\}/)
      }
      const seen = visibleText(mail.html)
      for (const value of values) {
        expect(mail.body, `${mail.template} text`).toContain(value)
        expect(seen, `${mail.template} html`).toContain(value)
      }
    }
  })

  it('says the same in the HTML part as in the text part', () => {
    for (const [mail] of mails) {
      const seen = visibleText(mail.html)
      const pieces = mail.body
        .split('\n')
        .flatMap((line) => line.replace(/^- /, '').split(/:\s/))
        .map((piece) => piece.replace(/:$/, '').trim())
        .filter(Boolean)
      for (const piece of pieces) expect(seen, mail.template).toContain(piece)
    }
  })

  it('uses the shared layout in the reader’s language and direction', () => {
    for (const [mail] of mails) {
      expect(mail.locale).toBe(locale)
      expect(mail.html).toContain(`<html dir="${textDirection(locale)}" lang="${locale}">`)
      expect(visibleText(mail.html)).toContain(mail.subject.replace(/\s+/g, ' '))
    }
  })

  it('keeps the sign-in code out of the subject, which lock screens show', () => {
    const [[mail]] = mails as [[Rendered, string[]]]
    expect(mail.template).toBe('sign-in-code')
    expect(mail.subject).not.toMatch(/\d/)
    expect(mail.body).toMatch(/^482913$/m)
    expect(mail.html).toMatch(/<span dir="ltr"[^>]*>482913<\/span>/)
    expect(mail.html.split('482913')).toHaveLength(2)
  })
})

it('names each kind of message for the outbox', () => {
  expect(everyMail('en').map(([mail]) => mail.template)).toEqual([
    'sign-in-code',
    'application-submitted',
    'application-submitted',
    'application-submitted',
    'case-missedAppointment',
    'appointment-booked',
    'appointment-rescheduled',
    'appointment-reminder',
    'appointment-cancelled',
    'appointment-cancelled-by-directorate',
    'appointment-cancelled-by-directorate',
    'waitlist-offer',
    'draw-not-drawn',
    'case-handedToPost',
    'appointment-change-link',
  ])
})
