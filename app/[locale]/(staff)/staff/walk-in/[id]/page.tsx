import Link from 'next/link'
import { notFound } from 'next/navigation'
import { StaffShell } from '@/components/staff/staff-shell'
import { PrintButton } from '@/components/ui/print-button'
import { isLocale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { pageMetadata } from '@/lib/i18n/page-metadata'
import { paths } from '@/lib/paths'
import { requireStaff } from '@/lib/server/actor'
import { getWalkInReceipt } from '@/lib/server/applications/walk-in-receipt'
import { loadForPage } from '@/lib/server/page-access'

type Props = { params: Promise<{ locale: string; id: string }> }

export function generateMetadata({ params }: Props) {
  return pageMetadata(params, 'staff:walkIn.receipt.title')
}

/** The reference to hand over (or print) after registering a walk-in applicant. */
export default async function WalkInReceiptPage({ params }: Props) {
  const { locale, id } = await params
  if (!isLocale(locale)) notFound()
  const base = `${paths.staffHome(locale)}/walk-in`
  const { actor, receipt } = await loadForPage(locale, 'staff', `${base}/${id}`, async () => ({
    actor: await requireStaff('cases.register'),
    receipt: await getWalkInReceipt(id),
  }))
  const t = getT(locale, ['staff', 'common'])
  return (
    <StaffShell locale={locale} role={actor.role} current="walk-in">
      <h1>{t('walkIn.receipt.title')}</h1>
      <p className="lead">{t('walkIn.receipt.lead', { name: receipt.name })}</p>
      <p>
        {t('walkIn.receipt.referenceLabel')}{' '}
        <strong className="ref" data-testid="walk-in-reference">
          {receipt.reference}
        </strong>
      </p>
      <p>{t(`common:permitType.${receipt.permitTypeCode}`)}</p>
      <p>{t('walkIn.receipt.claimHint')}</p>
      {receipt.restricted ? <p>{t('walkIn.receipt.restricted')}</p> : null}
      <PrintButton label={t('walkIn.receipt.print')} />
      <p className="no-print">
        <Link href={base}>{t('walkIn.receipt.another')}</Link>
      </p>
    </StaffShell>
  )
}
