import type { TFunction } from 'i18next'
import type { Locale } from '@/lib/domain/locales'
import { CONTENT_TYPES } from '@/lib/domain/uploads'
import { formatDimensions, formatFileSize } from '@/lib/i18n/format-size'
import type { DocumentFileRow } from './document-item'

export type StoredFile = {
  id: string
  contentType: string
  sizeBytes: number
  pageCount: number | null
  width: number | null
  height: number | null
}

/** Uploaded files as the rows a document item lists: number, pages or pixels, size, link. */
export function documentRows(
  t: TFunction,
  locale: Locale,
  api: string,
  files: StoredFile[],
): DocumentFileRow[] {
  return files.map((f, i) => ({
    id: f.id,
    label: t('application:documents.fileLabel', { number: i + 1 }),
    href: `${api}/${f.id}`,
    description:
      f.contentType === CONTENT_TYPES.pdf
        ? t('application:documents.filePdf', {
            pages: f.pageCount,
            size: formatFileSize(locale, f.sizeBytes),
          })
        : t('application:documents.fileImage', {
            dimensions: formatDimensions(f.width ?? 0, f.height ?? 0),
            size: formatFileSize(locale, f.sizeBytes),
          }),
  }))
}
