import 'server-only'
import { createHash, randomInt } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { EmailConfig } from 'next-auth/providers/email'
import type { Db } from '@/db'
import { verificationTokens } from '@/db/schema'
import { DEFAULT_LOCALE, isLocale, type Locale } from '@/lib/domain/locales'
import {
  formatSignInCode,
  SIGN_IN_CODE_LENGTH,
  SIGN_IN_CODE_TTL_SECONDS,
} from '@/lib/domain/sign-in-code'
import { signInCodeMail } from '../mail/templates/account-mails'
import { enqueueMail } from '../outbox/enqueue-mail'

export const EMAIL_CODE_PROVIDER_ID = 'email-code'

/** The hash Auth.js looks tokens up by: SHA-256 of token + provider secret, in hex. */
export function hashVerificationToken(token: string, secret: string): string {
  return createHash('sha256').update(`${token}${secret}`).digest('hex')
}

function localeFromCallback(url: string): Locale {
  try {
    const callback = new URL(url).searchParams.get('callbackUrl') ?? ''
    const first = new URL(callback, 'http://x').pathname.split('/')[1]
    return isLocale(first) ? first : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

export function emailCodeProvider(db: Db, secret: string): EmailConfig {
  return {
    id: EMAIL_CODE_PROVIDER_ID,
    type: 'email',
    name: 'E-mail code',
    from: '',
    maxAge: SIGN_IN_CODE_TTL_SECONDS,
    secret,
    options: {},
    generateVerificationToken: () =>
      formatSignInCode(Array.from({ length: SIGN_IN_CODE_LENGTH }, () => randomInt(0, 10))),
    async sendVerificationRequest({ identifier, token, expires, url }) {
      const locale = localeFromCallback(url)
      const minutes = Math.round(SIGN_IN_CODE_TTL_SECONDS / 60)
      // The code, and the mail that carries it, exist together or not at all. Older codes
      // for the address stop working, so only the latest e-mail counts.
      await db.transaction(async (tx) => {
        await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, identifier))
        await tx
          .insert(verificationTokens)
          .values({ identifier, token: hashVerificationToken(token, secret), expires })
        await enqueueMail(tx, {
          recipient: identifier,
          ...signInCodeMail(locale, { code: token, minutes }),
        })
      })
    },
  }
}
