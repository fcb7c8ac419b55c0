import 'server-only'
import { eq } from 'drizzle-orm'
import { residencePermits } from '@/db/schema'
import { POST_OFFICE_HOLD_DAYS } from '@/lib/domain/casework/deadlines'
import { pgCode } from '../transaction'
import { Refused } from '../errors'
import { changeCase, type CaseChangeInput } from './change-case'

// The card after approval (domain.md §5): printed (its serial recorded, which lets a holder
// claim the permit later), handed to PTT with a tracking number, delivered; or after 10 days
// unclaimed at the post office, back at the directorate for collection.

const permitOf = (applicationId: string) => eq(residencePermits.applicationId, applicationId)

export async function recordCardPrinting(input: CaseChangeInput & { cardSerial: string }) {
  try {
    return await changeCase('card_printing', input, async (tx, row) => {
      await tx
        .update(residencePermits)
        .set({ cardSerial: input.cardSerial })
        .where(permitOf(row.id))
      return {
        to: 'card_printing',
        audit: { cardSerial: input.cardSerial },
        mail: { key: 'cardPrinting' },
      }
    })
  } catch (error) {
    // Serials are unique: the same one twice is a typing mistake.
    if (pgCode(error) === '23505') throw new Refused('serial_taken', { namespace: 'casework' })
    throw error
  }
}

export function recordHandedToPost(input: CaseChangeInput & { trackingNumber: string }) {
  return changeCase('handed_to_post', input, async (tx, row) => {
    await tx
      .update(residencePermits)
      .set({ postTrackingNumber: input.trackingNumber })
      .where(permitOf(row.id))
    return {
      to: 'handed_to_post',
      event: { details: { trackingNumber: input.trackingNumber } },
      mail: { key: 'handedToPost', values: { trackingNumber: input.trackingNumber } },
    }
  })
}

export function recordReturned(input: CaseChangeInput) {
  return changeCase('returned', input, async () => ({
    to: 'returned_to_directorate',
    mail: { key: 'returned', values: { days: String(POST_OFFICE_HOLD_DAYS) } },
  }))
}

export function recordDelivered(input: CaseChangeInput) {
  return changeCase('delivered', input, async () => ({
    to: 'delivered',
    mail: { key: 'delivered' },
  }))
}
