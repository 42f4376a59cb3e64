CREATE TABLE "incident_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"mention_team_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_impacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"reporter_id" uuid,
	"reporter_key" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"surprise" smallint NOT NULL,
	"harm" smallint NOT NULL,
	"harm_kinds" "harm_kind"[] DEFAULT '{}' NOT NULL,
	"engineer_days_lost" numeric(8, 1),
	"delay_days" integer,
	"note" text DEFAULT '' NOT NULL,
	"weighted_harm" smallint GENERATED ALWAYS AS (harm * surprise) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "incident_impacts_surprise_range" CHECK ("incident_impacts"."surprise" between 1 and 5),
	CONSTRAINT "incident_impacts_harm_range" CHECK ("incident_impacts"."harm" between 1 and 5),
	CONSTRAINT "incident_impacts_anonymous_reporter" CHECK (not "incident_impacts"."anonymous" or "incident_impacts"."reporter_id" is null)
);
--> statement-breakpoint
ALTER TABLE "incident_comments" ADD CONSTRAINT "incident_comments_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_comments" ADD CONSTRAINT "incident_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_impacts" ADD CONSTRAINT "incident_impacts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_impacts" ADD CONSTRAINT "incident_impacts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_impacts" ADD CONSTRAINT "incident_impacts_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_comments_incident_idx" ON "incident_comments" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_impacts_incident_team_key" ON "incident_impacts" USING btree ("incident_id","team_id");--> statement-breakpoint
CREATE INDEX "incident_impacts_team_idx" ON "incident_impacts" USING btree ("team_id");