'use client'
import { createInstance } from 'i18next'
import { useMemo, type ReactNode } from 'react'
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next'
import type { Locale } from '@/lib/domain/locales'
import { numberFormatter } from './format-number'
import type { Messages } from './resources'
import { DEFAULT_NAMESPACE, type Namespace } from './settings'

type Props = { locale: Locale; messages: Partial<Record<Namespace, Messages>>; children: ReactNode }

/** Gives client components the strings the server chose for this locale, nothing more. */
export function I18nClientProvider({ locale, messages, children }: Props) {
  const i18n = useMemo(() => {
    const instance = createInstance()
    void instance
      .use(initReactI18next)
      .use(numberFormatter)
      .init({
        lng: locale,
        resources: { [locale]: messages },
        defaultNS: DEFAULT_NAMESPACE,
        initAsync: false,
        interpolation: { escapeValue: false, alwaysFormat: true },
      })
    return instance
  }, [locale, messages])
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
}

export function useT(ns: Namespace | readonly Namespace[] = DEFAULT_NAMESPACE) {
  return useTranslation(ns as Namespace).t
}
