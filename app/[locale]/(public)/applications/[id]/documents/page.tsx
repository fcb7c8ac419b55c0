import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { DocumentItem, type DocumentItemLabels } from '@/components/application/document-item'
import { documentRows } from '@/components/application/document-rows'
import { ErrorSummary } from '@/components/form/error-summary'
import { isLocale } from '@/lib/domain/locales'
import {
  CONTENT_TYPES,
  kindsFor,
  MAX_DOCUMENT_BYTES,
  MAX_PDF_PAGES,
  PHOTO_MIN_HEIGHT,
  PHOTO_MIN_WIDTH,
  UPLOAD_REFUSALS,
} from '@/lib/domain/uploads'
import { getT } from '@/lib/i18n/create-translator'
import { formatDimensions, formatFileSize } from '@/lib/i18n/format-size'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import type { DocumentFile } from '@/lib/server/documents/checklist'
import { getMyDocuments } from '@/lib/server/documents/checklist'
import { loadForPage } from '@/lib/server/page-access'
import { deleteDocumentAction } from './actions'

type Props = {
  params: Promise<{ locale: string; id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

// Every refusal the upload route and the delete action send back here.
const ERRORS = new Set<string>([
  ...UPLOAD_REFUSALS,
  'unknown_item',
  'not_editable',
  'too_many_files',
  'not_found',
])

export async function generateMetadata({ params, searchParams }: Props) {
  const { error } = await searchParams
  return pageMetadata(params, 'application:documents.heading', {
    error: typeof error === 'string' && ERRORS.has(error),
  })
}

export default async function DocumentsPage({ params, searchParams }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const self = paths.applicationTask(locale, id, 'documents')
  const docs = await loadForPage(locale, 'applicant', self, () => getMyDocuments(id))
  if (docs.application.status !== 'draft')
    redirect(`${paths.applicationConfirmation(locale, id)}?notice=sent`)
  const query = await searchParams
  const t = getT(locale, ['application'])
  const errorCode = typeof query.error === 'string' && ERRORS.has(query.error) ? query.error : null
  const errorItem = docs.items.find((i) => i.code === query.item)
  const errorField =
    errorItem && errorItem.files.length < errorItem.maxFiles ? `file-${errorItem.code}` : null
  const error = errorCode
    ? t(`documents.errors.${errorCode}`, {
        size: formatFileSize(locale, errorItem?.maxBytes ?? MAX_DOCUMENT_BYTES),
        dimensions: formatDimensions(PHOTO_MIN_WIDTH, PHOTO_MIN_HEIGHT),
        pages: MAX_PDF_PAGES,
      })
    : null
  const labels: DocumentItemLabels = {
    optional: t('documents.optional'),
    noFiles: t('documents.noFiles'),
    full: t('documents.full'),
    choose: t('documents.chooseFile'),
    upload: t('documents.upload'),
    download: t('documents.download'),
    delete: t('documents.delete'),
  }
  const api = `/api/v1/applications/${docs.application.id}/documents`
  const rows = (files: DocumentFile[]) => documentRows(t, locale, api, files)
  const deleteAction = deleteDocumentAction.bind(null, { locale, id: docs.application.id })
  return (
    <>
      <span className="hint ref">{docs.application.reference}</span>
      <h1>{t('documents.heading')}</h1>
      <ErrorSummary errors={error ? [{ fieldId: errorField, message: error }] : []} />
      {query.uploaded !== undefined && !error ? (
        <p className="notice" role="status">
          {t('documents.uploaded')}
        </p>
      ) : null}
      <p>{t('documents.lead')}</p>
      {docs.items.map((item) => {
        const photo = item.accepts.includes('photo')
        const size = formatFileSize(locale, item.maxBytes)
        return (
          <DocumentItem
            key={item.code}
            code={item.code}
            title={t(`documents.items.${item.code}`)}
            optional={item.optional}
            hint={
              photo
                ? t('documents.photoHint', {
                    dimensions: formatDimensions(PHOTO_MIN_WIDTH, PHOTO_MIN_HEIGHT),
                    size,
                  })
                : t('documents.scanHint', { pages: MAX_PDF_PAGES, size, max: item.maxFiles })
            }
            files={rows(item.files)}
            uploadUrl={
              item.files.length < item.maxFiles ? `${api}?item=${item.code}&locale=${locale}` : null
            }
            accept={kindsFor(item.accepts)
              .map((k) => CONTENT_TYPES[k])
              .join(',')}
            error={errorItem?.code === item.code ? (error ?? undefined) : undefined}
            labels={{ ...labels, choose: photo ? t('documents.choosePhoto') : labels.choose }}
            deleteAction={deleteAction}
          />
        )
      })}
      {docs.otherFiles.length > 0 ? (
        <DocumentItem
          code="other-files"
          title={t('documents.otherFiles')}
          optional={false}
          hint=""
          files={rows(docs.otherFiles)}
          uploadUrl={null}
          accept=""
          labels={{ ...labels, full: t('documents.otherFilesHint') }}
          deleteAction={deleteAction}
        />
      ) : null}
      <p>
        <Link href={paths.application(locale, id)} className="button">
          {t('documents.back')}
        </Link>
      </p>
    </>
  )
}
