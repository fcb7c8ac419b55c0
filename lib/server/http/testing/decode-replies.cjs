// Runs React's own server decoder (as Next.js does, under the react-server condition) over
// the bodies given as a JSON array on stdin, and prints which ones it failed on.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script run under the react-server condition
const server = require('next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-server.node.production.js')

async function decodes(body) {
  // decodeReply answers React's own thenable, not a Promise: wrap it to chain on it.
  const settled = Promise.resolve()
    .then(() =>
      server.decodeReply(body, {}, { temporaryReferences: server.createTemporaryReferenceSet() }),
    )
    .then(
      () => true,
      () => false,
    )
  // A reply waiting for a part that never comes is a failure too.
  const timeout = new Promise((resolve) => setTimeout(() => resolve(false), 1000))
  return Promise.race([settled, timeout])
}

let input = ''
process.stdin.on('data', (chunk) => (input += chunk))
process.stdin.on('end', async () => {
  const results = await Promise.all(JSON.parse(input).map(decodes))
  process.stdout.write(JSON.stringify(results))
  process.exit(0)
})
