'use client'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { usePathname, useRouter } from 'next/navigation'
import { useState } from 'react'
import type { Locale } from '@/lib/domain/locales'
import type { NationalityOption } from '@/lib/domain/nationalities'
import { useT } from '@/lib/i18n/client'
import { formatDate } from '@/lib/i18n/format-date'
import { queueQueryOptions } from '@/lib/queries/staff-queue'
import { queueQueryToParams, type QueueQuery } from '@/lib/schemas/casework/queue'
import { QueueFilters } from './queue-filters'
import { QueueTable } from './queue-table'

type Props = {
  locale: Locale
  initialQuery: QueueQuery
  nationalities: readonly NationalityOption[]
  today: string
}

/**
 * The work queue. The page prefetched the first answer on the server; changing a filter keeps
 * the rows on screen while the next ones load, the URL carries the filters, and the list
 * refreshes when the tab comes back into focus.
 */
export function CaseQueue({ locale, initialQuery, nationalities, today }: Props) {
  const t = useT(['casework', 'common'])
  const router = useRouter()
  const pathname = usePathname()
  const [query, setQuery] = useState(initialQuery)
  const { data, isFetching, error } = useQuery({
    ...queueQueryOptions(query),
    placeholderData: keepPreviousData,
  })
  const apply = (next: QueueQuery) => {
    setQuery(next)
    const params = queueQueryToParams(next).toString()
    router.replace(params ? `${pathname}?${params}` : pathname, { scroll: false })
  }
  const nextPage = data?.nextCursor ? { ...query, cursor: data.nextCursor } : null
  return (
    <>
      <QueueFilters query={query} nationalities={nationalities} onChange={apply} />
      <p className="hint" aria-live="polite">
        {isFetching ? t('queue.loading') : t('queue.total', { count: data?.total ?? 0 })}
      </p>
      {error ? (
        <p className="notice notice--error" role="alert">
          {t('queue.failed')}
        </p>
      ) : null}
      {data ? (
        <QueueTable
          locale={locale}
          rows={data.rows}
          today={today}
          formatDay={(iso) => formatDate(iso, locale)}
        />
      ) : null}
      <nav className="pager" aria-label={t('queue.pages')}>
        {query.cursor ? (
          <a
            href={pathname}
            onClick={(e) => (e.preventDefault(), apply({ ...query, cursor: undefined }))}
          >
            {t('queue.firstPage')}
          </a>
        ) : null}
        {nextPage ? (
          <a
            href={`${pathname}?${queueQueryToParams(nextPage)}`}
            onClick={(e) => (e.preventDefault(), apply(nextPage))}
          >
            {t('queue.nextPage')}
          </a>
        ) : null}
      </nav>
    </>
  )
}
