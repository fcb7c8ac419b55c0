import { notFound } from 'next/navigation'
import { pageMetadata } from '@/lib/i18n/page-metadata'

type Props = { params: Promise<{ locale: string }> }

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'common:notFound.title')
}

/**
 * Any address under a language that no page answers: notFound() shows the language's own
 * not-found page (app/[locale]/not-found.tsx) inside the layout, with the site header,
 * instead of the global one, which only speaks Turkish.
 */
export default function UnknownPath(): never {
  notFound()
}
