// POST /api/v1/permit-claims – adds a permit issued before the account existed to my permits.
import { apiRoute } from '@/lib/server/entry/api-route'
import { claimPermit } from '@/lib/server/permits/claim-permit'
import { permitClaimSchema } from '@/lib/schemas/permits/claim'

export const dynamic = 'force-dynamic'

export const POST = apiRoute({
  input: permitClaimSchema,
  run: ({ input }) => claimPermit(input),
})
