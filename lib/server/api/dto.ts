import 'server-only'
import type { z } from 'zod'
import type {
  applicationDetailSchema,
  applicationSummarySchema,
  permitSchema,
} from '@/lib/schemas/api/responses'
import { taskStates } from '@/lib/schemas/application/task-list'
import type { MyApplication } from '../applications/my-application'
import { taskContextFor } from '../applications/permit-period'
import type { MyApplicationRow } from '../applications/my-applications'
import type { MyPermit } from '../permits/list-my-permits'

// The API's answers: an explicit list of fields each, typed by the response schemas that the
// OpenAPI document is generated from.

export function applicationSummaryDto(
  row: MyApplicationRow,
): z.input<typeof applicationSummarySchema> {
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    permitTypeCode: row.permitTypeCode,
    status: row.status,
    updatedAt: row.updatedAt.toISOString(),
  }
}

export function applicationDetailDto(app: MyApplication): z.input<typeof applicationDetailSchema> {
  return {
    id: app.id,
    reference: app.reference,
    kind: app.kind,
    permitTypeCode: app.permitTypeCode,
    purposeCode: app.purposeCode,
    status: app.status,
    updatedAt: app.updatedAt.toISOString(),
    formData: app.formData,
    // Only the tasks this application has: the sponsor task only for a family permit.
    tasks: taskStates(app.formData, taskContextFor(app)),
    feeTotalKurus: app.feeTotalKurus,
    cardFeeKurus: app.cardFeeKurus,
    permitFeeKurus: app.permitFeeKurus,
    documentsDueOn: app.documentsDueOn,
    requestedMonths: app.requestedMonths,
    provinceName: app.provinceName,
    directorateName: app.directorateName,
    basedOnPermitValidUntil: app.basedOnPermitValidUntil,
    submittedAt: app.submittedAt?.toISOString() ?? null,
  }
}

export function permitDto(permit: MyPermit): z.input<typeof permitSchema> {
  return {
    id: permit.id,
    permitTypeCode: permit.permitTypeCode,
    purposeCode: permit.purposeCode,
    documentNumber: permit.documentNumber,
    validFrom: permit.validFrom,
    validUntil: permit.validUntil,
    cardState: permit.cardState,
    postTrackingNumber: permit.postTrackingNumber,
    extension: permit.extension,
    changeType: permit.changeType,
  }
}
