import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { assertPortFree, PortTaken } from './app-server'

// The booking-race benchmark once measured another server that was already on its port
// (1,000 × 401): it must refuse to start instead.

const open: net.Server[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
})

function listen(host?: string): Promise<number> {
  const server = net.createServer((socket) => socket.end())
  open.push(server)
  return new Promise((resolve) =>
    server.listen({ port: 0, host }, () => resolve((server.address() as net.AddressInfo).port)),
  )
}

/** A port nobody holds: taken and released again by the test itself. */
async function freePort(): Promise<number> {
  const port = await listen('127.0.0.1')
  await new Promise((resolve) => open.pop()!.close(resolve))
  return port
}

describe('the benchmark port check', () => {
  it('passes for a free port', async () => {
    await expect(assertPortFree(await freePort())).resolves.toBeUndefined()
  })

  it('refuses a port another server listens on, on every address', async () => {
    const port = await listen()
    await expect(assertPortFree(port)).rejects.toBeInstanceOf(PortTaken)
  })

  it('refuses a port another server listens on, on 127.0.0.1 only', async () => {
    const port = await listen('127.0.0.1')
    const refusal = await assertPortFree(port).catch((error: unknown) => error)
    expect(refusal).toBeInstanceOf(PortTaken)
    expect((refusal as Error).message).toContain(`Port ${port} is already in use`)
  })
})
