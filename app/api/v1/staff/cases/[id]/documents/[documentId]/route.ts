// GET /api/v1/staff/cases/:id/documents/:documentId – a file of a case, shown inline to staff
// of the case's directorate (images in the case page; PDFs in the browser's viewer).
import { z } from 'zod'
import { readCaseDocument } from '@/lib/server/casework/read-case-document'
import { apiRoute } from '@/lib/server/entry/api-route'

export const dynamic = 'force-dynamic'

export const GET = apiRoute({
  params: z.object({ id: z.string().max(64), documentId: z.string().max(64) }),
  run: ({ params }) => readCaseDocument(params.id, params.documentId),
  respond: (file) =>
    new Response(new Uint8Array(file.bytes), {
      headers: {
        'content-type': file.contentType,
        'content-length': String(file.bytes.length),
        'content-disposition': `inline; filename="${file.fileName}"`,
        'x-content-type-options': 'nosniff',
        // Opened on its own, the file can run nothing; only our pages may embed it.
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
        'cross-origin-resource-policy': 'same-origin',
        'cache-control': 'private, no-store',
      },
    }),
})
