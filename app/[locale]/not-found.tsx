import Link from 'next/link'
import { headers } from 'next/headers'
import { DEFAULT_LOCALE, isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { paths } from '@/lib/paths'

export default async function NotFound() {
  // A not-found page receives no params; the proxy passes the language in a request header.
  const requested = (await headers()).get('x-ikamet-locale')
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE
  const t = getT(locale)
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href={paths.home(locale)}>{t('notFound.homeLink')}</Link>
      </p>
    </>
  )
}
