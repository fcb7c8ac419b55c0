// Reminders go out 3 days and 1 day before the appointment. A reminder whose moment had
// already passed when the appointment was booked is skipped: someone who books for tomorrow
// has just had the confirmation and needs no "3 days to go" mail.

export const REMINDER_KINDS = ['three_days', 'one_day'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

const HOURS_BEFORE: Record<ReminderKind, number> = { three_days: 72, one_day: 24 }

/** The reminder due now for an appointment, or null; `sent` are the kinds already sent. */
export function dueReminder(input: {
  startsAt: Date
  confirmedAt: Date
  now: Date
  sent: readonly ReminderKind[]
}): ReminderKind | null {
  const { startsAt, confirmedAt, now } = input
  if (startsAt.getTime() <= now.getTime()) return null
  // The nearest window first: if both are due (a worker was down), only the later one goes.
  for (const kind of ['one_day', 'three_days'] as const) {
    const opensAt = startsAt.getTime() - HOURS_BEFORE[kind] * 3_600_000
    if (now.getTime() < opensAt) continue
    if (confirmedAt.getTime() >= opensAt) return null
    return input.sent.includes(kind) ? null : kind
  }
  return null
}
