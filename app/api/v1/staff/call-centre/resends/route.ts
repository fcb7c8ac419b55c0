import { apiJson } from '@/lib/server/api/respond'
import { resendLastNotification } from '@/lib/server/call-centre/resend-last-notification'
import { apiRoute } from '@/lib/server/entry/api-route'
import { callerActionSchema } from '@/lib/schemas/call-centre/caller-action'

// A call-centre agent sends the verified caller's last message again (202: queued).
export const POST = apiRoute({
  input: callerActionSchema,
  run: ({ input }) => resendLastNotification(input),
  respond: (result) => apiJson(result, 202),
})
