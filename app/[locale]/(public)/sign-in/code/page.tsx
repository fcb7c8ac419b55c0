import { notFound } from 'next/navigation'
import { CodePage } from '@/components/auth/code-page'
import { isLocale } from '@/lib/domain/locales'
import { readBinding } from '@/lib/server/auth/sign-in-cookie'

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ error?: string }> }

export default async function ApplicantCodePage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const binding = await readBinding()
  const pending = binding?.audience === 'applicant' ? binding : null
  return (
    <CodePage
      locale={locale}
      audience="applicant"
      pending={pending}
      error={(await searchParams).error}
      callbackPath="/api/auth/callback/email-code"
    />
  )
}
