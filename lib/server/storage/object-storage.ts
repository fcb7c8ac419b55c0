import 'server-only'
import { fileSystemStorage, uploadDir } from './file-system-storage'

/**
 * Where uploaded bytes live. Keys are drawn by the server (see `newStorageKey`), never taken
 * from a file name. The file-system store serves one machine or a shared volume; an
 * S3-compatible store only has to implement these three calls.
 */
export type ObjectStorage = {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>
  /** Null when there is no object under the key. */
  get(key: string): Promise<Buffer | null>
  /** Removing a missing object is not an error. */
  delete(key: string): Promise<void>
}

let configured: ObjectStorage | undefined
let configuredFor: string | undefined

/** The configured store; UPLOAD_DIR is read on each call so tests can point it elsewhere. */
export function getObjectStorage(): ObjectStorage {
  const dir = uploadDir()
  if (!configured || configuredFor !== dir) {
    configured = fileSystemStorage(dir)
    configuredFor = dir
  }
  return configured
}
