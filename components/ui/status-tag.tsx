import { whoActsNext, type ApplicationStatus } from '@/lib/domain/application-status'

export function StatusTag({ status, label }: { status: ApplicationStatus; label: string }) {
  const holder = whoActsNext(status)
  const modifier =
    holder === 'applicant' ? ' tag--applicant' : holder === 'nobody' ? ' tag--nobody' : ''
  return <strong className={`tag${modifier}`}>{label}</strong>
}
