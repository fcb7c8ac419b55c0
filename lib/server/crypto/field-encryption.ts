import 'server-only'
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { fieldKeys, type FieldKey } from '../env'

// The one codec for values that are encrypted in the application before they reach the
// database (SECURITY.md PD-02): AES-256-GCM with a fresh 96-bit IV per value. A sealed value
// names the key that sealed it, so keys can be rotated while old values still open:
//   v1.<key id>.<iv>.<ciphertext and tag>   (base64url)
// The context (which field it is) is authenticated with the value, so a sealed passport
// number copied into another field or row kind does not open there.

const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16
const SEALED = /^v1\.([a-z0-9]{1,16})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/

export type FieldContext = string

function aad(keyId: string, context: FieldContext): Buffer {
  return Buffer.from(`${VERSION}.${keyId}.${context}`, 'utf8')
}

function sealWith(key: FieldKey, clear: string, context: FieldContext): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key.key, iv)
  cipher.setAAD(aad(key.id, context))
  const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return [VERSION, key.id, iv.toString('base64url'), body.toString('base64url')].join('.')
}

/** Encrypts with the first configured key. */
export function sealField(clear: string, context: FieldContext): string {
  return sealWith(fieldKeys().sealing[0]!, clear, context)
}

/** Whether a stored string is a sealed value (and not, say, a clear number left from before). */
export function isSealed(value: string): boolean {
  return SEALED.test(value)
}

/** The id of the key a value was sealed with, or null for something that is not sealed. */
export function sealedKeyId(value: string): string | null {
  return SEALED.exec(value)?.[1] ?? null
}

/**
 * Decrypts a sealed value with the key it names. An unknown key, a changed byte or the wrong
 * context throws: a value that does not open is never shown as if it were the number.
 */
export function openField(sealed: string, context: FieldContext): string {
  const match = SEALED.exec(sealed)
  if (!match) throw new Error('not a sealed value')
  const [, keyId, ivText, bodyText] = match
  const key = fieldKeys().sealing.find((k) => k.id === keyId)
  if (!key) throw new Error(`sealed with key "${keyId}", which is not in FIELD_ENCRYPTION_KEYS`)
  const body = Buffer.from(bodyText!, 'base64url')
  if (body.length < TAG_BYTES) throw new Error('sealed value too short')
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(ivText!, 'base64url'))
  decipher.setAAD(aad(key.id, context))
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES))
  return Buffer.concat([
    decipher.update(body.subarray(0, body.length - TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8')
}

/** Sealed with another key than the first: the rotation script seals it again. */
export function needsResealing(sealed: string): boolean {
  return sealedKeyId(sealed) !== fieldKeys().sealing[0]!.id
}

/** Opens and seals again with the first key (key rotation). */
export function resealField(sealed: string, context: FieldContext): string {
  return sealField(openField(sealed, context), context)
}

/**
 * A keyed hash (HMAC-SHA-256 with FIELD_LOOKUP_KEY, apart from the sealing keys) of a value the
 * caller has normalised, for finding a row by the number without storing the number (a blind
 * index). The purpose keeps hashes of different fields apart.
 */
export function lookupHash(purpose: string, normalised: string): string {
  return createHmac('sha256', fieldKeys().lookup)
    .update(`${purpose}\u0000${normalised}`, 'utf8')
    .digest('base64url')
}
