import postgres from 'postgres'
import { e2eDatabaseUrl } from './database-url'

let sql: postgres.Sql | undefined

/** One small pool on the e2e database for the helpers that arrange or read rows directly. */
export const e2eDb = () => (sql ??= postgres(e2eDatabaseUrl(), { max: 2, onnotice: () => {} }))
