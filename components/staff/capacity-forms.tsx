import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import type { CapacityOffice } from '@/lib/schemas/staff/capacity'

type Props = {
  locale: Locale
  offices: CapacityOffice[]
  today: string
  closeDayAction: (formData: FormData) => Promise<void>
  dayCapacityAction: (formData: FormData) => Promise<void>
}

function OfficeField({
  id,
  label,
  offices,
}: {
  id: string
  label: string
  offices: CapacityOffice[]
}) {
  return (
    <div className="form-group">
      <label htmlFor={id}>{label}</label>
      <select id={id} name="officeId" className="select" required>
        {offices.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Two plain forms: close a day or a counter, and set the places per slot for a day. */
export function CapacityForms({
  locale,
  offices,
  today,
  closeDayAction,
  dayCapacityAction,
}: Props) {
  const t = getT(locale, 'staff')
  return (
    <>
      <h2>{t('capacity.close.title')}</h2>
      <p className="hint">{t('capacity.close.hint')}</p>
      <form action={closeDayAction}>
        <OfficeField id="close-office" label={t('capacity.office')} offices={offices} />
        <div className="form-group">
          <label htmlFor="close-date">{t('capacity.date')}</label>
          <input id="close-date" type="date" name="date" className="input" min={today} required />
        </div>
        <div className="form-group">
          <label htmlFor="close-counter">{t('capacity.close.counter')}</label>
          <select id="close-counter" name="counterId" className="select" defaultValue="">
            <option value="">{t('capacity.close.wholeDay')}</option>
            {offices.flatMap((o) =>
              o.counters.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('capacity.close.counterOption', { office: o.name, label: c.label })}
                </option>
              )),
            )}
          </select>
        </div>
        <div className="form-group">
          <label htmlFor="close-reason">{t('capacity.close.reason')}</label>
          <input id="close-reason" name="reason" className="input" maxLength={200} required />
        </div>
        <button type="submit" className="button button--warning">
          {t('capacity.close.submit')}
        </button>
      </form>
      <h2>{t('capacity.places.title')}</h2>
      <p className="hint">{t('capacity.places.hint')}</p>
      <form action={dayCapacityAction}>
        <OfficeField id="places-office" label={t('capacity.office')} offices={offices} />
        <div className="form-group">
          <label htmlFor="places-date">{t('capacity.date')}</label>
          <input id="places-date" type="date" name="date" className="input" min={today} required />
        </div>
        <div className="form-group">
          <label htmlFor="places-count">{t('capacity.places.count')}</label>
          <input
            id="places-count"
            name="placesPerSlot"
            className="input input--narrow"
            inputMode="numeric"
            required
          />
        </div>
        <button type="submit" className="button">
          {t('capacity.places.submit')}
        </button>
      </form>
    </>
  )
}
