import { dehydrate, HydrationBoundary, QueryClient } from '@tanstack/react-query'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { CaseQueue } from '@/components/casework/case-queue'
import { ErrorSummary } from '@/components/form/error-summary'
import { StaffShell } from '@/components/staff/staff-shell'
import { isLocale } from '@/lib/domain/locales'
import { nationalityOptions } from '@/lib/domain/nationalities'
import { roleHasPermission } from '@/lib/domain/staff-roles'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { queueQueryOptions } from '@/lib/queries/staff-queue'
import { DEFAULT_QUEUE_QUERY, queueQuerySchema } from '@/lib/schemas/casework/queue'
import { fieldErrorsFrom } from '@/lib/schemas/form-state'
import { requireStaff } from '@/lib/server/actor'
import { findCasesForQueue } from '@/lib/server/casework/find-cases-for-queue'
import { todayInIstanbul } from '@/lib/server/clock'
import { loadForPage } from '@/lib/server/page-access'
import { PageStrings } from '@/components/layout/page-strings'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

// The directorate's work queue. The filters live in the URL; the first page is read here and
// handed to react-query, which keeps it fresh in the browser.
export async function generateMetadata({ params, searchParams }: Props) {
  return pageMetadata(params, 'casework:queue.title', {
    error: queueQuerySchema.safeParse(await searchParams).success === false,
  })
}

export default async function CaseQueuePage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const parsed = queueQuerySchema.safeParse(await searchParams)
  const query = parsed.success ? parsed.data : DEFAULT_QUEUE_QUERY
  const [actor, page] = await loadForPage(locale, 'staff', `/${locale}/staff/cases`, () =>
    Promise.all([requireStaff('cases.view'), findCasesForQueue(query)]),
  )
  const queryClient = new QueryClient()
  queryClient.setQueryData(queueQueryOptions(query).queryKey, page)
  const t = getT(locale, 'casework')
  const errors = parsed.success
    ? []
    : Object.entries(fieldErrorsFrom(parsed.error)).map(([field, key]) => ({
        fieldId: `q-${field}`,
        message: t(key),
      }))
  return (
    <StaffShell locale={locale} role={actor.role} current="cases">
      <h1>{t('queue.title')}</h1>
      {roleHasPermission(actor.role, 'casework.configure') ? (
        <p>
          <Link href={paths.staffCaseworkSettings(locale)}>{t('settings.link')}</Link>
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <PageStrings locale={locale} namespaces={['common', 'casework']}>
        <HydrationBoundary state={dehydrate(queryClient)}>
          <CaseQueue
            locale={locale}
            initialQuery={query}
            nationalities={nationalityOptions(locale)}
            today={todayInIstanbul()}
          />
        </HydrationBoundary>
      </PageStrings>
    </StaffShell>
  )
}
