import type { Metadata } from 'next'
import { isLocale } from '@/lib/domain/locales'
import { getT } from './create-translator'
import { NAMESPACES } from './settings'

type Options = {
  /** Values for the title, e.g. `{ year }`. */
  values?: Record<string, string | number>
  /** The page shows a form's errors: the title says so first, as GOV.UK pages do. */
  error?: boolean
  /** An i18n key for the meta description; without it the layout's (the service's) stays. */
  description?: string
}

/**
 * A page's <title> and meta description in the page's language, from i18n keys with their
 * namespace ('application:documents.heading'). The layout's template adds the service name.
 * For `generateMetadata` of every page: `pageMetadata(params, 'ns:key', { error })`.
 */
export async function pageMetadata(
  params: Promise<{ locale: string }>,
  title: string,
  { values, error = false, description }: Options = {},
): Promise<Metadata> {
  const { locale } = await params
  if (!isLocale(locale)) return {}
  const t = getT(locale, NAMESPACES)
  const text = t(title, values ?? {})
  return {
    title: error ? `${t('common:errorSummary.titlePrefix')} ${text}` : text,
    ...(description ? { description: t(description) } : {}),
  }
}
