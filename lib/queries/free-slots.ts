import { queryOptions } from '@tanstack/react-query'
import type { z } from 'zod'
import type { freeDaysSchema } from '@/lib/schemas/api/appointments'

export type FreeDaysData = z.infer<typeof freeDaysSchema>

/**
 * The free days and times of an application's directorate from `from` on (a week of days with
 * places), as react-query knows them. The choose page prefetches the same answer on the server
 * from the data-access function the endpoint calls, so the first view needs no request.
 */
export function freeSlotsQueryOptions(applicationId: string, from: string | null) {
  const query = from ? `?from=${encodeURIComponent(from)}` : ''
  return queryOptions({
    queryKey: ['free-slots', applicationId, from ?? ''],
    queryFn: async ({ signal }): Promise<FreeDaysData> => {
      const response = await fetch(
        `/api/v1/applications/${encodeURIComponent(applicationId)}/appointment/slots${query}`,
        { signal, headers: { accept: 'application/json' } },
      )
      if (!response.ok) throw new Error(String(response.status))
      return (await response.json()) as FreeDaysData
    },
    // Places go quickly: look again when the person comes back to the tab.
    refetchOnWindowFocus: true,
    staleTime: 20_000,
  })
}
