import 'server-only'
// `npm run worker`: a separate delivery process for deployments on PostgreSQL.
import { startOutboxWorker } from './outbox-worker'

if (!startOutboxWorker()) {
  console.error('Set SMTP_URL (for example smtp://user:pass@mail.example.org:587) to deliver mail.')
  process.exit(1)
}
console.log('outbox worker: delivering mail')
setInterval(() => {}, 1 << 30)
