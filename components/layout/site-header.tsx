import Link from 'next/link'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { paths } from '@/lib/paths'
import { LanguageSwitcher } from './language-switcher'

type Props = {
  locale: Locale
  account: { email: string; isStaff: boolean } | null
  signOutAction: () => Promise<void>
}

export function SiteHeader({ locale, account, signOutAction }: Props) {
  const t = getT(locale, ['common', 'permits'])
  return (
    <header>
      <a href="#main-content" className="skip-link">
        {t('skipToContent')}
      </a>
      <div className="site-header">
        <div className="container site-header__bar">
          <Link href={paths.home(locale)} className="site-header__name">
            {t('serviceName')}
            <span className="site-header__authority">{t('authorityName')}</span>
          </Link>
          <nav className="site-header__account" aria-label={t('nav.mainNavigation')}>
            {account ? (
              <>
                <span className="site-header__email">
                  {t('nav.signedInAs', { email: account.email })}
                </span>
                {/* Staff accounts have no applications of their own: their place is the staff area. */}
                {account.isStaff ? (
                  <Link href={paths.staffHome(locale)}>{t('nav.staffArea')}</Link>
                ) : (
                  <>
                    <Link href={paths.applications(locale)}>{t('nav.myApplications')}</Link>
                    <Link href={paths.permits(locale)}>{t('permits:title')}</Link>
                    <Link href={paths.mySessions(locale)}>{t('nav.mySessions')}</Link>
                  </>
                )}
                <form action={signOutAction}>
                  <button type="submit" className="link-button">
                    {t('nav.signOut')}
                  </button>
                </form>
              </>
            ) : (
              <Link href={paths.signIn(locale)}>{t('nav.signIn')}</Link>
            )}
          </nav>
        </div>
      </div>
      <LanguageSwitcher locale={locale} />
    </header>
  )
}
