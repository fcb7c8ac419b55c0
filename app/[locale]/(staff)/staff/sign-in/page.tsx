import { notFound, redirect } from 'next/navigation'
import { SignInPage } from '@/components/auth/sign-in-page'
import { isLocale } from '@/lib/domain/locales'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { requestSignInCodeSchema } from '@/lib/schemas/sign-in'
import { getActor } from '@/lib/server/actor'
import { requestSignInCodeAction } from '../../../(public)/sign-in/actions'

const NOTICES: Record<string, string> = {
  no_challenge: 'code.noChallenge',
  second_factor_ended: 'secondFactor.ended',
}

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
  const next = (wanted.success && wanted.data) || paths.staffHome(locale)
  // Signed in with the e-mailed code already: what is missing is the second factor (SF-01).
  const actor = await getActor()
  if (actor.kind === 'anonymous' && actor.secondFactorPending)
    redirect(paths.staffSecondFactor(locale, next))
  return (
    <SignInPage
      locale={locale}
      audience="staff"
      callbackUrl={next}
      notice={NOTICES[String(query.error)] ?? null}
      action={requestSignInCodeAction.bind(null, { audience: 'staff', locale })}
    />
  )
}
