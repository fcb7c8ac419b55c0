import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import { getDb } from '@/db'
import { residencePermits } from '@/db/schema'
import { checkForeignerIdentityNumber } from '@/lib/domain/identity-numbers'
import { inDays } from './application-fixtures'
import { sealPermitHolderId } from '../crypto/identity-numbers'

/** A foreigner number (99…) with right check digits, new for each call. */
export function randomForeignerId(): string {
  for (;;) {
    const candidate = `99${String(randomInt(0, 1e9)).padStart(9, '0')}`
    if (checkForeignerIdentityNumber(candidate, { enforceChecksum: true }) === 'valid')
      return candidate
  }
}

export type ClaimData = { foreignerIdNumber: string; cardSerial: string; birthDate: string }

/** A permit from before the portal that nobody has claimed yet, and what claims it. */
export async function createUnclaimedPermit(
  options: { validUntil?: string; holderId?: string } = {},
): Promise<ClaimData & { id: string }> {
  const id = randomUUID()
  const claim = {
    foreignerIdNumber: randomForeignerId(),
    cardSerial: `T${randomBytes(5).toString('hex').toUpperCase()}`,
    birthDate: '1988-11-03',
  }
  const db = await getDb()
  await db.insert(residencePermits).values({
    id,
    holderId: options.holderId ?? null,
    permitTypeCode: 'short_term',
    purposeCode: 'tourism',
    documentNumber: `OLD-${randomBytes(5).toString('hex')}`,
    validFrom: inDays(-320),
    validUntil: options.validUntil ?? inDays(45),
    cardSerial: claim.cardSerial,
    ...sealPermitHolderId(claim.foreignerIdNumber),
    holderBirthDate: claim.birthDate,
  })
  return { id, ...claim }
}
