import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth'
import { applications } from './applications'

// One uploaded file for one checklist item. The bytes live in object storage under
// `storage_key`, a key the server drew: the applicant's file name is never stored or used.
export const applicationDocuments = pgTable(
  'application_documents',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    checklistItem: text('checklist_item').notNull(),
    storageKey: text('storage_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    // Pages for a PDF, pixels for an image; the other pair stays empty.
    pageCount: integer('page_count'),
    width: integer('width'),
    height: integer('height'),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_documents_application_idx').on(t.applicationId, t.checklistItem)],
)
