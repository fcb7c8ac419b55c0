import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import type { DrawOffice } from '@/lib/schemas/draws'

export type ReleaseWindowValues = {
  officeId: string
  slotsFrom: string
  slotsUntil: string
  opensAt: string
  closesAt: string
}

type Props = {
  locale: Locale
  offices: DrawOffice[]
  values: ReleaseWindowValues
  idempotencyKey: string
  action: (formData: FormData) => Promise<void>
}

/** The admin's form to hold a block of an office's times back for a draw. */
export function ReleaseWindowForm({ locale, offices, values, idempotencyKey, action }: Props) {
  const t = getT(locale, 'draws')
  const field = (name: keyof ReleaseWindowValues, type: 'date' | 'datetime-local') => (
    <div className="form-group">
      <label htmlFor={`draw-${name}`}>{t(`staff.form.${name}`)}</label>
      <input
        type={type}
        id={`draw-${name}`}
        name={name}
        className="input"
        defaultValue={values[name]}
        required
      />
    </div>
  )
  return (
    <form action={action}>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset className="fieldset">
        <legend className="label">{t('staff.form.legend')}</legend>
        <p className="hint">{t('staff.form.hint')}</p>
        <div className="form-group">
          <label htmlFor="draw-officeId">{t('staff.form.office')}</label>
          <select
            id="draw-officeId"
            name="officeId"
            className="select"
            defaultValue={values.officeId}
            required
          >
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        {field('slotsFrom', 'date')}
        {field('slotsUntil', 'date')}
        <p className="hint">{t('staff.form.timeZone')}</p>
        {field('opensAt', 'datetime-local')}
        {field('closesAt', 'datetime-local')}
      </fieldset>
      <button type="submit" className="button">
        {t('staff.form.submit')}
      </button>
    </form>
  )
}
