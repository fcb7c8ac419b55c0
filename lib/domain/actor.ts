import type { StaffRole } from './staff-roles'

// `secondFactorPending`: staff signed in with the e-mailed code whose session has not yet
// passed the second factor (SECURITY.md SF-01). They count as signed out everywhere.
export type AnonymousActor = { kind: 'anonymous'; secondFactorPending?: true }
export type ApplicantActor = { kind: 'applicant'; userId: string; email: string }
export type StaffActor = {
  kind: 'staff'
  userId: string
  email: string
  role: StaffRole
  directorateId: string | null
}
export type Actor = AnonymousActor | ApplicantActor | StaffActor
