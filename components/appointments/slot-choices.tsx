import type { Locale } from '@/lib/domain/locales'
import { formatTime } from '@/lib/i18n/format-date'
import type { FreeDay } from '@/lib/schemas/api/appointments'

type Props = {
  locale: Locale
  days: FreeDay[]
  dayLabel: (date: string) => string
  legend: (day: string) => string
  placesLabel: (count: number) => string
  showOffice: boolean
}

/**
 * The free times as radio buttons, one group per day. Times are shown on İstanbul's clock
 * in the reader's digits, whatever the browser's time zone.
 */
export function SlotChoices({ locale, days, dayLabel, legend, placesLabel, showOffice }: Props) {
  return (
    <>
      {days.map((day, d) => (
        <fieldset key={day.date} className="fieldset slot-day">
          <legend className="label">{legend(dayLabel(day.date))}</legend>
          <div className="slot-times">
            {day.slots.map((slot, s) => (
              <label key={slot.id}>
                <input
                  type="radio"
                  name="slotId"
                  value={slot.id}
                  id={d === 0 && s === 0 ? 'slotId' : `slot-${slot.id}`}
                  required
                />
                <span dir="ltr">{formatTime(slot.startsAt, locale)}</span>
                {showOffice ? <span className="hint">{slot.officeName}</span> : null}
                <span className="visually-hidden">{placesLabel(slot.free)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </>
  )
}
