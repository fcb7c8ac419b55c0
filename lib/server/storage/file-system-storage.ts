import 'server-only'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { uploadDirSetting } from '../env'
import type { ObjectStorage } from './object-storage'

/** UPLOAD_DIR, or `.data/uploads` beside the app: never under `public/`, so never served as is. */
export function uploadDir(): string {
  const configured = uploadDirSetting()
  // The comment keeps the bundler from tracing the whole project for a path only known at run time.
  return configured
    ? path.resolve(/*turbopackIgnore: true*/ configured)
    : path.join(process.cwd(), '.data', 'uploads')
}

// Server-drawn keys only: lower-case letters, digits and dashes, in segments. This keeps a
// key from ever naming a path outside the store, whatever reaches this function.
const KEY = /^[a-z0-9-]{1,64}(\/[a-z0-9-]{1,64}){0,3}$/

function fileFor(root: string, key: string): string {
  if (!KEY.test(key)) throw new Error('invalid storage key')
  return path.join(root, ...key.split('/'))
}

export function fileSystemStorage(root: string): ObjectStorage {
  return {
    async put(key, bytes) {
      const file = fileFor(root, key)
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 })
      // Written aside, then renamed: a reader never sees half a file.
      const partial = `${file}.${randomBytes(6).toString('hex')}.partial`
      await writeFile(partial, bytes, { mode: 0o600, flag: 'wx' })
      await rename(partial, file)
    },
    async get(key) {
      try {
        return await readFile(fileFor(root, key))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async delete(key) {
      await rm(fileFor(root, key), { force: true })
    },
  }
}
