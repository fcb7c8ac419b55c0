import Link from 'next/link'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import { paths } from '@/lib/paths'
import type { HeldPermit } from '@/lib/domain/permits/permit-entries'

type Props = { locale: Locale; permits: HeldPermit[] }

function NextSteps({ locale, permit }: { locale: Locale; permit: HeldPermit }) {
  const t = getT(locale, ['permits'])
  const { extension } = permit
  return (
    <ul className="permit-actions">
      <li>
        {extension.state === 'open' ? (
          <Link href={paths.applyFromPermit(locale, 'extension', permit.id)} className="button">
            {t('extension.open')}
          </Link>
        ) : extension.state === 'not_yet' ? (
          t('extension.notYet', { date: formatDate(extension.opensOn, locale) })
        ) : (
          t(`extension.${extension.state}`)
        )}
      </li>
      {permit.changeType ? (
        <li>
          <Link href={paths.applyFromPermit(locale, 'transition', permit.id)}>
            {t('changeType')}
          </Link>
        </li>
      ) : null}
    </ul>
  )
}

/** The permits a person holds; on a phone each row stacks under its column names. */
export function PermitTable({ locale, permits }: Props) {
  const t = getT(locale, ['permits', 'common'])
  return (
    <table className="table table--stack permit-table">
      <caption>{t('table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('table.permit')}</th>
          <th scope="col">{t('table.validity')}</th>
          <th scope="col">{t('table.card')}</th>
          <th scope="col">{t('table.next')}</th>
        </tr>
      </thead>
      <tbody>
        {permits.map((p) => (
          <tr key={p.id} data-permit-id={p.id}>
            <td data-label={t('table.permit')}>
              {t(`common:permitType.${p.permitTypeCode}`)}
              <span className="hint">
                <bdi>{t('number', { number: p.documentNumber })}</bdi>
              </span>
            </td>
            <td data-label={t('table.validity')}>
              {t('validity', {
                from: formatDate(p.validFrom, locale),
                until: formatDate(p.validUntil, locale),
              })}
            </td>
            <td data-label={t('table.card')}>
              {t(`card.${p.cardState}`)}
              {p.postTrackingNumber ? (
                <span className="hint">{t('tracking', { number: p.postTrackingNumber })}</span>
              ) : null}
            </td>
            <td data-label={t('table.next')}>
              <NextSteps locale={locale} permit={p} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
