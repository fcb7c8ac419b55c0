CREATE TYPE "public"."decision_proposal_kind" AS ENUM('refuse', 'approve');--> statement-breakpoint
CREATE TYPE "public"."decision_proposal_outcome" AS ENUM('confirmed', 'rejected');--> statement-breakpoint
ALTER TYPE "public"."application_status" ADD VALUE 'not_processed' BEFORE 'withdrawn';--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"author_user_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "decision_proposal_kind" NOT NULL,
	"payload" jsonb NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"application_version" integer NOT NULL,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"outcome" "decision_proposal_outcome"
);
--> statement-breakpoint
CREATE TABLE "document_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"lapsed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "residence_permits" ALTER COLUMN "holder_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "directorates" ADD COLUMN "four_eyes_refusals" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "directorates" ADD COLUMN "four_eyes_long_term" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "directorates" ADD COLUMN "long_term_decision_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "residence_permits" ADD COLUMN "application_id" uuid;--> statement-breakpoint
ALTER TABLE "residence_permits" ADD COLUMN "card_serial" text;--> statement-breakpoint
ALTER TABLE "residence_permits" ADD COLUMN "post_tracking_number" text;--> statement-breakpoint
ALTER TABLE "residence_permits" ADD COLUMN "holder_foreigner_id" text;--> statement-breakpoint
ALTER TABLE "residence_permits" ADD COLUMN "holder_birth_date" date;--> statement-breakpoint
ALTER TABLE "application_events" ADD COLUMN "details" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "assigned_to_user_id" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "fees_paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "documents_received_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "decision_due_on" date;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_proposals" ADD CONSTRAINT "decision_proposals_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_proposals" ADD CONSTRAINT "decision_proposals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_proposals" ADD CONSTRAINT "decision_proposals_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_requests" ADD CONSTRAINT "document_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_requests" ADD CONSTRAINT "document_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_notes_application_idx" ON "case_notes" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_proposals_open_idx" ON "decision_proposals" USING btree ("application_id") WHERE "decision_proposals"."resolved_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "document_requests_open_idx" ON "document_requests" USING btree ("application_id") WHERE "document_requests"."answered_at" is null and "document_requests"."lapsed_at" is null;--> statement-breakpoint
CREATE INDEX "document_requests_due_idx" ON "document_requests" USING btree ("due_at") WHERE "document_requests"."answered_at" is null and "document_requests"."lapsed_at" is null;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_assigned_to_user_id_users_id_fk" FOREIGN KEY ("assigned_to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_queue_submitted_idx" ON "applications" USING btree ("directorate_id","submitted_at","id");--> statement-breakpoint
CREATE INDEX "applications_queue_due_idx" ON "applications" USING btree ("directorate_id","decision_due_on","id");--> statement-breakpoint
ALTER TABLE "residence_permits" ADD CONSTRAINT "residence_permits_application_id_unique" UNIQUE("application_id");--> statement-breakpoint
ALTER TABLE "residence_permits" ADD CONSTRAINT "residence_permits_card_serial_unique" UNIQUE("card_serial");--> statement-breakpoint
-- Long-term decisions may take 180 days in İstanbul (34) and Antalya (7) (domain.md §4).
UPDATE "directorates" SET "long_term_decision_days" = 180 WHERE "province_code" IN (34, 7);
