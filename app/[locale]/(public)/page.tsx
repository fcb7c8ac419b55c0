import Link from 'next/link'
import { isLocale, type Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { getHeaderAccount } from '@/lib/server/actor'

type Entry = { key: string; href: string }

function entries(locale: Locale, signedIn: boolean): Entry[] {
  // Signed out, straight to sign-in: a link to a page that redirects shows a blank page first.
  const mine = signedIn
    ? paths.applications(locale)
    : paths.signInThen(locale, paths.applications(locale))
  return [
    { key: 'first', href: paths.start(locale, 'first') },
    { key: 'extension', href: paths.start(locale, 'extension') },
    { key: 'transition', href: paths.start(locale, 'transition') },
    // Anyone can look up the status with the reference; signing in shows the details.
    { key: 'track', href: paths.track(locale) },
    { key: 'appointment', href: mine },
  ]
}

export function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  return pageMetadata(params, 'home:title', { description: 'home:lead' })
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!isLocale(locale)) return null
  const t = getT(locale, 'home')
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <h2>{t('entryPointsHeading')}</h2>
      <ul className="card-list">
        {entries(locale, (await getHeaderAccount()) !== null).map((e) => (
          <li key={e.key}>
            <Link href={e.href}>{t(`entry.${e.key}.title`)}</Link>
            <p>{t(`entry.${e.key}.body`)}</p>
          </li>
        ))}
      </ul>
      <h2>{t('beforeYouStartHeading')}</h2>
      <ul>
        <li>{t('beforeYouStart.passport')}</li>
        <li>{t('beforeYouStart.timing')}</li>
        <li>{t('beforeYouStart.email')}</li>
      </ul>
    </>
  )
}
