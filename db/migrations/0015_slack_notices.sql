CREATE TABLE "decision_notices" (
	"decision_id" uuid NOT NULL,
	"day" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "decision_notices_decision_id_day_pk" PRIMARY KEY("decision_id","day")
);
--> statement-breakpoint
CREATE TABLE "integration_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"integration" text NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"status" text NOT NULL,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_deliveries_seq_unique" UNIQUE("seq"),
	CONSTRAINT "integration_deliveries_status_check" CHECK ("integration_deliveries"."status" in ('sent', 'skipped', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "team_slack_channels" (
	"team_id" uuid PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_slack_channels_channel_id_check" CHECK ("team_slack_channels"."channel_id" ~ '^[CG][A-Z0-9]{2,30}$')
);
--> statement-breakpoint
ALTER TABLE "decision_notices" ADD CONSTRAINT "decision_notices_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_slack_channels" ADD CONSTRAINT "team_slack_channels_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;