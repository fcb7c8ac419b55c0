import { notFound } from 'next/navigation'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDateTime } from '@/lib/i18n/format-date'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { listDemoStaffCodes } from '@/lib/server/auth/second-factor/demo-staff-codes'
import { readDevMailbox } from '@/lib/server/dev-mailbox'

export function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  return pageMetadata(params, 'mail:mailbox.title')
}

// Demo mode only: otherwise readDevMailbox answers null and this is a 404.
export default async function DevMailboxPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const messages = await readDevMailbox()
  const staffCodes = await listDemoStaffCodes()
  if (!messages || !staffCodes) notFound()
  const t = getT(locale, 'mail')
  return (
    <>
      <h1>{t('mailbox.title')}</h1>
      <p className="lead">{t('mailbox.lead')}</p>
      <section aria-labelledby="staff-codes">
        <h2 id="staff-codes">{t('mailbox.staffCodes')}</h2>
        <p>{t('mailbox.staffCodesLead')}</p>
        {staffCodes.length === 0 ? <p>{t('mailbox.staffCodesNone')}</p> : null}
        <ul data-testid="staff-codes">
          {staffCodes.map((s) => (
            <li key={s.email}>
              {s.displayName}, <span dir="ltr">{s.email}</span>:{' '}
              <strong dir="ltr" className="secret">
                {s.code}
              </strong>
            </li>
          ))}
        </ul>
      </section>
      {messages.length === 0 ? <p>{t('mailbox.empty')}</p> : null}
      {messages.map((m) => (
        <article key={m.id}>
          <h2>{m.subject}</h2>
          <p>
            {t('mailbox.to')}: <span dir="ltr">{m.recipient}</span> · {t('mailbox.sent')}:{' '}
            {formatDateTime(m.createdAt, locale)}
          </p>
          <div className="mailbox-body">{m.body}</div>
          {m.html ? (
            <details>
              <summary>{t('mailbox.html')}</summary>
              {/* The HTML part as a mail program shows it; an empty sandbox runs nothing in it. */}
              <iframe
                className="mailbox-html"
                sandbox=""
                srcDoc={m.html}
                title={`${t('mailbox.html')}: ${m.subject}`}
              />
            </details>
          ) : null}
        </article>
      ))}
    </>
  )
}
