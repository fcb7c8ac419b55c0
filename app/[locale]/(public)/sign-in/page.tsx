import { notFound } from 'next/navigation'
import { SignInPage } from '@/components/auth/sign-in-page'
import { isLocale } from '@/lib/domain/locales'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { requestSignInCodeSchema } from '@/lib/schemas/sign-in'
import { requestSignInCodeAction } from './actions'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'auth:signIn.title', { description: 'auth:signIn.lead' })
}

export default async function ApplicantSignInPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const query = await searchParams
  const wanted = requestSignInCodeSchema.shape.callbackUrl.safeParse(query.callbackUrl)
  const callbackUrl = (wanted.success && wanted.data) || `/${locale}/applications`
  const notice =
    query.error === 'no_challenge' ? 'code.noChallenge' : query.callbackUrl ? 'required' : null
  return (
    <SignInPage
      locale={locale}
      audience="applicant"
      callbackUrl={callbackUrl}
      notice={notice}
      action={requestSignInCodeAction.bind(null, { audience: 'applicant', locale })}
    />
  )
}
