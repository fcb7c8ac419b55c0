'use client'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState, type ReactNode } from 'react'
import type { Locale } from '@/lib/domain/locales'
import { I18nClientProvider } from '@/lib/i18n/client'
import type { Messages } from '@/lib/i18n/resources'
import type { Namespace } from '@/lib/i18n/settings'

type Props = { locale: Locale; messages: Partial<Record<Namespace, Messages>>; children: ReactNode }

export function Providers({ locale, messages, children }: Props) {
  // One client per browser tab; personal data is never shared between requests on the server.
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }),
  )
  return (
    <QueryClientProvider client={queryClient}>
      <I18nClientProvider locale={locale} messages={messages}>
        {children}
      </I18nClientProvider>
    </QueryClientProvider>
  )
}
