import 'server-only'
import type { Tx } from '../client'
import { residencePermits } from '../schema'
import { stableUuid } from './stable-id'
import { sealPermitHolderId } from '../../lib/server/crypto/identity-numbers'

/**
 * A permit issued before its holder had an account: any new account can add it under
 * My permits → "Add a permit you already have" with these details (README, demo section). It
 * ends in 40 days, so the extension can be started from it at once.
 */
export const DEMO_UNCLAIMED_PERMIT = {
  foreignerIdNumber: '99123456740',
  cardSerial: 'K7Q4M2X9',
  birthDate: '1991-06-15',
} as const

export async function seedUnclaimedPermit(
  tx: Tx,
  daysFromToday: (days: number) => string,
): Promise<void> {
  await tx
    .insert(residencePermits)
    .values({
      id: stableUuid('permit:unclaimed-demo'),
      holderId: null,
      permitTypeCode: 'short_term',
      purposeCode: 'tourism',
      documentNumber: 'DEMO-UNCLAIMED-1',
      validFrom: daysFromToday(-325),
      validUntil: daysFromToday(40),
      cardSerial: DEMO_UNCLAIMED_PERMIT.cardSerial,
      ...sealPermitHolderId(DEMO_UNCLAIMED_PERMIT.foreignerIdNumber),
      holderBirthDate: DEMO_UNCLAIMED_PERMIT.birthDate,
    })
    .onConflictDoNothing()
}
