import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'

type Props = {
  locale: Locale
  action: string
  options: { directorateId: string; name: string }[]
  chosen?: { directorateId: string }
}

/** A plain GET form: the chosen directorate lives in the address, so it can be bookmarked. */
export function DirectoratePicker({ locale, action, options, chosen }: Props) {
  const t = getT(locale, 'casework')
  return (
    <form method="get" action={action} className="inline-form">
      <div className="field">
        <label htmlFor="directorate">{t('settings.directorate')}</label>
        <select id="directorate" name="directorate" defaultValue={chosen?.directorateId}>
          {options.map((d) => (
            <option key={d.directorateId} value={d.directorateId}>
              {d.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        {t('settings.show')}
      </button>
    </form>
  )
}
