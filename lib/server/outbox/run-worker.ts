import 'server-only'
// `npm run worker`: a separate delivery process for deployments on PostgreSQL.
import { startScheduledJobs } from '../jobs/scheduled-jobs'
import { startSmsWorker } from '../sms/sms-worker'
import { startOutboxWorker } from './outbox-worker'

const sms = startSmsWorker()
const mail = startOutboxWorker()
// A worker with nothing to deliver would only hide a missing setting.
if (!sms && !mail) {
  console.error('Set SMTP_URL (for example smtp://user:pass@mail.example.org:587) to deliver mail,')
  console.error('and SMS_GATEWAY_URL to send text messages.')
  process.exit(1)
}
startScheduledJobs()
console.log(
  `outbox worker: delivering ${[mail && 'mail', sms && 'SMS'].filter(Boolean).join(' and ')}, sending reminders`,
)
setInterval(() => {}, 1 << 30)
