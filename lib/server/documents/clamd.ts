import 'server-only'
import { connect, type NetConnectOpts, type Socket } from 'node:net'

// clamd's INSTREAM command (clamd(8)): `zINSTREAM\0`, then the file in chunks, each behind its
// length as 4 bytes big-endian, then a chunk of length 0. The answer, ended by \0 because of
// the `z` prefix, is `stream: OK`, `stream: <signature> FOUND` or `<message> ERROR`.

export type ScanVerdict =
  { result: 'clean' } | { result: 'infected'; signature: string } | { result: 'unavailable' }

/** Well under clamd's StreamMaxLength (25 MB by default) per chunk; clamd itself reads 8 KB. */
export const CLAMD_CHUNK_BYTES = 64 * 1024
const MAX_REPLY_BYTES = 4096

/** `tcp://host:port` or `unix:///path` (the forms env.ts accepts) as socket options. */
export function clamdAddress(url: string): NetConnectOpts {
  if (url.startsWith('unix://')) return { path: url.slice('unix://'.length) }
  const { hostname, port } = new URL(url)
  return { host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) }
}

/** What clamd's answer says; anything else (an ERROR, a cut-off reply) is no verdict. */
export function readClamdReply(reply: string): ScanVerdict {
  const line = reply.replace(/\0[\s\S]*$/, '').trim()
  if (line === 'stream: OK') return { result: 'clean' }
  const found = /^stream: (.+) FOUND$/.exec(line)
  // The signature goes into the audit trail: printable, and short.
  if (found)
    return { result: 'infected', signature: found[1]!.replace(/[^\x20-\x7e]/g, '?').slice(0, 200) }
  return { result: 'unavailable' }
}

/**
 * Sends `bytes` to clamd and waits at most `timeoutMs` for the whole exchange. Refused or
 * broken connections, a timeout and clamd's own errors all come back as 'unavailable'.
 */
export function scanWithClamd(
  address: NetConnectOpts,
  bytes: Uint8Array,
  timeoutMs: number,
): Promise<ScanVerdict> {
  return new Promise((resolve) => {
    const socket = connect(address)
    const reply: Buffer[] = []
    let replyBytes = 0
    let settled = false
    const settle = (verdict: ScanVerdict) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      resolve(verdict)
    }
    const timer = setTimeout(() => settle({ result: 'unavailable' }), timeoutMs)
    const answer = () => settle(readClamdReply(Buffer.concat(reply).toString('latin1')))
    socket.on('data', (chunk: Buffer) => {
      reply.push(chunk)
      replyBytes += chunk.length
      if (chunk.includes(0) || replyBytes > MAX_REPLY_BYTES) answer()
    })
    socket.on('end', answer)
    socket.on('close', answer)
    socket.on('error', () => settle({ result: 'unavailable' }))
    socket.once('connect', () => {
      sendStream(socket, bytes).catch(() => settle({ result: 'unavailable' }))
    })
  })
}

async function sendStream(socket: Socket, bytes: Uint8Array): Promise<void> {
  await write(socket, Buffer.from('zINSTREAM\0', 'latin1'))
  for (let at = 0; at < bytes.length; at += CLAMD_CHUNK_BYTES) {
    const chunk = bytes.subarray(at, at + CLAMD_CHUNK_BYTES)
    const length = Buffer.alloc(4)
    length.writeUInt32BE(chunk.length)
    await write(socket, Buffer.concat([length, chunk]))
  }
  await write(socket, Buffer.alloc(4))
}

/** One write, waiting for the socket to drain so a large file is not queued in memory twice. */
function write(socket: Socket, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.destroyed) return reject(new Error('clamd connection closed'))
    socket.write(data, (error) => (error ? reject(error) : resolve()))
  })
}
