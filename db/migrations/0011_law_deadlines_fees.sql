CREATE TYPE "public"."extension_route" AS ENUM('appointment', 'post', 'appointment_if_data_changed');--> statement-breakpoint
CREATE TYPE "public"."cancelling_party" AS ENUM('applicant', 'directorate');--> statement-breakpoint
ALTER TABLE "directorates" ADD COLUMN "extension_route" "extension_route" DEFAULT 'appointment' NOT NULL;--> statement-breakpoint
ALTER TABLE "permit_types" ADD COLUMN "permit_fee_exempt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "card_fee_kurus" integer;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "permit_fee_kurus" integer;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "documents_due_on" date;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancelled_by" "cancelling_party";--> statement-breakpoint
-- domain.md §4 (2018 announcement): fifteen provinces take extension documents by post;
-- İstanbul among them assigns a visit when personal data changed. The rest give a visit.
UPDATE "directorates" SET "extension_route" = 'post' WHERE "province_code" IN (1, 6, 7, 9, 16, 27, 33, 35, 38, 41, 48, 55, 59, 63);--> statement-breakpoint
UPDATE "directorates" SET "extension_route" = 'appointment_if_data_changed' WHERE "province_code" = 34;--> statement-breakpoint
-- Categories with no permit fee (domain.md §8): see db/seed/permit-data.ts for the source.
UPDATE "permit_types" SET "permit_fee_exempt" = true WHERE "code" IN ('student', 'humanitarian', 'trafficking_victim');--> statement-breakpoint
-- Cancellations made before this column: the directorate's are audited as such; the rest were
-- the applicant's own.
UPDATE "appointments" a SET "cancelled_by" = CASE WHEN EXISTS (SELECT 1 FROM "audit_events" e WHERE e."action" = 'appointment.cancelled_by_directorate' AND e."entity_type" = 'appointment' AND e."entity_id" = a."id"::text) THEN 'directorate'::"cancelling_party" ELSE 'applicant'::"cancelling_party" END WHERE a."status" = 'cancelled';
