import { z } from 'zod'
import { APPLICATION_KINDS, APPLICATION_STATUSES } from '@/lib/domain/application-status'
import { CARD_STATES } from '@/lib/domain/permits/permit-entries'
import { SECTION_KEYS } from '../application/sections'

// What the JSON API (/api/v1) answers. The OpenAPI document is generated from these, and the
// integration tests parse real answers with them, so the description cannot drift.

const timestamp = z.iso.datetime({ offset: true })
const isoDay = z.iso.date()

export const apiErrorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string().meta({ description: 'Stable, machine-readable reason, e.g. not_found' }),
    message: z.string().meta({ description: 'The reason in the language of Accept-Language' }),
    fields: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: 'Field name → translated problem with that field' }),
    details: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: 'Values behind the reason, e.g. the date a window opens' }),
  }),
})
export type ApiErrorBody = z.infer<typeof apiErrorSchema>

export const applicationSummarySchema = z.strictObject({
  id: z.uuid(),
  reference: z.string(),
  kind: z.enum(APPLICATION_KINDS),
  permitTypeCode: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  updatedAt: timestamp,
})

export const applicationListSchema = z.strictObject({
  applications: z.array(applicationSummarySchema),
})

export const taskSchema = z.strictObject({
  key: z
    .enum(SECTION_KEYS)
    .meta({ description: 'Only the tasks this application has: `sponsor` for family permits' }),
  state: z.enum(['not_started', 'in_progress', 'completed']),
})

export const applicationDetailSchema = applicationSummarySchema.extend({
  purposeCode: z.string().nullable(),
  formData: z
    .record(z.string(), z.unknown())
    .meta({ description: 'Saved answers per section, as stored (normalised values)' }),
  tasks: z.array(taskSchema),
  feeTotalKurus: z.int().nullable(),
  cardFeeKurus: z.int().nullable().meta({ description: 'Card fee, paid apart (bank code 9207)' }),
  permitFeeKurus: z
    .int()
    .nullable()
    .meta({ description: 'Permit fee, paid apart (bank code 9233); 0 when exempt' }),
  documentsDueOn: isoDay
    .nullable()
    .meta({ description: 'Extension sent by post: the last day to post the documents' }),
  requestedMonths: z.int().nullable(),
  provinceName: z.string().nullable(),
  directorateName: z.string().nullable(),
  basedOnPermitValidUntil: isoDay.nullable(),
  submittedAt: timestamp.nullable(),
})

export const applicationStartedSchema = z.strictObject({ id: z.uuid() })

export const applicationSubmittedSchema = z.strictObject({
  id: z.uuid(),
  reference: z.string(),
})

export const sectionSavedSchema = z.strictObject({ saved: z.literal(true) })

export const permitSchema = z.strictObject({
  id: z.uuid(),
  permitTypeCode: z.string(),
  purposeCode: z.string().nullable(),
  documentNumber: z.string(),
  validFrom: isoDay,
  validUntil: isoDay,
  cardState: z.enum(CARD_STATES).meta({
    description:
      'Where the card is: in_production, printing, with_post (see postTrackingNumber), delivered, at_directorate (collect it there), issued (a permit from before the portal)',
  }),
  postTrackingNumber: z.string().nullable().meta({ description: 'PTT tracking, while with_post' }),
  extension: z
    .discriminatedUnion('state', [
      z.strictObject({ state: z.literal('open') }),
      z.strictObject({ state: z.literal('not_yet'), opensOn: isoDay }),
      z.strictObject({ state: z.literal('expired') }),
      z.strictObject({ state: z.literal('long_term_not_extended') }),
      z.strictObject({ state: z.literal('not_self_service') }),
    ])
    .meta({
      description:
        'Whether an extension can be started today; it opens 60 days before expiry. A long-term permit is indefinite and never extended; humanitarian and trafficking-victim permits are renewed by the directorate (not_self_service).',
    }),
  changeType: z.boolean().meta({ description: 'A change of permit type can be started today' }),
})

export const permitListSchema = z.strictObject({ permits: z.array(permitSchema) })

export const permitClaimedSchema = z.strictObject({ permitId: z.uuid() })

export const uploadedDocumentSchema = z.strictObject({
  id: z.uuid(),
  checklistItem: z.string().meta({ description: 'The checklist item the file is for' }),
  contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
  sizeBytes: z.int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pageCount: z.int().nullable().meta({ description: 'Pages of a PDF; null for an image' }),
  width: z.int().nullable().meta({ description: 'Pixels of an image; null for a PDF' }),
  height: z.int().nullable(),
})
