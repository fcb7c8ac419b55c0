import { notFound } from 'next/navigation'
import { SignInPage } from '@/components/auth/sign-in-page'
import { isLocale } from '@/lib/domain/locales'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { requestSignInCodeSchema } from '@/lib/schemas/sign-in'
import { requestSignInCodeAction } from '../../../(public)/sign-in/actions'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'auth:signIn.staffTitle', { description: 'auth:signIn.staffLead' })
}

export default async function StaffSignInPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const query = await searchParams
  const wanted = requestSignInCodeSchema.shape.callbackUrl.safeParse(query.callbackUrl)
  return (
    <SignInPage
      locale={locale}
      audience="staff"
      callbackUrl={(wanted.success && wanted.data) || paths.staffHome(locale)}
      notice={query.error === 'no_challenge' ? 'code.noChallenge' : null}
      action={requestSignInCodeAction.bind(null, { audience: 'staff', locale })}
    />
  )
}
