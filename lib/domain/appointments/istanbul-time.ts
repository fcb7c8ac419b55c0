// Appointments happen at an office in Türkiye, so times are shown and planned in
// Europe/Istanbul whatever the zone of the browser or the server.
import type { IsoDate } from '../permits/dates'

export const OFFICE_TIME_ZONE = 'Europe/Istanbul'

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

export type WallTime = { date: IsoDate; time: string }

/** The calendar date and HH:MM an instant shows on a clock in İstanbul. */
export function toIstanbulWallTime(instant: Date): WallTime {
  const p = Object.fromEntries(PARTS.formatToParts(instant).map((x) => [x.type, x.value]))
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` }
}

/**
 * The instant at which an İstanbul clock shows `date` `time` (HH:MM). The offset is read from
 * the time-zone database rather than fixed at +03:00, in case Türkiye changes its clocks again.
 */
export function fromIstanbulWallTime(date: IsoDate, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`)
  const shown = toIstanbulWallTime(guess)
  const shownAsUtc = new Date(`${shown.date}T${shown.time}:00Z`)
  return new Date(guess.getTime() - (shownAsUtc.getTime() - guess.getTime()))
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay()
  return day === 0 ? 7 : day
}
