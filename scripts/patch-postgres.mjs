// npm postinstall: two guards for postgres.js 3.4.9 that keep a database outage from taking
// the Node.js process down (SECURITY.md DF-01). Both are open upstream; each patch applies only
// to the exact code it replaces, and says so when that code has changed.
//
// 1. nextWrite (porsager/postgres#1208): when PostgreSQL ends a connection a transaction holds
//    (pg_terminate_backend, a restart), the driver's ROLLBACK is buffered and flushed from
//    setImmediate after the socket is gone. `socket.write` on null throws outside any promise
//    (an uncaughtException) and the ROLLBACK never settles, so the request hangs. The guard
//    rejects the pending queries with CONNECTION_CLOSED, which the app answers "try again".
// 2. fetchArrayTypes (porsager/postgres#1192, #1223): every new connection first reads the
//    array types; its promise is dropped, so a connection cut during that read is an
//    unhandledRejection, which ends a plain Node.js process (`npm run worker`). The
//    connection's own close handling already reconnects; the rejection only needs a handler.
//
// `npm run bench:database-faults` and lib/server/appointments/database-faults.int.test.ts fail
// without them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const MARKER = 'ikamet-patch'
const PATCHES = [
  {
    name: 'nextWrite guard',
    from: '  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)\n',
    to: `  function nextWrite(fn) {
    if (socket === null) { // ${MARKER}: the connection closed before this write
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      const gone = Errors.connection('CONNECTION_CLOSED', options)
      error(gone)
      fn && fn(gone)
      return false
    }
    const x = socket.write(chunk, fn)
`,
  },
  {
    name: 'fetchArrayTypes handler',
    from: '        return fetchArrayTypes()\n',
    to: `        return fetchArrayTypes().catch(() => {}) // ${MARKER}: closed() reconnects\n`,
  },
]

const root = path.join(import.meta.dirname, '..', 'node_modules', 'postgres')
for (const file of ['cjs/src/connection.js', 'src/connection.js']) {
  const target = path.join(root, file)
  if (!existsSync(target)) continue
  let source = readFileSync(target, 'utf8')
  for (const patch of PATCHES) {
    if (source.includes(patch.to)) continue
    if (!source.includes(patch.from)) {
      console.warn(`patch-postgres: ${file} changed; check whether the ${patch.name} is needed`)
      continue
    }
    source = source.replace(patch.from, patch.to)
    console.log(`patch-postgres: ${patch.name} in postgres/${file}`)
  }
  writeFileSync(target, source)
}
