import { createInstance, type TFunction } from 'i18next'
import { DEFAULT_LOCALE, type Locale } from '@/lib/domain/locales'
import { numberFormatter } from './format-number'
import { RESOURCES } from './resources'
import { DEFAULT_NAMESPACE, NAMESPACES, type Namespace } from './settings'

const instances = new Map<Locale, ReturnType<typeof createInstance>>()

function instanceFor(locale: Locale) {
  let instance = instances.get(locale)
  if (!instance) {
    instance = createInstance().use(numberFormatter)
    void instance.init({
      lng: locale,
      // A missing key falls back to Turkish, never to the raw key.
      fallbackLng: DEFAULT_LOCALE,
      ns: [...NAMESPACES],
      defaultNS: DEFAULT_NAMESPACE,
      resources: RESOURCES,
      initAsync: false,
      interpolation: { escapeValue: false, alwaysFormat: true },
      returnNull: false,
    })
    instances.set(locale, instance)
  }
  return instance
}

/** A translator for server code: pages, e-mails, route handlers. */
export function getT(
  locale: Locale,
  ns: Namespace | readonly Namespace[] = DEFAULT_NAMESPACE,
): TFunction {
  return instanceFor(locale).getFixedT(locale, ns as Namespace)
}
