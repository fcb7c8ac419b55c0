import 'server-only'
import QRCode from 'qrcode'
import { getDb } from '@/db'
import { AccessDenied } from '../../actor'
import { inTransaction } from '../../transaction'
import { requireSecondStep } from './second-step'
import { newTotpSecret, totpUri } from './totp-code'
import { readTotpSecret, writeTotpSecret } from './totp-secret'

export type TotpEnrolment = { email: string; secret: string; qrSvg: string }

/**
 * The first staff sign-in: the secret to put in an authenticator app, as a QR code drawn on
 * the server (SVG, no script) and as text. The same secret until it is confirmed, so a
 * reload does not invalidate what the person already scanned. Shown only before confirmation.
 */
export async function startTotpEnrolment(): Promise<TotpEnrolment> {
  const step = await requireSecondStep()
  if (step.enrolled) throw new AccessDenied('not_found')
  await inTransaction((tx) => writeTotpSecret(tx, step.userId, newTotpSecret()))
  const factor = await readTotpSecret(await getDb(), step.userId)
  if (!factor || factor.confirmed) throw new AccessDenied('not_found')
  const qrSvg = await QRCode.toString(totpUri(factor.secret, step.email), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  })
  return { email: step.email, secret: factor.secret, qrSvg }
}

/** What the second-factor page shows: the set-up for a first sign-in, else the code box. */
export async function openSecondStep(): Promise<{ enrolment: TotpEnrolment | null }> {
  const step = await requireSecondStep()
  return { enrolment: step.enrolled ? null : await startTotpEnrolment() }
}
