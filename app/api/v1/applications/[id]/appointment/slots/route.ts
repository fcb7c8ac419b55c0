// GET /api/v1/applications/{id}/appointment/slots?from=YYYY-MM-DD – days and times with a free
// place at the application's directorate, in Türkiye time.
import { z } from 'zod'
import { freeSlotsQuerySchema } from '@/lib/schemas/api/appointments'
import { findFreeSlots } from '@/lib/server/appointments/availability'
import { apiRoute } from '@/lib/server/entry/api-route'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({
  params: z.object({ id: z.string().max(64) }),
  input: freeSlotsQuerySchema,
  run: async ({ params, input }) => ({
    timeZone: 'Europe/Istanbul',
    days: await findFreeSlots(params.id, input.from),
  }),
})
