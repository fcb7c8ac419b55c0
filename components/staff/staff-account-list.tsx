import Link from 'next/link'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { paths } from '@/lib/paths'
import type { StaffAccountRow } from '@/lib/schemas/staff/staff-accounts'

/** The staff a manager keeps, as a list that reads well on a phone. */
export function StaffAccountList({ locale, rows }: { locale: Locale; rows: StaffAccountRow[] }) {
  const t = getT(locale, ['staffadmin', 'staff'])
  if (rows.length === 0) return <p>{t('accounts.empty')}</p>
  return (
    <ul className="card-list" aria-label={t('accounts.listTitle')}>
      {rows.map((r) => (
        <li key={r.userId}>
          <Link
            href={paths.staffAccount(locale, r.userId)}
            aria-label={t('accounts.open', { name: r.displayName })}
          >
            {r.displayName}
          </Link>{' '}
          <span dir="ltr">{r.email}</span>
          <br />
          {t(`staff:role.${r.role}`)}
          {r.directorateName ? ` · ${r.directorateName}` : ''} ·{' '}
          <strong>{t(r.active ? 'accounts.active' : 'accounts.inactive')}</strong>
        </li>
      ))}
    </ul>
  )
}
