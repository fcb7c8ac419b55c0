import { Fragment } from 'react'
import { ActionForm } from '@/components/form/action-form'
import { PageStrings } from '@/components/layout/page-strings'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import { formatMoney } from '@/lib/i18n/format-number'
import type { FormState } from '@/lib/schemas/form-state'
import type { FeeStatus } from '@/lib/domain/fee-payments'

type Props = {
  locale: Locale
  fees: FeeStatus
  payOnline: (state: FormState, formData: FormData) => Promise<FormState>
}

/**
 * What to pay and how (domain.md §8): each fee line, the total, the accrual reference, and the
 * ways to pay: online through the provider when the portal has one, and always at a tax
 * office or an authorised bank with the reference. Once paid, how and when.
 */
export function FeePayment({ locale, fees, payOnline }: Props) {
  const t = getT(locale, 'payments')
  const ltr = (text: string) => (
    <bdi className="ltr-value" dir="ltr">
      {text}
    </bdi>
  )
  return (
    <section aria-labelledby="fees-title" data-testid="fee-payment">
      <h2 id="fees-title">{t('title')}</h2>
      {fees.paid ? (
        <p className="notice notice--success" role="status">
          {t(`paid.${fees.paid.method}`, { date: formatDate(fees.paid.at.toISOString(), locale) })}
        </p>
      ) : fees.payable ? (
        <p>{t('lead')}</p>
      ) : null}
      <dl className="summary">
        {fees.lines.map((line) => (
          <Fragment key={line.code}>
            <dt>{t(`lines.${line.code}`)}</dt>
            <dd>{ltr(formatMoney(line.kurus, locale))}</dd>
          </Fragment>
        ))}
        <dt>{t('total')}</dt>
        <dd>
          <strong>{ltr(formatMoney(fees.totalKurus, locale))}</strong>
        </dd>
        <dt>{t('reference')}</dt>
        <dd data-testid="accrual-reference">
          <strong>{ltr(fees.accrualReference)}</strong>
        </dd>
      </dl>
      {fees.payable ? (
        <>
          {fees.online ? (
            <div>
              <h3>{t('online.title')}</h3>
              <p>{t('online.lead')}</p>
              <PageStrings locale={locale} namespaces={['common', 'validation', 'payments']}>
                <ActionForm
                  action={payOnline}
                  submitLabel={t('online.submit')}
                  idPrefix="pay"
                  namespaces={['payments', 'common']}
                />
              </PageStrings>
            </div>
          ) : null}
          <h3>{t('bank.title')}</h3>
          <p>{t('bank.lead')}</p>
          <ul>
            {fees.lines.map((line) => (
              <li key={line.code}>
                {t(`lines.${line.code}`)}: {t('bank.code')} {ltr(line.bankCode)}
              </li>
            ))}
          </ul>
          <p className="hint">{t('bank.receipt')}</p>
        </>
      ) : null}
    </section>
  )
}
