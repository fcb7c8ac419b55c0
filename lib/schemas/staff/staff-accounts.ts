import { z } from 'zod'
import { isUuid } from '@/lib/domain/ids'
import { STAFF_ROLES, type StaffRole } from '@/lib/domain/staff-roles'
import { requiredText } from '../fields'
import { emailField } from '../sign-in'

// The staff account forms (issue 13). Messages are i18n keys; the change forms carry the role
// and state they showed, so a change made meanwhile is refused instead of overwritten (BL-08).

const userId = z.string({ error: 'validation:unexpected' }).min(1).max(100)
const role = z.enum(STAFF_ROLES, { error: 'staffadmin:errors.role' })
const wasRole = z.enum(STAFF_ROLES, { error: 'validation:unexpected' })
// Only the national admin's form has the field; an empty choice is "none".
const directorate = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.string().refine(isUuid, { error: 'staffadmin:errors.directorate' }).optional(),
)

export const createStaffMemberSchema = z.strictObject({
  email: emailField,
  displayName: requiredText(80),
  role,
  directorateId: directorate,
})
export type CreateStaffMemberInput = z.infer<typeof createStaffMemberSchema>

export const changeStaffRoleSchema = z.strictObject({
  userId,
  role,
  directorateId: directorate,
  wasRole,
})
export type ChangeStaffRoleInput = z.infer<typeof changeStaffRoleSchema>

export const setStaffActiveSchema = z.strictObject({
  userId,
  active: z
    .enum(['true', 'false'], { error: 'validation:unexpected' })
    .transform((v) => v === 'true'),
  wasRole,
})
export type SetStaffActiveInput = z.infer<typeof setStaffActiveSchema>

/** One staff account as the manager's pages show it. */
export type StaffAccountRow = {
  userId: string
  email: string
  displayName: string
  role: StaffRole
  directorateId: string | null
  directorateName: string | null
  active: boolean
}
