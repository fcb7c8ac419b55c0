import { createServer, type Server, type Socket } from 'node:net'

// A small clamd for tests: it speaks INSTREAM (`zINSTREAM\0`, chunks behind 4-byte big-endian
// lengths, a zero length at the end) and finds one thing, the EICAR test file, as ClamAV
// names it. It notes the chunk sizes it read, so a test can see the file went in pieces.

/** The EICAR anti-virus test file: harmless, and every scanner reports it. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

export type FakeClamdMode =
  /** Answers OK or `Eicar-Test-Signature FOUND`. */
  | 'scan'
  /** Reads everything and never answers: a scanner that hangs. */
  | 'silent'
  /** Answers as clamd does past its StreamMaxLength. */
  | 'size_limit'

export type FakeClamd = {
  url: string
  /** The lengths of the chunks of each scan, in order (without the final 0). */
  scans: { chunks: number[]; bytes: Buffer }[]
  close(): Promise<void>
}

export async function startFakeClamd(
  options: { mode?: FakeClamdMode; socketPath?: string } = {},
): Promise<FakeClamd> {
  const mode = options.mode ?? 'scan'
  const scans: FakeClamd['scans'] = []
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    serve(socket, mode, scans)
  })
  if (options.socketPath) server.listen(options.socketPath)
  else server.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', resolve))
  const address = server.address()
  const url =
    options.socketPath !== undefined
      ? `unix://${options.socketPath}`
      : `tcp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return {
    url,
    scans,
    close: () => {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

/** An address where nothing listens: a scanner that is down. */
export async function unusedClamdUrl(): Promise<string> {
  const server: Server = createServer()
  server.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return `tcp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
}

const COMMAND = Buffer.from('zINSTREAM\0', 'latin1')

function serve(socket: Socket, mode: FakeClamdMode, scans: FakeClamd['scans']) {
  let pending = Buffer.alloc(0)
  let commandSeen = false
  const chunks: number[] = []
  const data: Buffer[] = []
  socket.on('data', (received: Buffer) => {
    pending = Buffer.concat([pending, received])
    if (!commandSeen) {
      if (pending.length < COMMAND.length) return
      if (!pending.subarray(0, COMMAND.length).equals(COMMAND)) {
        socket.end('UNKNOWN COMMAND\0')
        return
      }
      commandSeen = true
      pending = pending.subarray(COMMAND.length)
    }
    while (pending.length >= 4) {
      const length = pending.readUInt32BE(0)
      if (length === 0) {
        const bytes = Buffer.concat(data)
        scans.push({ chunks, bytes })
        if (mode === 'silent') return
        if (mode === 'size_limit') return void socket.end('INSTREAM size limit exceeded. ERROR\0')
        const found = bytes.includes(EICAR)
        return void socket.end(found ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0')
      }
      if (pending.length < 4 + length) return
      chunks.push(length)
      data.push(pending.subarray(4, 4 + length))
      pending = pending.subarray(4 + length)
    }
  })
}
