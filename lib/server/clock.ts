import 'server-only'

/** Today's calendar date in Türkiye, whatever the server's or the browser's time zone. */
export function todayInIstanbul(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Istanbul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now)
}
