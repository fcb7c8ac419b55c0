'use server'
import { redirect } from 'next/navigation'
import { paths } from '@/lib/paths'
import type { FormState } from '@/lib/schemas/form-state'
import {
  changeStaffRoleSchema,
  createStaffMemberSchema,
  setStaffActiveSchema,
} from '@/lib/schemas/staff/staff-accounts'
import { formContextSchema, runFormAction } from '@/lib/server/entry/form-action'
import { changeStaffRole, setStaffActive } from '@/lib/server/staff/change-staff-member'
import { createStaffMember } from '@/lib/server/staff/create-staff-member'

// Staff accounts (issue 13): each form runs one data-access call; success goes back to the
// page with a known ?done= code.

export async function createStaffMemberAction(
  ctx: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: formContextSchema,
      input: createStaffMemberSchema,
      run: createStaffMember,
      done: (_id, c) => redirect(`${paths.staffAccounts(c.locale)}?done=created`),
    },
    ctx,
    formData,
  )
}

export async function changeStaffRoleAction(
  ctx: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: formContextSchema,
      input: changeStaffRoleSchema,
      run: changeStaffRole,
      done: (_r, c, input) =>
        redirect(`${paths.staffAccount(c.locale, input.userId)}?done=role_changed`),
    },
    ctx,
    formData,
  )
}

export async function setStaffActiveAction(
  ctx: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: formContextSchema,
      input: setStaffActiveSchema,
      run: setStaffActive,
      done: (_r, c, input) =>
        redirect(
          `${paths.staffAccount(c.locale, input.userId)}?done=${input.active ? 'reactivated' : 'deactivated'}`,
        ),
    },
    ctx,
    formData,
  )
}
