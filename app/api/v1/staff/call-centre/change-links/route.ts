import { apiJson } from '@/lib/server/api/respond'
import { sendChangeLink } from '@/lib/server/call-centre/send-change-link'
import { apiRoute } from '@/lib/server/entry/api-route'
import { callerActionSchema } from '@/lib/schemas/call-centre/caller-action'

// A call-centre agent sends the verified caller a link to change their appointment (202: queued).
export const POST = apiRoute({
  input: callerActionSchema,
  run: ({ input }) => sendChangeLink(input),
  respond: (result) => apiJson(result, 202),
})
