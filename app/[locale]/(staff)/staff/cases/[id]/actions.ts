'use server'
import type { FormState } from '@/lib/schemas/form-state'
import * as forms from '@/lib/schemas/casework/case-actions'
import { approveCase } from '@/lib/server/casework/approve-case'
import { addCaseNote } from '@/lib/server/casework/add-case-note'
import { assignCase, claimCase, releaseCase } from '@/lib/server/casework/assign-case'
import * as card from '@/lib/server/casework/card-steps'
import { closeCase, markNotProcessed } from '@/lib/server/casework/close-case'
import { runCaseForm } from '@/lib/server/casework/case-form'
import { recordCounterPayment } from '@/lib/server/casework/record-payment'
import { recordReceipt } from '@/lib/server/casework/record-receipt'
import { refuseCase } from '@/lib/server/casework/refuse-case'
import { requestDocuments } from '@/lib/server/casework/request-documents'
import { resolveProposal } from '@/lib/server/casework/resolve-proposal'

// The forms of the case page: each parses its input, runs one data-access call and reloads
// the page (lib/server/casework/case-form.ts). `ctx` is bound by the page.

export type Action = (ctx: unknown, state: FormState, formData: FormData) => Promise<FormState>
const v = (input: { version: number }, applicationId: string) => ({
  applicationId,
  expectedVersion: input.version,
})

export const claimAction: Action = async (ctx, _s, fd) =>
  runCaseForm('claim', forms.claimSchema, (i, id) => claimCase(v(i, id)), ctx, fd)
export const releaseAction: Action = async (ctx, _s, fd) =>
  runCaseForm('release', forms.versionOnlySchema, (i, id) => releaseCase(v(i, id)), ctx, fd)
export const assignAction: Action = async (ctx, _s, fd) =>
  runCaseForm(
    'assign',
    forms.assignSchema,
    (i, id) => assignCase({ ...v(i, id), assignee: i.assignee }),
    ctx,
    fd,
  )
export const noteAction: Action = async (ctx, _s, fd) =>
  runCaseForm(
    'note',
    forms.noteSchema,
    (i, id) => addCaseNote({ applicationId: id, body: i.body }),
    ctx,
    fd,
  )
export const receiptAction: Action = async (ctx, _s, fd) =>
  runCaseForm('receipt', forms.receiptSchema, (i, id) => recordReceipt(v(i, id)), ctx, fd)
export const recordPaymentAction: Action = async (ctx, _s, fd) =>
  runCaseForm(
    'payment',
    forms.recordPaymentSchema,
    (i, id) =>
      recordCounterPayment({ ...v(i, id), receiptNumber: i.receiptNumber, amountKurus: i.amount }),
    ctx,
    fd,
  )
export const requestDocumentsAction: Action = async (ctx, _s, fd) =>
  runCaseForm(
    'request',
    forms.requestDocumentsSchema,
    (i, id) => requestDocuments({ ...v(i, id), items: i.items, message: i.message }),
    ctx,
    fd,
  )
export const approveAction: Action = async (ctx, _s, fd) =>
  runCaseForm(
    'approve',
    forms.approveSchema,
    (i, id) => approveCase({ ...v(i, id), validFrom: i.validFrom, validUntil: i.validUntil }),
    ctx,
    fd,
  )
export const refuseAction: Action = async (ctx, _s, fd) =>
  runCaseForm(
    'refuse',
    forms.refuseSchema,
    (i, id) => refuseCase({ ...v(i, id), legalBasis: i.legalBasis, reason: i.reason }),
    ctx,
    fd,
  )
export const proposalAction: Action = async (ctx, _s, fd) =>
  runCaseForm(
    'proposal',
    forms.proposalDecisionSchema,
    (i, id) => resolveProposal({ ...v(i, id), outcome: i.outcome }),
    ctx,
    fd,
  )
export const notProcessedAction: Action = async (ctx, _s, fd) =>
  runCaseForm(
    'not_processed',
    forms.notProcessedSchema,
    (i, id) => markNotProcessed({ ...v(i, id), reason: i.reason }),
    ctx,
    fd,
  )
export const closeAction: Action = async (ctx, _s, fd) =>
  runCaseForm(
    'close',
    forms.closeSchema,
    (i, id) => closeCase({ ...v(i, id), reason: i.reason, note: i.note }),
    ctx,
    fd,
  )
export const cardPrintingAction: Action = async (ctx, _s, fd) =>
  runCaseForm(
    'card_printing',
    forms.cardPrintingSchema,
    (i, id) => card.recordCardPrinting({ ...v(i, id), cardSerial: i.cardSerial }),
    ctx,
    fd,
  )
export const handedToPostAction: Action = async (ctx, _s, fd) =>
  runCaseForm(
    'handed_to_post',
    forms.handedToPostSchema,
    (i, id) => card.recordHandedToPost({ ...v(i, id), trackingNumber: i.trackingNumber }),
    ctx,
    fd,
  )
export const returnedAction: Action = async (ctx, _s, fd) =>
  runCaseForm(
    'returned',
    forms.versionOnlySchema,
    (i, id) => card.recordReturned(v(i, id)),
    ctx,
    fd,
  )
export const deliveredAction: Action = async (ctx, _s, fd) =>
  runCaseForm(
    'delivered',
    forms.versionOnlySchema,
    (i, id) => card.recordDelivered(v(i, id)),
    ctx,
    fd,
  )
