// Which slots an office offers on which days: its weekly opening hours, minus public
// holidays (half days close early) and days the directorate closed.
import { addDays, type IsoDate } from '../permits/dates'
import { fromIstanbulWallTime, isoWeekday } from './istanbul-time'

export type OpeningPeriod = { weekday: number; opensAt: string; closesAt: string }
export type Holiday = { date: IsoDate; halfDay: boolean }
export type PlannedSlot = { date: IsoDate; startsAt: Date; endsAt: Date }

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
const hhmmOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/** Slots for the days `from` … `from + days - 1`, in time order. */
export function planSlots(input: {
  from: IsoDate
  days: number
  openingHours: readonly OpeningPeriod[]
  slotMinutes: number
  holidays: readonly Holiday[]
  closedDates: readonly IsoDate[]
  halfDayClosesAt: string
}): PlannedSlot[] {
  if (input.slotMinutes < 5 || input.slotMinutes > 240) throw new Error('slot length out of range')
  const holidays = new Map(input.holidays.map((h) => [h.date, h]))
  const closed = new Set(input.closedDates)
  const slots: PlannedSlot[] = []
  for (let i = 0; i < input.days; i++) {
    const date = addDays(input.from, i)
    const holiday = holidays.get(date)
    if (closed.has(date) || (holiday && !holiday.halfDay)) continue
    const weekday = isoWeekday(date)
    const periods = input.openingHours
      .filter((p) => p.weekday === weekday)
      .sort((a, b) => minutesOf(a.opensAt) - minutesOf(b.opensAt))
    for (const period of periods) {
      const opens = minutesOf(period.opensAt)
      let closes = minutesOf(period.closesAt)
      if (holiday?.halfDay) closes = Math.min(closes, minutesOf(input.halfDayClosesAt))
      for (let start = opens; start + input.slotMinutes <= closes; start += input.slotMinutes) {
        slots.push({
          date,
          startsAt: fromIstanbulWallTime(date, hhmmOf(start)),
          endsAt: fromIstanbulWallTime(date, hhmmOf(start + input.slotMinutes)),
        })
      }
    }
  }
  return slots
}
