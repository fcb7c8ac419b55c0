// POST /api/v1/applications/:id/documents?item=<checklist code>[&locale=<lng>]
// One file for one checklist item of the caller's own draft: a multipart form (field `file`)
// or the raw body with its Content-Type. A browser's form post is sent back to the documents
// page (303); an API client gets JSON (201, or an error code with 4xx).
import { DOCUMENT_CODES } from '@/lib/domain/permits/documents'
import { paths } from '@/lib/paths'
import {
  crossSite,
  denied,
  failure,
  isSameOriginRequest,
  requestLocale,
  seeOther,
  wantsHtml,
} from '@/lib/server/documents/http'
import { receiveUpload } from '@/lib/server/documents/upload-document'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string }> }

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const query = new URL(request.url).searchParams
  const locale = requestLocale(request, query.get('locale'))
  if (!isSameOriginRequest(request)) return crossSite(locale)
  const { id } = await params
  const item = query.get('item') ?? ''
  const html = wantsHtml(request)
  // Documents asked for later are uploaded from the status page, which wants the answer back.
  const page =
    query.get('return') === 'status'
      ? paths.applicationStatus(locale, encodeURIComponent(id))
      : paths.applicationTask(locale, encodeURIComponent(id), 'documents')
  try {
    const result = await receiveUpload(request, id, item)
    if (html) {
      const known = (DOCUMENT_CODES as readonly string[]).includes(item) ? item : ''
      const outcome = result.ok ? `uploaded=${known}` : `error=${result.reason}&item=${known}`
      return seeOther(`${page}?${outcome}`)
    }
    return result.ok
      ? Response.json(result.document, { status: 201, headers: { 'cache-control': 'no-store' } })
      : failure(result.reason, locale, result.maxBytes)
  } catch (error) {
    return denied(error, html, locale, page)
  }
}
