import type { DayAppointment, DayCounter } from '@/lib/domain/appointments/day-view'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'

export type CounterAction = (formData: FormData) => Promise<void>

type Props = {
  locale: Locale
  appointment: DayAppointment
  /** The office's counters open today, for the counter choice. */
  counters: DayCounter[]
  /** Check-in happens on the day itself only; other days show why not. */
  isToday: boolean
  /** The message of the last refused try at this appointment, shown at its field. */
  error?: string
  checkInAction: CounterAction
  noShowAction: CounterAction
}

/**
 * The counter's forms for one expected person: check in with the number from the document
 * they show (in a disclosure, so a long list stays short), or record that they did not come.
 * Plain forms: they work without JavaScript.
 */
export function CounterActions(props: Props) {
  const { locale, appointment: a, counters, isToday, error } = props
  const t = getT(locale, 'staff')
  const field = `identity-${a.id}`
  const describedBy = [`${field}-hint`, error ? `${field}-error` : null].filter(Boolean).join(' ')
  const who = <span className="visually-hidden">{a.reference}</span>
  return (
    <>
      {isToday ? (
        <details open={Boolean(error)}>
          <summary>
            {t('appointments.checkIn.open')} {who}
          </summary>
          <form action={props.checkInAction}>
            <input type="hidden" name="appointmentId" value={a.id} />
            <input type="hidden" name="version" value={a.version} />
            <div className={`form-group${error ? ' form-group--error' : ''}`}>
              <label htmlFor={field}>{t('appointments.checkIn.identityLabel')}</label>
              <span id={`${field}-hint`} className="hint">
                {t('appointments.checkIn.identityHint')}
              </span>
              {error ? (
                <span id={`${field}-error`} className="error-message">
                  {error}
                </span>
              ) : null}
              <input
                id={field}
                name="identityNumber"
                className={`input${error ? ' input--error' : ''}`}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                dir="ltr"
                maxLength={40}
                required
                aria-describedby={describedBy}
              />
            </div>
            {counters.length > 0 ? (
              <div className="form-group">
                <label htmlFor={`counter-${a.id}`}>{t('appointments.checkIn.counterLabel')}</label>
                <select id={`counter-${a.id}`} name="counterId" className="select" defaultValue="">
                  <option value="">{t('appointments.checkIn.noCounter')}</option>
                  {counters.map((c) => (
                    <option key={c.id} value={c.id}>
                      {t('appointments.counter', { label: c.label })}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <button type="submit" className="button button--flush">
              {t('appointments.checkIn.submit')} {who}
            </button>
          </form>
        </details>
      ) : (
        <span className="hint">{t('appointments.checkIn.onlyToday')}</span>
      )}
      {a.started ? (
        <form action={props.noShowAction}>
          <input type="hidden" name="appointmentId" value={a.id} />
          <input type="hidden" name="version" value={a.version} />
          <button type="submit" className="button button--secondary button--flush">
            {t('appointments.noShow.submit')} {who}
          </button>
        </form>
      ) : (
        <span className="hint">{t('appointments.noShow.notYet')}</span>
      )}
    </>
  )
}
