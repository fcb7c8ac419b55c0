'use client'

import { useEffect, useRef, useState } from 'react'
import type { PDFDocumentProxy } from 'pdfjs-dist'

type Labels = {
  region: string
  /** "Page {{page}} of {{pages}}" in the reader's language: functions cannot cross to the client. */
  page: string
  previous: string
  next: string
  loading: string
  failed: string
  open: string
}
type Props = { url: string; labels: Labels }
const pageLabel = (template: string, page: number, pages: number) =>
  template.replace('{{page}}', String(page)).replace('{{pages}}', String(pages))

type State = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; pdf: PDFDocumentProxy }

async function openPdf(url: string): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist')
  if (!pdfjs.GlobalWorkerOptions.workerPort) {
    // The worker is bundled with the app and served from our own origin: no third-party script.
    pdfjs.GlobalWorkerOptions.workerPort = new Worker(
      new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url),
      { type: 'module' },
    )
  }
  // No string evaluation, so a strict Content-Security-Policy holds; the cookie goes along.
  return pdfjs.getDocument({ url, isEvalSupported: false, withCredentials: true }).promise
}

/**
 * A staff member reads an uploaded PDF inside the case page, one page at a time, drawn by
 * pdf.js: the file never runs as a document of its own. The link stays as the fallback.
 */
export function PdfViewer({ url, labels }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [page, setPage] = useState(1)

  useEffect(() => {
    let cancelled = false
    let opened: PDFDocumentProxy | null = null
    openPdf(url).then(
      (pdf) => {
        opened = pdf
        if (cancelled) void pdf.destroy()
        else setState({ kind: 'ready', pdf })
      },
      () => !cancelled && setState({ kind: 'failed' }),
    )
    return () => {
      cancelled = true
      void opened?.destroy()
    }
  }, [url])

  useEffect(() => {
    if (state.kind !== 'ready' || !canvas.current) return
    const target = canvas.current
    let task: { cancel: () => void } | null = null
    void state.pdf.getPage(page).then((p) => {
      const width = target.parentElement?.clientWidth || 600
      const base = p.getViewport({ scale: 1 })
      const ratio = window.devicePixelRatio || 1
      const viewport = p.getViewport({ scale: (width / base.width) * ratio })
      target.width = viewport.width
      target.height = viewport.height
      target.style.width = `${viewport.width / ratio}px`
      const render = p.render({ canvas: target, viewport })
      task = render
      render.promise.catch(() => {})
    })
    return () => task?.cancel()
  }, [state, page])

  const pages = state.kind === 'ready' ? state.pdf.numPages : 0
  return (
    <figure className="pdf-viewer" aria-label={labels.region}>
      {state.kind === 'loading' ? <p role="status">{labels.loading}</p> : null}
      {state.kind === 'failed' ? <p role="alert">{labels.failed}</p> : null}
      {state.kind === 'ready' ? (
        <>
          <canvas ref={canvas} aria-label={pageLabel(labels.page, page, pages)} role="img" />
          <figcaption className="pdf-pager">
            <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {labels.previous}
            </button>
            <span aria-live="polite">{pageLabel(labels.page, page, pages)}</span>
            <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {labels.next}
            </button>
          </figcaption>
        </>
      ) : null}
      <p>
        <a href={url} target="_blank" rel="noopener">
          {labels.open}
        </a>
      </p>
    </figure>
  )
}
