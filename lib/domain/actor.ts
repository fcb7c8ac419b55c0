import type { StaffRole } from './staff-roles'

export type AnonymousActor = { kind: 'anonymous' }
export type ApplicantActor = { kind: 'applicant'; userId: string; email: string }
export type StaffActor = {
  kind: 'staff'
  userId: string
  email: string
  role: StaffRole
  directorateId: string | null
}
export type Actor = AnonymousActor | ApplicantActor | StaffActor
