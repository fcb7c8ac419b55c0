import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDateTime } from '@/lib/i18n/format-date'
import type { StaffReleaseWindow } from '@/lib/schemas/draws'

type Props = { locale: Locale; windows: StaffReleaseWindow[]; now: Date }

/** The directorate's latest draws: when they open and close, entries, places given, the seed. */
export function ReleaseWindowList({ locale, windows, now }: Props) {
  const t = getT(locale, 'draws')
  if (windows.length === 0) return <p>{t('staff.list.none')}</p>
  const time = (iso: string) => formatDateTime(iso, locale)
  const status = (w: StaffReleaseWindow) =>
    w.drawnAt
      ? t('staff.list.drawn', { time: time(w.drawnAt) })
      : new Date(w.opensAt) > now
        ? t('staff.list.opens', { time: time(w.opensAt) })
        : new Date(w.closesAt) > now
          ? t('staff.list.open', { time: time(w.closesAt) })
          : t('staff.list.waiting')
  const columns = {
    office: t('staff.list.office'),
    status: t('staff.list.status'),
    slots: t('staff.list.slots'),
    entries: t('staff.list.entries'),
    allocated: t('staff.list.allocated'),
    seed: t('staff.list.seed'),
  }
  return (
    <table className="table table--stack">
      <caption>{t('staff.list.title')}</caption>
      <thead>
        <tr>
          {Object.values(columns).map((label) => (
            <th key={label} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {windows.map((w) => (
          <tr key={w.id}>
            <td data-label={columns.office}>{w.officeName}</td>
            <td data-label={columns.status}>{status(w)}</td>
            <td data-label={columns.slots}>{w.drawnAt ? '–' : w.slots}</td>
            <td data-label={columns.entries}>{w.entries}</td>
            <td data-label={columns.allocated}>{w.drawnAt ? w.allocated : '–'}</td>
            <td data-label={columns.seed}>
              {w.seed ? <span className="ref">{w.seed}</span> : '–'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
