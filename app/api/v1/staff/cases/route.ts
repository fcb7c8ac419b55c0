// GET /api/v1/staff/cases – the caller's directorate's work queue, filtered and paged.
import { queueQuerySchema } from '@/lib/schemas/casework/queue'
import { findCasesForQueue } from '@/lib/server/casework/find-cases-for-queue'
import { apiRoute } from '@/lib/server/entry/api-route'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({
  input: queueQuerySchema,
  run: ({ input }) => findCasesForQueue(input),
})
