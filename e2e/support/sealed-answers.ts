import { sealPermitHolderId, storedAnswers } from '../../lib/server/crypto/identity-numbers'
import { e2eDb } from './e2e-db'

/**
 * Writes an application's answers as the portal stores them: the identity numbers sealed in
 * their own columns, never in form_data (SECURITY.md PD-02). For rows the tests arrange
 * directly in the database.
 */
export async function storeAnswers(applicationId: string, answers: Record<string, unknown>) {
  const db = e2eDb()
  const stored = storedAnswers(answers)
  await db`update applications set
      form_data = ${db.json(stored.formData as Parameters<typeof db.json>[0])},
      passport_number_sealed = ${stored.passportNumberSealed},
      passport_number_hash = ${stored.passportNumberHash},
      passport_tail_hash = ${stored.passportTailHash},
      foreigner_id_sealed = ${stored.foreignerIdSealed},
      foreigner_id_hash = ${stored.foreignerIdHash}
    where id = ${applicationId}`
}

/** A permit holder's number as the portal stores it. */
export function sealedHolderId(foreignerIdNumber: string) {
  const sealed = sealPermitHolderId(foreignerIdNumber)
  return { sealed: sealed.holderForeignerIdSealed, hash: sealed.holderForeignerIdHash }
}
