import type { FeeBreakdown } from '@/lib/domain/permits/fees'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatMoney } from '@/lib/i18n/format-number'

type Props = { fee: FeeBreakdown; locale: Locale }

/**
 * What the application will cost, before it is sent (domain.md §8: e-İkamet prints the exact
 * total on the form): the card fee and the permit fee apart, and why no permit fee is due.
 */
export function FeeSummary({ fee, locale }: Props) {
  const t = getT(locale, 'application')
  const money = (kurus: number) => (
    <bdi className="ltr-value" dir="ltr">
      {formatMoney(kurus, locale)}
    </bdi>
  )
  return (
    <section aria-labelledby="fee-title" data-testid="fee-summary">
      <h2 id="fee-title">{t('check.feeTitle')}</h2>
      <p>{t('check.feeLead')}</p>
      <dl className="summary">
        <dt>{t('check.feeCard')}</dt>
        <dd>{money(fee.cardFeeKurus)}</dd>
        <dt>{t('check.feePermit')}</dt>
        <dd>{money(fee.permitFeeKurus)}</dd>
        <dt>{t('check.feeTotal')}</dt>
        <dd>
          <strong>{money(fee.totalKurus)}</strong>
        </dd>
      </dl>
      {fee.exemption ? <p>{t(`check.feeExempt.${fee.exemption}`)}</p> : null}
      <p className="hint">{t('check.feeNote')}</p>
    </section>
  )
}
