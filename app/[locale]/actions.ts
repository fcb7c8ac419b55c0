'use server'
import { DEFAULT_LOCALE, isLocale } from '@/lib/domain/locales'
import { paths } from '@/lib/paths'
import { signOut } from '@/lib/server/auth/auth'

/** Deletes the session row, so the old cookie is worthless even if replayed. */
export async function signOutAction(locale: unknown): Promise<void> {
  await signOut({ redirectTo: paths.home(isLocale(locale) ? locale : DEFAULT_LOCALE) })
}
