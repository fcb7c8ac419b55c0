// PUT /api/v1/applications/{id}/sections/{section} – save one task of the caller's draft.
// The body holds the section's fields as strings, like the form; `?partial=true` keeps the
// valid answers and drops the others ("save and come back later").
import type { NextRequest } from 'next/server'
import { saveSectionQuerySchema, sectionRequestSchema } from '@/lib/schemas/api/requests'
import { isSectionKey } from '@/lib/schemas/application/sections'
import { ApiError, notEditable, parseInput } from '@/lib/server/api/errors'
import { mutationBody } from '@/lib/server/api/request-guard'
import { apiJson, handleApi } from '@/lib/server/api/respond'
import { saveSectionAnswers } from '@/lib/server/applications/save-section'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string; section: string }> }

export function PUT(request: NextRequest, { params }: Context): Promise<Response> {
  return handleApi(request, async () => {
    const body = await mutationBody(request)
    const { id, section } = await params
    if (!isSectionKey(section)) throw new ApiError(404, 'not_found', 'api:errors.not_found')
    const query = parseInput(
      saveSectionQuerySchema,
      Object.fromEntries(request.nextUrl.searchParams),
    )
    const fields = parseInput(sectionRequestSchema(section), body ?? {})
    const raw = Object.fromEntries(
      Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
    )
    const mode = query.partial === 'true' ? 'partial' : 'complete'
    const result = await saveSectionAnswers(id, section, raw, mode)
    if (result.ok) return apiJson({ saved: true })
    // The data-access layer reports a draft that was already sent as a form-wide error.
    if (result.fieldErrors._form === 'application:errors.notEditable') throw notEditable()
    throw new ApiError(400, 'invalid_input', 'api:errors.invalid_input', {
      fields: result.fieldErrors,
    })
  })
}
