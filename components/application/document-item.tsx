// One checklist item on the documents page: what it is, what it takes, the files already
// there, and a plain multipart form that works without JavaScript.

export type DocumentFileRow = { id: string; label: string; description: string; href: string }

export type DocumentItemLabels = {
  optional: string
  noFiles: string
  full: string
  choose: string
  upload: string
  download: string
  delete: string
}

type Props = {
  code: string
  title: string
  optional: boolean
  hint: string
  files: DocumentFileRow[]
  /** The upload endpoint; null when the item already has as many files as it takes. */
  uploadUrl: string | null
  accept: string
  error?: string
  labels: DocumentItemLabels
  /** Absent where files can no longer be removed (a request being answered). */
  deleteAction?: (formData: FormData) => Promise<void>
}

export function DocumentItem(props: Props) {
  const { code, title, labels, error } = props
  const inputId = `file-${code}`
  const describedBy = [`${inputId}-hint`, error ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(' ')
  return (
    <section className="document-item" aria-labelledby={`${code}-title`}>
      <h2 id={`${code}-title`} className="document-item__title">
        {title}
        {props.optional ? <span className="hint"> {labels.optional}</span> : null}
      </h2>
      <FileList {...props} />
      {props.uploadUrl ? (
        <form method="post" action={props.uploadUrl} encType="multipart/form-data">
          <div className={`form-group${error ? ' form-group--error' : ''}`}>
            <label htmlFor={inputId}>{labels.choose}</label>
            <span id={`${inputId}-hint`} className="hint">
              {props.hint}
            </span>
            {error ? (
              <span id={`${inputId}-error`} className="error-message">
                {error}
              </span>
            ) : null}
            {/* No `capture`: with it a phone opens only the camera, and the applicant could
                not pick a PDF or a studio photo; without it the phone offers camera and files.
                No `required` either: the browser's popup would speak the browser's language;
                the server answers an empty upload with our own message instead. */}
            <input
              type="file"
              id={inputId}
              name="file"
              accept={props.accept}
              aria-describedby={describedBy}
            />
          </div>
          <button type="submit" className="button button--secondary button--flush">
            {labels.upload} <span className="visually-hidden">{title}</span>
          </button>
        </form>
      ) : (
        <p className="hint">{labels.full}</p>
      )}
    </section>
  )
}

function FileList({ files, labels, title, deleteAction }: Props) {
  if (files.length === 0) return <p className="hint">{labels.noFiles}</p>
  return (
    <ul className="file-list">
      {files.map((file) => (
        <li key={file.id}>
          <span>
            <strong>{file.label}</strong> {file.description}
          </span>
          <span className="file-list__actions">
            <a href={file.href} download>
              {labels.download}
              <span className="visually-hidden">
                {' '}
                {file.label}, {title}
              </span>
            </a>
            {deleteAction ? (
              <form action={deleteAction}>
                <input type="hidden" name="documentId" value={file.id} />
                <button type="submit" className="link-button">
                  {labels.delete}
                  <span className="visually-hidden">
                    {' '}
                    {file.label}, {title}
                  </span>
                </button>
              </form>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  )
}
