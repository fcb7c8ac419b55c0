import type { SectionKey } from './sections'
import { SECTION_KEYS, SECTION_SCHEMAS } from './sections'

export type TaskState = 'not_started' | 'in_progress' | 'completed'
export type TaskRow = { key: SectionKey; state: TaskState }

/**
 * A task is completed when its saved answers pass the full schema, in progress when something
 * is saved but not yet everything, and not started otherwise.
 */
export function taskStates(formData: Record<string, unknown>): TaskRow[] {
  return SECTION_KEYS.map((key) => {
    const saved = formData[key]
    if (!saved || typeof saved !== 'object' || Object.keys(saved).length === 0)
      return { key, state: 'not_started' }
    const complete = SECTION_SCHEMAS[key].safeParse(
      toFormStrings(saved as Record<string, unknown>),
    ).success
    return { key, state: complete ? 'completed' : 'in_progress' }
  })
}

export function allTasksComplete(formData: Record<string, unknown>): boolean {
  return taskStates(formData).every((t) => t.state === 'completed')
}

/** Stored values back to the strings a form would send, so one schema checks both. */
export function toFormStrings(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => [k, String(v)]),
  )
}
