// The end-to-end run gets its own database next to the one in DATABASE_URL, dropped and
// recreated each run, so results never depend on leftovers.
export function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL
  const base = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/ikamet')
  base.pathname = `${base.pathname.replace(/\/$/, '') || '/ikamet'}_e2e`
  return base.toString()
}
