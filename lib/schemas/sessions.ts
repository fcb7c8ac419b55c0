import { z } from 'zod'
import { isUuid } from '@/lib/domain/ids'

// The forms of the session list (issue 15). A session is named by its public id, never its token.

export const endSessionSchema = z.strictObject({
  sessionId: z.string({ error: 'validation:unexpected' }).refine(isUuid, {
    error: 'validation:unexpected',
  }),
})
export type EndSessionInput = z.infer<typeof endSessionSchema>

export const endOtherSessionsSchema = z.strictObject({})

/** One session in the person's list: what the page shows, nothing that could resume it. */
export type MySession = {
  id: string
  browser: string | null
  os: string | null
  startedAt: string
  lastSeenAt: string
  current: boolean
}
