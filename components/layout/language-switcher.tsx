'use client'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { LOCALE_NATIVE_NAMES, LOCALES, type Locale } from '@/lib/domain/locales'
import { withLocale } from '@/lib/paths'
import { useT } from '@/lib/i18n/client'

export function LanguageSwitcher({ locale }: { locale: Locale }) {
  const t = useT()
  const pathname = usePathname() ?? `/${locale}`
  return (
    <nav className="language-switcher" aria-label={t('languageSwitcher.label')}>
      <ul className="container">
        {LOCALES.map((l) => (
          <li key={l}>
            <Link
              href={withLocale(pathname, l)}
              lang={l}
              hrefLang={l}
              aria-current={l === locale ? 'true' : undefined}
              prefetch={false}
            >
              {LOCALE_NATIVE_NAMES[l]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
