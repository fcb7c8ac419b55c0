import type { DrawSlot } from '@/lib/schemas/draws'

type Props = {
  slots: DrawSlot[]
  /** One label per choice, most wanted first ("First choice", "Second choice (optional)" …). */
  labels: readonly string[]
  noChoice: string
  dayLabel: (date: string) => string
  /** The choices already sent, to show them selected. */
  chosen: readonly string[]
  hint: string
}

/**
 * Up to five numbered choices, each a native select of the draw's times grouped by day: a
 * phone shows its own picker, screen readers read each choice by its label, and the order of
 * the fields is the order of preference. Times are İstanbul clock times from the server.
 */
export function DrawChoices({ slots, labels, noChoice, dayLabel, chosen, hint }: Props) {
  const days = new Map<string, DrawSlot[]>()
  for (const slot of slots) days.set(slot.date, [...(days.get(slot.date) ?? []), slot])
  return (
    <fieldset className="fieldset" aria-describedby="draw-choices-hint">
      <p className="hint" id="draw-choices-hint">
        {hint}
      </p>
      {labels.map((label, i) => (
        <div className="form-group" key={label}>
          <label htmlFor={`choice${i + 1}`}>{label}</label>
          <select
            id={`choice${i + 1}`}
            name={`choice${i + 1}`}
            className="select"
            defaultValue={chosen[i] ?? ''}
            required={i === 0}
          >
            <option value="">{noChoice}</option>
            {[...days].map(([date, daySlots]) => (
              <optgroup key={date} label={dayLabel(date)}>
                {daySlots.map((slot) => (
                  <option key={slot.id} value={slot.id}>
                    {`${dayLabel(date)}, ${slot.time}`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      ))}
    </fieldset>
  )
}
