import { z } from 'zod'
import { APPLICATION_KINDS, APPLICATION_STATUSES } from '@/lib/domain/application-status'

// What the staff work-queue endpoint answers: the same object the page renders.

export const queueRowSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(APPLICATION_KINDS),
  permitTypeCode: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  applicantName: z.string(),
  nationality: z.string().nullable(),
  submittedAt: z.string().nullable().meta({ description: 'YYYY-MM-DD, Türkiye time' }),
  decisionDueOn: z.string().nullable().meta({ description: 'Last day of the decision period' }),
  requestDueAt: z
    .string()
    .nullable()
    .meta({ description: 'Due day of an open missing-documents request' }),
  assignedToName: z.string().nullable(),
  assignedToMe: z.boolean(),
})

export const queuePageSchema = z.object({
  rows: z.array(queueRowSchema),
  nextCursor: z.string().nullable(),
  counts: z.partialRecord(z.enum(APPLICATION_STATUSES), z.number().int()),
  total: z.number().int(),
})
