import { notFound, redirect } from 'next/navigation'
import { SecondFactorPage } from '@/components/auth/second-factor/second-factor-page'
import { isLocale } from '@/lib/domain/locales'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { getActor } from '@/lib/server/actor'
import { openSecondStep } from '@/lib/server/auth/second-factor/start-totp-enrolment'
import { formContextSchema } from '@/lib/server/entry/form-action'
import { loadForPage } from '@/lib/server/page-access'
import { signOutAction } from '../../../../actions'
import { confirmTotpEnrolmentAction, verifySecondFactorAction } from './actions'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'auth:secondFactor.title')
}

// Staff between the e-mailed code and the second factor (SECURITY.md SF-01).
export default async function StaffSecondFactorPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const wanted = formContextSchema.shape.returnTo.safeParse((await searchParams).callbackUrl)
  const next = wanted.success ? wanted.data : paths.staffHome(locale)
  if ((await getActor()).kind === 'staff') redirect(next)
  const here = paths.staffSecondFactor(locale, next)
  const { enrolment } = await loadForPage(locale, 'staff', here, openSecondStep)
  const context = { locale, returnTo: next }
  return (
    <SecondFactorPage
      locale={locale}
      enrolment={enrolment}
      next={next}
      confirmAction={confirmTotpEnrolmentAction.bind(null, context)}
      verifyAction={verifySecondFactorAction.bind(null, context)}
      signOutAction={signOutAction.bind(null, locale)}
    />
  )
}
