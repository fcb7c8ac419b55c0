import { notFound } from 'next/navigation'
import { CaseworkSettingsForm } from '@/components/casework/casework-settings-form'
import { DirectoratePicker } from '@/components/casework/directorate-picker'
import { StaffShell } from '@/components/staff/staff-shell'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { requireStaff } from '@/lib/server/actor'
import { listCaseworkSettings } from '@/lib/server/casework/casework-settings'
import { loadForPage } from '@/lib/server/page-access'
import { saveCaseworkSettingsAction } from './actions'
import { PageStrings } from '@/components/layout/page-strings'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'casework:settings.title')
}

// A directorate admin keeps their directorate's four-eyes rules; the national admin picks one.
export default async function CaseworkSettingsPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const query = await searchParams
  const self = paths.staffCaseworkSettings(locale)
  const [actor, all] = await loadForPage(locale, 'staff', self, () =>
    Promise.all([requireStaff('casework.configure'), listCaseworkSettings()]),
  )
  const chosen = all.find((d) => d.directorateId === query.directorate) ?? all[0]
  const t = getT(locale, 'casework')
  return (
    <StaffShell locale={locale} role={actor.role} current="cases">
      <h1>{t('settings.title')}</h1>
      <p className="lead">{t('settings.lead')}</p>
      {query.saved === '1' ? (
        <p className="notice" role="status">
          {t('settings.saved')}
        </p>
      ) : null}
      {all.length > 1 ? (
        <DirectoratePicker locale={locale} action={self} options={all} chosen={chosen} />
      ) : null}
      {chosen ? (
        <PageStrings locale={locale} namespaces={['common', 'validation', 'casework']}>
          <h2>{chosen.name}</h2>
          <CaseworkSettingsForm
            key={`${chosen.directorateId}-${chosen.fourEyesRefusals}-${chosen.fourEyesLongTerm}-${chosen.longTermDecisionDays}-${chosen.extensionRoute}`}
            settings={chosen}
            action={saveCaseworkSettingsAction.bind(null, { locale, returnTo: self })}
          />
        </PageStrings>
      ) : null}
    </StaffShell>
  )
}
