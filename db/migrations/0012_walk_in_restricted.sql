CREATE TABLE "restricted_case_staff" (
	"application_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"added_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "restricted_case_staff_application_id_user_id_pk" PRIMARY KEY("application_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "applicant_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "registered_by_user_id" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "restricted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "restricted_case_staff" ADD CONSTRAINT "restricted_case_staff_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restricted_case_staff" ADD CONSTRAINT "restricted_case_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restricted_case_staff" ADD CONSTRAINT "restricted_case_staff_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_registered_by_user_id_users_id_fk" FOREIGN KEY ("registered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_applicant_or_registrar" CHECK ("applications"."applicant_id" is not null or "applications"."registered_by_user_id" is not null);--> statement-breakpoint
-- Humanitarian and trafficking-victim cases already on file become restricted (issue 13).
UPDATE "applications" SET "restricted" = true WHERE "permit_type_code" IN ('humanitarian', 'trafficking_victim');
