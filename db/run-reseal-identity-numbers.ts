import { resealIdentityNumbers } from '../lib/server/crypto/reseal-identity-numbers'
import { runScript } from './open-for-script'

// `npm run db:seal-identity-numbers` (after migration 0013) and `npm run db:rotate-field-keys`
// (after putting a new key first in FIELD_ENCRYPTION_KEYS); `-- --all` after a new
// FIELD_LOOKUP_KEY. SECURITY.md PD-05.
const all = process.argv.includes('--all')

void runScript('db:reseal-identity-numbers', async (handle) => {
  const count = await resealIdentityNumbers(handle.db, { all })
  console.log(
    `sealed again: ${count.applications} applications, ${count.permits} permits, ${count.totpSecrets} TOTP secrets`,
  )
})
