import { randomBytes, randomInt, randomUUID } from 'node:crypto'
import { checkForeignerIdentityNumber } from '../../lib/domain/identity-numbers'
import { e2eDb } from './e2e-db'
import { sealedHolderId } from './sealed-answers'

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

function newForeignerId(): string {
  for (;;) {
    const candidate = `99${String(randomInt(0, 1e9)).padStart(9, '0')}`
    if (checkForeignerIdentityNumber(candidate, { enforceChecksum: true }) === 'valid')
      return candidate
  }
}

/**
 * A permit issued before its holder had an account, written straight to the e2e database (a
 * new one per test, so a retry never finds it claimed). It ends in 40 days: the extension
 * window is open.
 */
export async function createUnclaimedPermit() {
  const permit = {
    id: randomUUID(),
    documentNumber: `E2E-${randomBytes(4).toString('hex').toUpperCase()}`,
    foreignerIdNumber: newForeignerId(),
    cardSerial: `E${randomBytes(4).toString('hex').toUpperCase()}`,
    birthDate: '1988-11-03',
  }
  const holder = sealedHolderId(permit.foreignerIdNumber)
  await e2eDb()`insert into residence_permits (id, holder_id, permit_type_code, purpose_code,
      document_number, valid_from, valid_until, card_serial, holder_foreigner_id_sealed,
      holder_foreigner_id_hash, holder_birth_date)
    values (${permit.id}, null, 'short_term', 'tourism', ${permit.documentNumber}, ${inDays(-320)},
      ${inDays(40)}, ${permit.cardSerial}, ${holder.sealed}, ${holder.hash}, ${permit.birthDate})`
  return permit
}

/** The same number as typed on a Persian keyboard. */
export const persianDigits = (value: string) =>
  value.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)))
