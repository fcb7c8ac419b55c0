import 'server-only'
// `npm run worker`: a separate delivery process for deployments on PostgreSQL.
import { startScheduledJobs } from '../jobs/scheduled-jobs'
import { startSmsWorker } from '../sms/sms-worker'
import { startOutboxWorker } from './outbox-worker'

if (startSmsWorker()) console.log('outbox worker: delivering SMS')
if (!startOutboxWorker()) {
  console.error('Set SMTP_URL (for example smtp://user:pass@mail.example.org:587) to deliver mail.')
  process.exit(1)
}
startScheduledJobs()
console.log('outbox worker: delivering mail, sending reminders')
setInterval(() => {}, 1 << 30)
