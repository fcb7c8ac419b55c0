import { notFound } from 'next/navigation'
import { LookupVolumeTables } from '@/components/call-centre/lookup-volume-table'
import { StaffShell } from '@/components/staff/staff-shell'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { requireStaff } from '@/lib/server/actor'
import { listLookupVolumes } from '@/lib/server/call-centre/list-lookup-volumes'
import { loadForPage } from '@/lib/server/page-access'

type Props = { params: Promise<{ locale: string }> }

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'callcentre:supervise.title')
}

// Supervisors and admins watch the call centre: lookups per agent per day, unusual days marked.
export default async function CallCentreVolumePage({ params }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const returnTo = `${paths.staffHome(locale)}/call-centre`
  const { actor, agents } = await loadForPage(locale, 'staff', returnTo, async () => ({
    actor: await requireStaff('call_centre.supervise'),
    agents: await listLookupVolumes(),
  }))
  const t = getT(locale, 'callcentre')
  return (
    <StaffShell locale={locale} role={actor.role} current="call-centre">
      <h1>{t('supervise.title')}</h1>
      <p className="lead">{t('supervise.lead')}</p>
      <LookupVolumeTables agents={agents} locale={locale} />
    </StaffShell>
  )
}
