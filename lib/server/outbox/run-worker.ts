import 'server-only'
// `npm run worker`: a separate delivery process for deployments on PostgreSQL.
import { startScheduledJobs } from '../jobs/scheduled-jobs'
import { startOutboxWorker } from './outbox-worker'

const channels = startOutboxWorker()
// A worker with nothing to deliver would only hide a missing setting.
if (channels.length === 0) {
  console.error('Set SMTP_URL (for example smtp://user:pass@mail.example.org:587) to deliver mail,')
  console.error('and SMS_GATEWAY_URL to send text messages.')
  process.exit(1)
}
startScheduledJobs()
const names = channels.map((c) => (c === 'email' ? 'mail' : 'SMS'))
console.log(`outbox worker: delivering ${names.join(' and ')}, sending reminders`)
setInterval(() => {}, 1 << 30)
