import { randomUUID } from 'node:crypto'
import { notFound } from 'next/navigation'
import { ErrorSummary } from '@/components/form/error-summary'
import { ReleaseWindowForm } from '@/components/staff/release-window-form'
import { ReleaseWindowList } from '@/components/staff/release-window-list'
import { StaffShell } from '@/components/staff/staff-shell'
import { suggestedReleaseWindow } from '@/lib/domain/appointments/release-window'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import {
  isCode,
  RELEASE_WINDOW_ERROR_FIELD,
  RELEASE_WINDOW_ERRORS,
  releaseWindowValuesFrom,
} from '@/lib/schemas/draws'
import { requireStaff } from '@/lib/server/actor'
import { findReleaseWindows } from '@/lib/server/appointments/release-windows'
import { loadForPage } from '@/lib/server/page-access'
import { openWindowAction } from './actions'

type Props = {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params, searchParams }: Props) {
  const { error } = await searchParams
  return pageMetadata(params, 'draws:staff.title', {
    error: isCode(RELEASE_WINDOW_ERRORS, error),
  })
}

// Release draws for the directorate admin: open a draw for an office, see the latest ones.
export default async function StaffDrawsPage({ params, searchParams }: Props) {
  const { locale } = await params
  if (!isLocale(locale)) notFound()
  const self = `${paths.staffHome(locale)}/capacity/draws`
  const [actor, data] = await loadForPage(
    locale,
    'staff',
    self,
    async () => [await requireStaff('capacity.manage'), await findReleaseWindows()] as const,
  )
  const query = await searchParams
  const t = getT(locale, 'draws')
  const code = isCode(RELEASE_WINDOW_ERRORS, query.error) ? query.error : null
  const error = code ? t(`staff.errors.${code}`) : null
  const done = typeof query.done === 'string' && /^\d{1,4}$/.test(query.done) ? query.done : null
  const now = new Date()
  const values = {
    officeId: data.offices[0]?.id ?? '',
    ...suggestedReleaseWindow(now),
    ...(error ? releaseWindowValuesFrom(query) : {}),
  }
  return (
    <StaffShell locale={locale} role={actor.role} current="capacity">
      <h1>{t('staff.title')}</h1>
      <p className="lead">{t('staff.lead')}</p>
      <ErrorSummary
        errors={
          error ? [{ fieldId: RELEASE_WINDOW_ERROR_FIELD[code!] ?? null, message: error }] : []
        }
      />
      {done && !error ? (
        <p className="notice" role="status">
          {t('staff.done', { number: Number(done) })}
        </p>
      ) : null}
      {data.offices.length === 0 ? (
        <p>{t('staff.noOffices')}</p>
      ) : (
        <ReleaseWindowForm
          locale={locale}
          offices={data.offices}
          values={values}
          idempotencyKey={randomUUID()}
          action={openWindowAction.bind(null, { locale })}
        />
      )}
      <ReleaseWindowList locale={locale} windows={data.windows} now={now} />
    </StaffShell>
  )
}
