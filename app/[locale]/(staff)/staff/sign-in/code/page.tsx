import { notFound } from 'next/navigation'
import { CodePage } from '@/components/auth/code-page'
import { isLocale } from '@/lib/domain/locales'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { readBinding } from '@/lib/server/auth/sign-in-cookie'

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ error?: string }> }

export async function generateMetadata({ params, searchParams }: Props) {
  const pending = (await readBinding())?.audience === 'staff'
  return pageMetadata(params, 'auth:code.title', { error: pending && !!(await searchParams).error })
}

export default async function StaffCodePage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const binding = await readBinding()
  return (
    <CodePage
      locale={locale}
      audience="staff"
      pending={binding?.audience === 'staff' ? binding : null}
      error={(await searchParams).error}
      callbackPath="/api/auth/callback/email-code"
    />
  )
}
