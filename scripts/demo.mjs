// `npm run demo`: serves the build with demo mode on (test mailbox, banner on every page).
// Demo mode is only ever switched on here, by name (SECURITY.md, "Demo mode"); a node script
// sets the variable the same way on every operating system.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

const next = createRequire(import.meta.url).resolve('next/dist/bin/next')
const server = spawn(process.execPath, [next, 'start', '-p', process.env.PORT ?? '3000'], {
  stdio: 'inherit',
  env: { ...process.env, DEMO_MODE: '1' },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
