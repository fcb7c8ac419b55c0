import './globals.css'
import type { Metadata } from 'next'
import { DEFAULT_LOCALE, LOCALE_NATIVE_NAMES, LOCALES, textDirection } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'

const t = getT(DEFAULT_LOCALE)

export const metadata: Metadata = { title: t('notFound.title') }

/** Unmatched addresses, including unknown language codes: the 404 page in the default language. */
export default function GlobalNotFound() {
  return (
    <html lang={DEFAULT_LOCALE} dir={textDirection(DEFAULT_LOCALE)}>
      <body>
        <main id="main-content" className="container">
          <h1>{t('notFound.title')}</h1>
          <p>{t('notFound.body')}</p>
          <p>
            <a href={`/${DEFAULT_LOCALE}`}>{t('notFound.homeLink')}</a>
          </p>
          <ul className="card-list">
            {LOCALES.filter((l) => l !== DEFAULT_LOCALE).map((l) => (
              <li key={l} lang={l}>
                <a href={`/${l}`} hrefLang={l}>
                  {LOCALE_NATIVE_NAMES[l]}
                </a>
              </li>
            ))}
          </ul>
        </main>
      </body>
    </html>
  )
}
