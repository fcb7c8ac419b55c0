import Link from 'next/link'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { paths } from '@/lib/paths'

export function SiteFooter({
  locale,
  showDevMailbox,
}: {
  locale: Locale
  showDevMailbox: boolean
}) {
  const t = getT(locale)
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t('footer.helpLine')}</p>
        <p>{t('footer.noAgents')}</p>
        {showDevMailbox ? (
          <p>
            <Link href={paths.devMailbox(locale)}>{t('footer.devMailbox')}</Link>
          </p>
        ) : null}
      </div>
    </footer>
  )
}
