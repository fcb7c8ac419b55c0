import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatFileSize } from '@/lib/i18n/format-size'
import type { CaseView } from '@/lib/domain/casework/case-view'
import { PdfViewer } from './pdf-viewer'

type Props = { locale: Locale; view: CaseView }

/** The uploaded files: photos, scans and PDFs shown in the page (PDFs drawn by pdf.js). */
export function CaseDocuments({ locale, view }: Props) {
  const t = getT(locale, ['casework', 'application'])
  const url = (id: string) => `/api/v1/staff/cases/${view.id}/documents/${id}`
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('case.documentsTitle')}</h2>
      {view.documents.length === 0 ? <p>{t('case.noDocuments')}</p> : null}
      <ul className="document-list">
        {view.documents.map((d) => {
          const label = t(`application:documents.items.${d.item}`, { defaultValue: d.item })
          return (
            <li key={d.id}>
              <p>
                <strong>{label}</strong>{' '}
                <span className="hint">({formatFileSize(locale, d.sizeBytes)})</span>
              </p>
              {d.contentType.startsWith('image/') ? (
                // eslint-disable-next-line @next/next/no-img-element -- a private, audited file, never optimised or cached
                <img src={url(d.id)} alt={label} className="document-preview" loading="lazy" />
              ) : (
                <PdfViewer
                  url={url(d.id)}
                  labels={{
                    region: t('case.pdf.region', { name: label }),
                    page: t('case.pdf.page', { page: '{{page}}', pages: '{{pages}}' }),
                    previous: t('case.pdf.previous'),
                    next: t('case.pdf.next'),
                    loading: t('case.pdf.loading'),
                    failed: t('case.pdf.failed'),
                    open: t('case.openPdf', { name: label }),
                  }}
                />
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
