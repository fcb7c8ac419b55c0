DROP INDEX "outbox_pending_idx";--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox_messages" USING btree ("channel","created_at") WHERE "outbox_messages"."status" = 'pending';