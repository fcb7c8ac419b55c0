import '../globals.css'
import type { Metadata, Viewport } from 'next'
import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'
import { DemoBanner } from '@/components/layout/demo-banner'
import { SiteFooter } from '@/components/layout/site-footer'
import { SessionTimeoutWarning } from '@/components/layout/session-timeout-warning'
import { SiteHeader } from '@/components/layout/site-header'
import { Providers } from '@/components/providers'
import { isLocale, LOCALES, textDirection } from '@/lib/domain/locales'
import { IDLE_LIMIT_MS } from '@/lib/domain/sessions/session-limits'
import { getT } from '@/lib/i18n/create-translator'
import { RESOURCES } from '@/lib/i18n/resources'
import { CLIENT_NAMESPACES } from '@/lib/i18n/settings'
import { paths } from '@/lib/paths'
import { getHeaderAccount } from '@/lib/server/actor'
import { isDemoMode } from '@/lib/server/env'
import { signOutAction } from './actions'

type Props = { children: ReactNode; params: Promise<{ locale: string }> }

export const dynamicParams = false
export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params
  if (!isLocale(locale)) return {}
  const t = getT(locale, ['common', 'home'])
  // Pages set their own title (lib/i18n/page-metadata); the description stays unless they do.
  return {
    title: { default: t('serviceName'), template: `%s – ${t('serviceName')}` },
    description: t('home:lead'),
  }
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const account = await getHeaderAccount()
  const demo = isDemoMode()
  const messages = Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, RESOURCES[locale][ns]]))
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <body>
        <Providers locale={locale} messages={messages}>
          <SiteHeader
            locale={locale}
            account={account}
            signOutAction={signOutAction.bind(null, locale)}
          />
          {demo ? <DemoBanner locale={locale} /> : null}
          <main id="main-content" className="container" tabIndex={-1}>
            {children}
          </main>
          <SiteFooter locale={locale} showDevMailbox={demo} />
          {account ? (
            <SessionTimeoutWarning
              idleSeconds={IDLE_LIMIT_MS[account.isStaff ? 'staff' : 'applicant'] / 1000}
              holder={account.isStaff ? 'staff' : 'applicant'}
              warnSeconds={5 * 60}
              signInPath={paths.signIn(locale)}
            />
          ) : null}
        </Providers>
      </body>
    </html>
  )
}
