import { z } from 'zod'

/**
 * The answers of task forms as posted: text fields, a repeated one arriving as a list whose
 * last value counts. Only the shape: each task checks its own answers in the data layer with
 * the schemas of this folder (the applicant's task forms and a walk-in registered by staff).
 */
export const typedAnswersSchema = z
  .record(z.string(), z.union([z.string(), z.array(z.string())]))
  .transform((fields) =>
    Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? (v.at(-1) ?? '') : v]),
    ),
  )
