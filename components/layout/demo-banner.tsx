import Link from 'next/link'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { paths } from '@/lib/paths'

/** On every page while demo mode is on: nothing here is real, and codes are readable by all. */
export function DemoBanner({ locale }: { locale: Locale }) {
  const t = getT(locale)
  return (
    <div className="demo-banner" role="note" data-testid="demo-banner">
      <div className="container">
        <p>
          <strong>{t('demo.banner')}</strong>{' '}
          <Link href={paths.devMailbox(locale)}>{t('demo.mailboxLink')}</Link>
        </p>
      </div>
    </div>
  )
}
