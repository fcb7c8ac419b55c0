ALTER TABLE "permit_types" ADD COLUMN "first_grant_days" integer;--> statement-breakpoint
ALTER TABLE "permit_types" ADD COLUMN "max_total_months" integer;--> statement-breakpoint
ALTER TABLE "permit_types" ADD COLUMN "needs_legal_review" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "permit_types" ADD COLUMN "legal_review_source" text;--> statement-breakpoint
ALTER TABLE "short_term_purposes" ADD COLUMN "max_grants" integer;--> statement-breakpoint
ALTER TABLE "short_term_purposes" ADD COLUMN "graduation_window_months" integer;--> statement-breakpoint
ALTER TABLE "short_term_purposes" ADD COLUMN "legal_review_source" text;--> statement-breakpoint
UPDATE "permit_types" SET "needs_legal_review" = true, "legal_review_source" = 'domain.md §3 and §13: 3 years in current sources, 2 years in older texts; amendment date unconfirmed [U] (yabancilar.org, ozansoylu.av.tr)' WHERE "code" = 'family';--> statement-breakpoint
UPDATE "permit_types" SET "max_months_per_grant" = 72 WHERE "code" = 'student' AND "max_months_per_grant" IS NULL;--> statement-breakpoint
UPDATE "permit_types" SET "first_grant_days" = 30, "max_total_months" = 36 WHERE "code" = 'trafficking_victim';--> statement-breakpoint
UPDATE "short_term_purposes" SET "max_grants" = 2, "needs_legal_review" = true, "legal_review_source" = 'domain.md §3: Turkish-course permits at most twice (mevzuat.tbmm.gov.tr art. 31; elysiondanismanlik); listed for review in issue 12' WHERE "code" = 'turkish_course';--> statement-breakpoint
UPDATE "short_term_purposes" SET "max_grants" = 1, "graduation_window_months" = 6, "legal_review_source" = 'domain.md §3: apply within 6 months of graduation, one-off, reportedly 1 year [U] (mevzuat.tbmm.gov.tr art. 31; oturmaiznialma)' WHERE "code" = 'recent_graduate';--> statement-breakpoint
UPDATE "short_term_purposes" SET "legal_review_source" = 'domain.md §3: outside the two-year cap, one source says 5 years [U]' WHERE "code" IN ('investor', 'trnc_citizen');
