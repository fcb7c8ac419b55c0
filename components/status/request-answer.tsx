import { DocumentItem } from '@/components/application/document-item'
import { documentRows, type StoredFile } from '@/components/application/document-rows'
import { ActionForm } from '@/components/form/action-form'
import type { Locale } from '@/lib/domain/locales'
import { CONTENT_TYPES, kindsFor, MAX_PDF_PAGES } from '@/lib/domain/uploads'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import { formatFileSize } from '@/lib/i18n/format-size'
import type { FormState } from '@/lib/schemas/form-state'

type Requested = {
  code: string
  accepts: ('photo' | 'pdf' | 'image')[]
  maxFiles: number
  maxBytes: number
}

type Props = {
  locale: Locale
  applicationId: string
  message: string
  dueOn: string
  daysLeft: number
  items: Requested[]
  files: (StoredFile & { item: string })[]
  error: { item: string; message: string } | null
  answer: (state: FormState, formData: FormData) => Promise<FormState>
}

/** What the directorate asked for, an upload per item (works on a phone), and the answer. */
export function RequestAnswer(props: Props) {
  const { locale, items, files } = props
  const t = getT(locale, ['applications', 'application'])
  const api = `/api/v1/applications/${props.applicationId}/documents`
  const all = items.every((i) => files.some((f) => f.item === i.code))
  return (
    <section aria-labelledby="request-title" className="request-answer">
      <h2 id="request-title">{t('progress.request.title')}</h2>
      <p>
        {t('progress.request.lead', {
          date: formatDate(props.dueOn, locale),
          count: props.daysLeft,
        })}
      </p>
      {props.message ? <blockquote>{props.message}</blockquote> : null}
      {items.map((item) => {
        const own = files.filter((f) => f.item === item.code)
        return (
          <DocumentItem
            key={item.code}
            code={item.code}
            title={t(`application:documents.items.${item.code}`)}
            optional={false}
            hint={t('application:documents.scanHint', {
              pages: MAX_PDF_PAGES,
              size: formatFileSize(locale, item.maxBytes),
              max: item.maxFiles,
            })}
            files={documentRows(t, locale, api, own)}
            uploadUrl={
              own.length < item.maxFiles
                ? `${api}?item=${item.code}&locale=${locale}&return=status`
                : null
            }
            accept={kindsFor(item.accepts)
              .map((k) => CONTENT_TYPES[k])
              .join(',')}
            error={props.error?.item === item.code ? props.error.message : undefined}
            labels={{
              optional: '',
              noFiles: t('application:documents.noFiles'),
              full: t('application:documents.full'),
              choose: t('application:documents.chooseFile'),
              upload: t('application:documents.upload'),
              download: t('application:documents.download'),
              delete: t('application:documents.delete'),
            }}
          />
        )
      })}
      <p>{all ? t('progress.request.ready') : t('progress.request.notReady')}</p>
      <ActionForm
        action={props.answer}
        submitLabel={t('progress.request.send')}
        namespaces={['applications', 'common']}
      />
    </section>
  )
}
