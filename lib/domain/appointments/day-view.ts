// How the staff day view is laid out: one block per office, inside it one per counter, and a
// first block for the people not yet seen at a counter.

export type DayCounter = { id: string; label: string; active: boolean }
export type DayOffice = { id: string; name: string; counters: DayCounter[] }
export type CounterGroup<A> = { counter: DayCounter | null; appointments: A[] }
export type OfficeGroup<A> = { office: DayOffice; groups: CounterGroup<A>[] }

/** What the day view lists: people expected, seen, or who did not come. */
export const DAY_VIEW_STATUSES = ['confirmed', 'attended', 'no_show'] as const
export type DayViewStatus = (typeof DAY_VIEW_STATUSES)[number]

export type DayAppointment = {
  id: string
  version: number
  officeId: string
  counterId: string | null
  counterLabel: string | null
  startsAt: string
  /** HH:MM on a clock in Türkiye. */
  time: string
  reference: string
  /** Given names and surname from the application; null when the answers have none. */
  applicantName: string | null
  status: DayViewStatus
  /** The time has come, so a missed appointment can be recorded. */
  started: boolean
}

const byLabel = new Intl.Collator('tr', { numeric: true })

/**
 * Groups the day's appointments (already in time order) by office and counter. Every office
 * asked for gets a block, even an empty one; inside it only counters with someone at them.
 * An appointment whose counter is not (or no longer) among the office's counters stays with
 * those not yet at a counter rather than disappearing.
 */
export function groupByOfficeAndCounter<A extends { officeId: string; counterId: string | null }>(
  offices: readonly DayOffice[],
  appointments: readonly A[],
): OfficeGroup<A>[] {
  return offices.map((office) => {
    const mine = appointments.filter((a) => a.officeId === office.id)
    const known = new Set(office.counters.map((c) => c.id))
    const waiting = mine.filter((a) => a.counterId === null || !known.has(a.counterId))
    const atCounters = [...office.counters]
      .sort((a, b) => byLabel.compare(a.label, b.label))
      .map((counter) => ({
        counter,
        appointments: mine.filter((a) => a.counterId === counter.id),
      }))
      .filter((g) => g.appointments.length > 0)
    return {
      office,
      groups: [
        ...(waiting.length > 0 ? [{ counter: null, appointments: waiting }] : []),
        ...atCounters,
      ],
    }
  })
}
