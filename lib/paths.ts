import type { Locale } from '@/lib/domain/locales'
import type { SignInAudience } from '@/lib/domain/sign-in-code'
import type { ApplicationKind } from '@/lib/domain/application-status'

// Every link carries the locale, so a reader never falls back to another language.
export const paths = {
  home: (l: Locale) => `/${l}`,
  start: (l: Locale, kind: ApplicationKind) => `/${l}/start/${kind}`,
  applications: (l: Locale) => `/${l}/applications`,
  applicationClaim: (l: Locale) => `/${l}/applications/claim`,
  /** The public status lookup, without signing in. */
  track: (l: Locale) => `/${l}/track`,
  signIn: (l: Locale, audience: SignInAudience = 'applicant') =>
    audience === 'staff' ? `/${l}/staff/sign-in` : `/${l}/sign-in`,
  /** Sign in, then go on to `returnTo`. */
  signInThen: (l: Locale, returnTo: string, audience: SignInAudience = 'applicant') =>
    `${paths.signIn(l, audience)}?callbackUrl=${encodeURIComponent(returnTo)}`,
  signInCode: (l: Locale, audience: SignInAudience = 'applicant') =>
    `${paths.signIn(l, audience)}/code`,
  /** The staff second factor, then on to `returnTo` (SECURITY.md SF-01). */
  staffSecondFactor: (l: Locale, returnTo?: string) =>
    `/${l}/staff/sign-in/second-factor${returnTo ? `?callbackUrl=${encodeURIComponent(returnTo)}` : ''}`,
  apply: (l: Locale, kind: ApplicationKind) => `/${l}/apply/${kind}`,
  /** The eligibility questions with one of my permits already chosen. */
  applyFromPermit: (l: Locale, kind: 'extension' | 'transition', permitId: string) =>
    `/${l}/apply/${kind}?permit=${encodeURIComponent(permitId)}`,
  permits: (l: Locale) => `/${l}/permits`,
  permitClaim: (l: Locale) => `/${l}/permits/claim`,
  application: (l: Locale, id: string) => `/${l}/applications/${id}`,
  applicationTask: (l: Locale, id: string, task: string) => `/${l}/applications/${id}/${task}`,
  applicationCheck: (l: Locale, id: string) => `/${l}/applications/${id}/check`,
  applicationConfirmation: (l: Locale, id: string) => `/${l}/applications/${id}/confirmation`,
  applicationStatus: (l: Locale, id: string) => `/${l}/applications/${id}/status`,
  appointment: (l: Locale, id: string) => `/${l}/applications/${id}/appointment`,
  /** Where I see and end my sessions (issue 15). */
  mySessions: (l: Locale) => `/${l}/account/sessions`,
  staffHome: (l: Locale) => `/${l}/staff`,
  staffAppointments: (l: Locale) => `/${l}/staff/appointments`,
  staffCaseworkSettings: (l: Locale) => `/${l}/staff/cases/settings`,
  staffCapacity: (l: Locale) => `/${l}/staff/capacity`,
  staffOffices: (l: Locale) => `/${l}/staff/capacity/offices`,
  staffOffice: (l: Locale, id: string) => `/${l}/staff/capacity/offices/${id}`,
  staffAccounts: (l: Locale) => `/${l}/staff/staff`,
  staffSessions: (l: Locale) => `/${l}/staff/sessions`,
  staffAccount: (l: Locale, userId: string) => `/${l}/staff/staff/${userId}`,
  devMailbox: (l: Locale) => `/${l}/dev/mailbox`,
}

/** Swaps the locale segment of a path, for the language switcher. */
export function withLocale(pathname: string, locale: Locale): string {
  const rest = pathname.split('/').slice(2).join('/')
  return rest ? `/${locale}/${rest}` : `/${locale}`
}
