// The ceiling for bench/status-lookup.ts: a bare Node `http` server with postgres.js that runs
// the app's own status-lookup statement (limiter writes included) for each POST, without
// Next.js, zod, translations or the error model. Started by the bench as its own process, as
// `next start` is, so both servers get the same machine.
//   PORT=… DATABASE_URL=… AUTH_SECRET=… tsx --tsconfig tsconfig.scripts.json bench/support/status-lookup-ceiling.ts
import { createHmac } from 'node:crypto'
import http from 'node:http'
import { PgDialect } from 'drizzle-orm/pg-core'
import postgres from 'postgres'
import { statusLookupStatement } from '../../lib/server/applications/status-lookup-statement'

type Body = {
  reference: string
  passportNumber?: string
  foreignerIdNumber?: string
  dateOfBirth: string
}

const secret = process.env.AUTH_SECRET ?? ''
const sql = postgres(process.env.DATABASE_URL ?? '', {
  max: Number(process.env.DATABASE_POOL_MAX ?? 20),
  onnotice: () => {},
})
const dialect = new PgDialect()
const subject = (kind: string, value: string) =>
  createHmac('sha256', secret).update(`${kind}:${value}`).digest('base64url')

async function answer(raw: string, address: string): Promise<[number, string]> {
  const body = JSON.parse(raw) as Body
  const input = {
    reference: body.reference,
    dateOfBirth: body.dateOfBirth,
    document: body.passportNumber
      ? { kind: 'passport' as const, number: body.passportNumber }
      : { kind: 'foreigner_id' as const, number: body.foreignerIdNumber ?? '' },
  }
  const query = dialect.sqlToQuery(
    statusLookupStatement(input, {
      address: subject('address', address),
      reference: subject('reference', input.reference),
    }),
  )
  const [row] = await sql.unsafe(query.sql, query.params as postgres.ParameterOrJSON<never>[], {
    prepare: true,
  })
  if (row?.address_over || row?.reference_over) return [429, '{"error":{"code":"rate_limited"}}']
  if (!row?.status) return [404, '{"error":{"code":"not_found"}}']
  return [200, JSON.stringify({ reference: input.reference, status: row.status })]
}

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    const forwarded = String(request.headers['x-forwarded-for'] ?? '')
    answer(Buffer.concat(chunks).toString('utf8'), forwarded.split(',').at(-1)?.trim() ?? '')
      .then(([status, text]) => {
        response.writeHead(status, { 'content-type': 'application/json' })
        response.end(text)
      })
      .catch(() => {
        response.writeHead(500)
        response.end()
      })
  })
})
server.listen(Number(process.env.PORT), '127.0.0.1')
process.on('SIGTERM', () => {
  server.close()
  void sql.end({ timeout: 1 }).then(() => process.exit(0))
})
