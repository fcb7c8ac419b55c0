// PUT /api/v1/applications/{id}/sections/{section} – save one task of the caller's draft.
// The body holds the section's fields as strings, like the form; `?partial=true` keeps the
// valid answers and drops the others ("save and come back later").
import { z } from 'zod'
import { saveSectionQuerySchema, sectionRequestSchema } from '@/lib/schemas/api/requests'
import { isSectionKey } from '@/lib/schemas/application/sections'
import { ApiError, notEditable, parseInput } from '@/lib/server/api/errors'
import { saveSectionAnswers } from '@/lib/server/applications/save-section'
import { apiRoute } from '@/lib/server/entry/api-route'

export const dynamic = 'force-dynamic'

export const PUT = apiRoute({
  params: z.object({ id: z.string().max(64), section: z.string().max(40) }),
  // Which fields are allowed depends on the section, so the body is parsed in `run`.
  input: z.record(z.string(), z.unknown()),
  run: async ({ params, input, request }) => {
    const { id, section } = params
    if (!isSectionKey(section)) throw new ApiError(404, 'not_found', 'api:errors.not_found')
    const query = parseInput(
      saveSectionQuerySchema,
      Object.fromEntries(request.nextUrl.searchParams),
    )
    const fields = parseInput(sectionRequestSchema(section), input)
    const raw = Object.fromEntries(
      Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
    )
    const mode = query.partial === 'true' ? 'partial' : 'complete'
    const result = await saveSectionAnswers(id, section, raw, mode)
    if (result.ok) return { saved: true }
    // The data-access layer reports a draft that was already sent as a form-wide error.
    if (result.fieldErrors._form === 'application:errors.notEditable') throw notEditable()
    throw new ApiError(400, 'invalid_input', 'api:errors.invalid_input', {
      fields: result.fieldErrors,
    })
  },
})
