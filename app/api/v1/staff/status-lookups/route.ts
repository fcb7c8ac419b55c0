import { ApiError } from '@/lib/server/api/errors'
import { lookUpCaller } from '@/lib/server/call-centre/look-up-caller'
import { apiRoute } from '@/lib/server/entry/api-route'
import { callerLookupSchema } from '@/lib/schemas/call-centre/caller-lookup'

// Call-centre agents: an unknown reference and wrong details get the same 404.
export const POST = apiRoute({
  input: callerLookupSchema,
  run: async ({ input, locale }) => {
    const answer = await lookUpCaller(input, locale)
    if (!answer.found) throw new ApiError(404, 'not_found', 'callcentre:notFound')
    return answer.view
  },
})
