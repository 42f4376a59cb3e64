CREATE TABLE "tradeoff_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"requested_by_id" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tradeoff_requests" ADD CONSTRAINT "tradeoff_requests_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tradeoff_requests" ADD CONSTRAINT "tradeoff_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tradeoff_requests_open_key" ON "tradeoff_requests" USING btree ("decision_id") WHERE "tradeoff_requests"."answered_at" is null;--> statement-breakpoint
CREATE INDEX "tradeoff_requests_decision_idx" ON "tradeoff_requests" USING btree ("decision_id");