import { lookUpApplicationStatus } from '@/lib/server/applications/look-up-status'
import { ApiError } from '@/lib/server/api/errors'
import { apiRoute } from '@/lib/server/entry/api-route'
import { clientAddress } from '@/lib/server/http/request-origin'
import { statusLookupSchema } from '@/lib/schemas/status-lookup'

// Public: no session is read. An unknown reference and wrong details get the same 404.
export const POST = apiRoute({
  isPublic: true,
  input: statusLookupSchema,
  run: async ({ input, request }) => {
    const answer = await lookUpApplicationStatus(input, clientAddress(request.headers))
    if (!answer.found) throw new ApiError(404, 'not_found', 'lookup:notFound')
    return { reference: input.reference, status: answer.status, nextStep: answer.nextStep }
  },
})
