export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // A production start without the field keys stops here, naming them (SECURITY.md PD-04).
    const { fieldKeys } = await import('./lib/server/env')
    fieldKeys()
    const { startOutboxWorker } = await import('./lib/server/outbox/outbox-worker')
    const { warmUpDatabase } = await import('./lib/server/health')
    const { startScheduledJobs } = await import('./lib/server/jobs/scheduled-jobs')
    startOutboxWorker()
    startScheduledJobs()
    // The embedded database migrates and seeds on first open; do it before the first visitor.
    void warmUpDatabase()
  }
}
