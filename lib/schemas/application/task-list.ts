import { compareIsoDates, type IsoDate } from '@/lib/domain/permits/dates'
import { requestedEndDate } from '@/lib/domain/permits/timing'
import type { SectionKey } from './sections'
import { sectionSchemaFor, sectionsFor } from './sections'
import { sponsorPermitLimit } from './sponsor'

export type TaskState = 'not_started' | 'in_progress' | 'completed'
export type TaskRow = { key: SectionKey; state: TaskState }

/**
 * What the task list needs besides the answers: the permit type decides which tasks there
 * are, and the day the permit would start decides where a requested period ends.
 */
export type TaskContext = { permitTypeCode: string; permitStartDate: IsoDate }

/** Field → i18n key, per task, for rules that need answers from more than one task. */
export type TaskProblems = Partial<Record<SectionKey, Record<string, string>>>

/**
 * Answers that are each right but do not fit together. A family permit may not end after the
 * foreign sponsor's own permit (art. 35, the family branch of `checkRequestedMonths`, which
 * the server runs when saving and sending). The sponsor can be saved after the period, so the
 * clash is reported on the period: that is the answer to change.
 */
export function taskProblems(
  formData: Record<string, unknown>,
  context: TaskContext,
): TaskProblems {
  if (context.permitTypeCode !== 'family') return {}
  const limit = sponsorPermitLimit(formData)
  const months = Number((formData.permit as Record<string, unknown> | undefined)?.requestedMonths)
  // Three digits at most, as the period field takes them; anything else is not a period yet.
  if (!limit || !Number.isSafeInteger(months) || months < 1 || months > 999) return {}
  if (compareIsoDates(requestedEndDate(context.permitStartDate, months), limit) <= 0) return {}
  return { permit: { requestedMonths: 'validation:months.family_beyond_sponsor' } }
}

/**
 * A task is completed when its saved answers pass the full schema and clash with no other
 * task, in progress when something is saved but not yet everything, and not started otherwise.
 */
export function taskStates(formData: Record<string, unknown>, context: TaskContext): TaskRow[] {
  const problems = taskProblems(formData, context)
  return sectionsFor(context.permitTypeCode).map((key) => {
    const saved = formData[key]
    if (!saved || typeof saved !== 'object' || Object.keys(saved).length === 0)
      return { key, state: 'not_started' }
    const complete =
      !problems[key] &&
      sectionSchemaFor(key, context.permitTypeCode).safeParse(
        toFormStrings(saved as Record<string, unknown>),
      ).success
    return { key, state: complete ? 'completed' : 'in_progress' }
  })
}

export function allTasksComplete(formData: Record<string, unknown>, context: TaskContext): boolean {
  return taskStates(formData, context).every((t) => t.state === 'completed')
}

/** Stored values back to the strings a form would send, so one schema checks both. */
export function toFormStrings(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  )
}
