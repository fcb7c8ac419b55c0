'use server'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { LOCALES } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import { deleteMyDocument } from '@/lib/server/documents/document-files'
import { loadForPage } from '@/lib/server/page-access'

const contextSchema = z.strictObject({ locale: z.enum(LOCALES), id: z.uuid() })
const formSchema = z.strictObject({ documentId: z.uuid() })

/** Removes one file from the caller's draft, then shows the documents page again. */
export async function deleteDocumentAction(context: unknown, formData: FormData): Promise<void> {
  const ctx = contextSchema.safeParse(context)
  const form = formSchema.safeParse({ documentId: formData.get('documentId') })
  if (!ctx.success) redirect('/')
  const page = paths.applicationTask(ctx.data.locale, ctx.data.id, 'documents')
  if (!form.success) redirect(`${page}?error=not_found`)
  const result = await loadForPage(ctx.data.locale, 'applicant', page, () =>
    deleteMyDocument(ctx.data.id, form.data.documentId),
  )
  redirect(result.ok ? page : `${page}?error=${result.reason}`)
}
