-- Issue 15 (SECURITY.md PD-02..PD-05): identity numbers sealed in the application. SQL cannot
-- compute the keyed hashes, so this only adds the columns; `npm run db:seal-identity-numbers`
-- moves numbers stored before it out of form_data and holder_foreigner_id (run it once after
-- migrating, before the new version serves lookups).
ALTER TABLE "residence_permits" ADD COLUMN "holder_foreigner_id_sealed" text;--> statement-breakpoint
ALTER TABLE "residence_permits" ADD COLUMN "holder_foreigner_id_hash" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "passport_number_sealed" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "passport_number_hash" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "passport_tail_hash" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "foreigner_id_sealed" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "foreigner_id_hash" text;--> statement-breakpoint
CREATE INDEX "residence_permits_holder_foreigner_id_hash_idx" ON "residence_permits" USING btree ("holder_foreigner_id_hash");--> statement-breakpoint
CREATE INDEX "applications_passport_number_hash_idx" ON "applications" USING btree ("passport_number_hash");--> statement-breakpoint
CREATE INDEX "applications_foreigner_id_hash_idx" ON "applications" USING btree ("foreigner_id_hash");