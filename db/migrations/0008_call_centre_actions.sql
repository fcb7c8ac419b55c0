ALTER TABLE "outbox_messages" ADD COLUMN "application_id" uuid;--> statement-breakpoint
CREATE INDEX "outbox_application_idx" ON "outbox_messages" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_action_actor_idx" ON "audit_events" USING btree ("action","actor_user_id","created_at");