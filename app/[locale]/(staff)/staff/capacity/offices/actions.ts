'use server'
import { redirect } from 'next/navigation'
import { paths } from '@/lib/paths'
import type { FormState } from '@/lib/schemas/form-state'
import {
  addCounterSchema,
  changeOfficeSchema,
  createOfficeSchema,
  openingHoursSchema,
  setCounterActiveSchema,
} from '@/lib/schemas/staff/offices'
import { formContextSchema, runFormAction, type FormContext } from '@/lib/server/entry/form-action'
import { changeOffice, createOffice } from '@/lib/server/staff/change-office'
import { addCounter, setCounterActive } from '@/lib/server/staff/office-counters'
import { setOpeningHours } from '@/lib/server/staff/opening-hours'

// Office forms (issue 13). Every change answers with the day it counts from (?from=), which
// the page shows in the person's date format.

const back = (c: FormContext, officeId: string, done: string, from: string): never =>
  redirect(`${paths.staffOffice(c.locale, officeId)}?${new URLSearchParams({ done, from })}`)

export async function createOfficeAction(
  ctx: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: formContextSchema,
      input: createOfficeSchema,
      run: createOffice,
      done: (id, c) => redirect(`${paths.staffOffice(c.locale, id)}?done=created`),
    },
    ctx,
    formData,
  )
}

export async function changeOfficeAction(
  ctx: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: formContextSchema,
      input: changeOfficeSchema,
      run: changeOffice,
      done: (from, c, input) => back(c, input.officeId, 'changed', from),
    },
    ctx,
    formData,
  )
}

export async function addCounterAction(
  ctx: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: formContextSchema,
      input: addCounterSchema,
      run: addCounter,
      done: (from, c, input) => back(c, input.officeId, 'counter_added', from),
    },
    ctx,
    formData,
  )
}

export async function setCounterActiveAction(
  ctx: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: formContextSchema,
      input: setCounterActiveSchema,
      run: setCounterActive,
      done: (from, c, input) =>
        back(c, input.officeId, input.active ? 'counter_opened' : 'counter_closed', from),
    },
    ctx,
    formData,
  )
}

export async function setOpeningHoursAction(
  ctx: unknown,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runFormAction(
    {
      context: formContextSchema,
      input: openingHoursSchema,
      run: setOpeningHours,
      done: (from, c, input) => back(c, input.officeId, 'hours_changed', from),
    },
    ctx,
    formData,
  )
}
