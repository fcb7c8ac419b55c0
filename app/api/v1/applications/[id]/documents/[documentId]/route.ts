// GET    /api/v1/applications/:id/documents/:documentId – the file, as a download
// DELETE /api/v1/applications/:id/documents/:documentId – remove it from the draft
// Owner only for now; another applicant's file answers 404 like a missing one.
import { deleteMyDocument, readMyDocument } from '@/lib/server/documents/document-files'
import {
  crossSite,
  denied,
  failure,
  isSameOriginRequest,
  requestLocale,
} from '@/lib/server/documents/http'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ id: string; documentId: string }> }

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id, documentId } = await params
  const locale = requestLocale(request, null)
  try {
    const file = await readMyDocument(id, documentId)
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'content-type': file.contentType,
        'content-length': String(file.bytes.length),
        // Never shown inside our origin: saved, and sandboxed should a browser open it anyway.
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
        'cross-origin-resource-policy': 'same-origin',
        'cache-control': 'private, no-store',
      },
    })
  } catch (error) {
    return denied(error, false, locale, new URL(request.url).pathname)
  }
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const locale = requestLocale(request, null)
  if (!isSameOriginRequest(request)) return crossSite(locale)
  const { id, documentId } = await params
  try {
    const result = await deleteMyDocument(id, documentId)
    return result.ok ? new Response(null, { status: 204 }) : failure(result.reason, locale)
  } catch (error) {
    return denied(error, false, locale, new URL(request.url).pathname)
  }
}
