import { headers } from 'next/headers'
import { DEFAULT_LOCALE, isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'

export default async function Forbidden() {
  const requested = (await headers()).get('x-ikamet-locale')
  const t = getT(isLocale(requested) ? requested : DEFAULT_LOCALE)
  return (
    <>
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.body')}</p>
    </>
  )
}
