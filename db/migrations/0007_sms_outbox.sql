ALTER TABLE "outbox_messages" ADD COLUMN "provider_id" text;--> statement-breakpoint
ALTER TABLE "document_requests" ADD COLUMN "deadline_reminded_at" timestamp with time zone;