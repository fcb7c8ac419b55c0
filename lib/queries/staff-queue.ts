import { queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type { queuePageSchema } from '@/lib/schemas/api/casework'
import { queueQueryToParams, type QueueQuery } from '@/lib/schemas/casework/queue'

export type QueuePageData = z.infer<typeof queuePageSchema>

/** The failure the endpoint answered, with its translated message, for the queue to show. */
export class QueueRequestError extends Error {}

/**
 * The work queue as react-query knows it: one key per filter set, fetched from the staff JSON
 * endpoint, which answers from the same data-access function as the page that prefetches it.
 */
export function queueQueryOptions(query: QueueQuery) {
  const params = queueQueryToParams(query).toString()
  return queryOptions({
    queryKey: ['staff-queue', params],
    queryFn: async ({ signal }): Promise<QueuePageData> => {
      const response = await fetch(`/api/v1/staff/cases${params ? `?${params}` : ''}`, {
        signal,
        headers: { accept: 'application/json' },
      })
      const body = (await response.json().catch(() => null)) as
        (QueuePageData & { error?: { message: string } }) | null
      if (!response.ok || !body)
        throw new QueueRequestError(body?.error?.message ?? String(response.status))
      return body
    },
    refetchOnWindowFocus: true,
    staleTime: 15_000,
  })
}
