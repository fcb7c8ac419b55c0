import { randomUUID } from 'node:crypto'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PageStrings } from '@/components/layout/page-strings'
import { StaffShell } from '@/components/staff/staff-shell'
import { WalkInForm } from '@/components/staff/walk-in-form'
import { isLocale } from '@/lib/domain/locales'
import { PERMIT_TYPE_CODES } from '@/lib/domain/permits/permit-types'
import { isStaffOpenedPermitType } from '@/lib/domain/permits/staff-opened'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { sectionsFor } from '@/lib/schemas/application/sections'
import { walkInPermitTypeSchema } from '@/lib/schemas/staff/walk-in'
import { requireStaff } from '@/lib/server/actor'
import { sectionOptions } from '@/lib/server/applications/section-options'
import { loadForPage } from '@/lib/server/page-access'
import { registerWalkInAction } from './actions'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'staff:walkIn.title')
}

/** Staff enter an application for someone who cannot use the web: first the permit type. */
export default async function WalkInPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const base = `${paths.staffHome(locale)}/walk-in`
  const type = walkInPermitTypeSchema.safeParse((await searchParams).type)
  const returnTo = type.success ? `${base}?type=${type.data}` : base
  const actor = await loadForPage(locale, 'staff', returnTo, () => requireStaff('cases.register'))
  const t = getT(locale, ['staff', 'common'])
  if (!type.success)
    return (
      <StaffShell locale={locale} role={actor.role} current="walk-in">
        <h1>{t('walkIn.title')}</h1>
        <p className="lead">{t('walkIn.lead')}</p>
        <h2>{t('walkIn.chooseType')}</h2>
        <ul>
          {PERMIT_TYPE_CODES.map((code) => (
            <li key={code}>
              <Link href={`${base}?type=${code}`}>{t(`common:permitType.${code}`)}</Link>
              {isStaffOpenedPermitType(code) ? ` (${t('walkIn.restrictedNote')})` : null}
            </li>
          ))}
        </ul>
      </StaffShell>
    )
  const options = Object.assign(
    {},
    ...(await Promise.all(sectionsFor(type.data).map((s) => sectionOptions(locale, s)))),
  )
  return (
    <StaffShell locale={locale} role={actor.role} current="walk-in">
      <h1>{t(`common:permitType.${type.data}`)}</h1>
      <p className="lead">{t('walkIn.formLead')}</p>
      {isStaffOpenedPermitType(type.data) ? <p>{t('walkIn.restrictedLead')}</p> : null}
      <p>
        <Link href={base}>{t('walkIn.otherType')}</Link>
      </p>
      <PageStrings locale={locale} namespaces={['staff', 'application', 'validation', 'common']}>
        <WalkInForm
          permitType={type.data}
          idempotencyKey={randomUUID()}
          options={options}
          action={registerWalkInAction.bind(null, { locale, returnTo, permitType: type.data })}
        />
      </PageStrings>
    </StaffShell>
  )
}
