import { openField, sealField } from './field-encryption'

// Staff TOTP secrets are sealed like identity numbers (SECURITY.md SF-06, PD-02): whoever reads
// the table, a backup or a log of it cannot make a staff member's codes. The context ties a
// sealed secret to this column, so it does not open as anything else.
const CONTEXT = 'staff_totp_factors.secret'

export function sealTotpSecret(secret: string): string {
  return sealField(secret, CONTEXT)
}

export function openTotpSecret(sealed: string): string {
  return openField(sealed, CONTEXT)
}
