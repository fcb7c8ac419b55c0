import type { ReactNode } from 'react'
import type { Locale } from '@/lib/domain/locales'
import { I18nClientProvider } from '@/lib/i18n/client'
import { RESOURCES } from '@/lib/i18n/resources'
import type { Namespace } from '@/lib/i18n/settings'

type Props = { locale: Locale; namespaces: readonly Namespace[]; children: ReactNode }

/**
 * Gives the client components of one page the strings of `namespaces`, so strings only a few
 * pages use are not sent with every page (the layout sends CLIENT_NAMESPACES). It replaces the
 * layout's strings below it: list every namespace the components inside use.
 */
export function PageStrings({ locale, namespaces, children }: Props) {
  const messages = Object.fromEntries(namespaces.map((ns) => [ns, RESOURCES[locale][ns]]))
  return (
    <I18nClientProvider locale={locale} messages={messages}>
      {children}
    </I18nClientProvider>
  )
}
