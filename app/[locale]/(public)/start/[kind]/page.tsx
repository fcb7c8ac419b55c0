import Link from 'next/link'
import { notFound } from 'next/navigation'
import { APPLICATION_KINDS, type ApplicationKind } from '@/lib/domain/application-status'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { getHeaderAccount } from '@/lib/server/actor'

type Props = { params: Promise<{ locale: string; kind: string }> }

const isKind = (k: string): k is ApplicationKind =>
  (APPLICATION_KINDS as readonly string[]).includes(k)
const NEEDS = ['passport', 'photo', 'address', 'insurance'] as const

export async function generateMetadata({ params }: Props) {
  const { kind } = await params
  if (!isKind(kind)) return {}
  return pageMetadata(params, `home:start.title.${kind}`, { description: `home:start.who.${kind}` })
}

export default async function StartPage({ params }: Props) {
  const { locale, kind } = await params
  if (!isLocale(locale) || !isKind(kind)) notFound()
  const t = getT(locale, ['home', 'common'])
  // Signed out, the next page would only send them on to sign in; a link that redirects shows
  // a blank page until the sign-in page arrives, so go there straight away.
  const apply = paths.apply(locale, kind)
  const next = (await getHeaderAccount()) ? apply : paths.signInThen(locale, apply)
  return (
    <>
      <h1>{t(`start.title.${kind}`)}</h1>
      <h2>{t('start.whoHeading')}</h2>
      <p>{t(`start.who.${kind}`)}</p>
      <h2>{t('start.needHeading')}</h2>
      <ul>
        {NEEDS.map((n) => (
          <li key={n}>{t(`start.need.${n}`)}</li>
        ))}
      </ul>
      <h2>{t('start.timeHeading')}</h2>
      <p>{t('start.time')}</p>
      <h2>{t('start.nextHeading')}</h2>
      <p>{t(`start.next.${kind}`)}</p>
      <Link href={next} className="button" role="button" draggable={false}>
        {t('common:actions.startNow')}
      </Link>
    </>
  )
}
