CREATE TABLE "fee_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"method" text NOT NULL,
	"amount_kurus" integer NOT NULL,
	"currency" text NOT NULL,
	"provider_payment_id" text,
	"receipt_number" text,
	"recorded_by_user_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_payments_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "fee_payments_provider_payment_id_unique" UNIQUE("provider_payment_id"),
	CONSTRAINT "fee_payments_amount_positive" CHECK ("fee_payments"."amount_kurus" > 0),
	CONSTRAINT "fee_payments_method" CHECK ("fee_payments"."method" in ('online', 'counter')),
	CONSTRAINT "fee_payments_method_proof" CHECK (("fee_payments"."method" = 'online' and "fee_payments"."provider_payment_id" is not null) or ("fee_payments"."method" = 'counter' and "fee_payments"."receipt_number" is not null and "fee_payments"."recorded_by_user_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "accrual_reference" text;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_accrual_reference_unique" UNIQUE("accrual_reference");--> statement-breakpoint
-- Applications sent before this migration get their accrual reference here, in the format of
-- lib/domain/fee-payments.ts (TH-, nine symbols, the weighted check character mod 29).
UPDATE "applications" AS a SET "accrual_reference" = g.ref
FROM (
	SELECT x.id,
		'TH-' || substr(x.p, 1, 4) || '-' || substr(x.p, 5, 4) || '-' || substr(x.p, 9, 1)
			|| substr('23456789ACDEFGHJKLMNPQRTUVWXY', (x.weighted % 29)::int + 1, 1) AS ref
	FROM (
		SELECT s.id,
			string_agg(substr('23456789ACDEFGHJKLMNPQRTUVWXY', r.v + 1, 1), '' ORDER BY r.i) AS p,
			sum(r.i * r.v) AS weighted
		FROM "applications" AS s
		CROSS JOIN LATERAL (
			-- Referring to s keeps the random draw per application.
			SELECT i, floor(random() * 29)::int AS v FROM generate_series(1, 9) AS i WHERE s.id IS NOT NULL
		) AS r
		WHERE s."status" <> 'draft' AND s."accrual_reference" IS NULL
		GROUP BY s.id
	) AS x
) AS g
WHERE a.id = g.id;
