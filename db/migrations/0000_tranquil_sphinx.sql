CREATE TYPE "public"."action_kind" AS ENUM('share_strategy', 'state_tradeoff', 'generalize_decision', 'make_discoverable', 'schedule_strategy_review', 'add_sync_meeting', 'add_approval_gate', 'restrict_visibility', 'freeze_decisions', 'require_lockstep');--> statement-breakpoint
CREATE TYPE "public"."action_status" AS ENUM('open', 'done', 'not_doing');--> statement-breakpoint
CREATE TYPE "public"."cluster_member_source" AS ENUM('auto', 'manual');--> statement-breakpoint
CREATE TYPE "public"."cluster_status" AS ENUM('suggested', 'confirmed', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."decision_status" AS ENUM('active', 'superseded', 'reversed');--> statement-breakpoint
CREATE TYPE "public"."discovery_channel" AS ENUM('code_review', 'design_review', 'planning', 'launch', 'production', 'customer', 'chat', 'meeting', 'announcement', 'other');--> statement-breakpoint
CREATE TYPE "public"."gap_status" AS ENUM('open', 'acknowledged', 'published', 'verified', 'wont_fix');--> statement-breakpoint
CREATE TYPE "public"."harm_kind" AS ENUM('rework', 'delay', 'customer', 'cost', 'quality', 'morale', 'opportunity');--> statement-breakpoint
CREATE TYPE "public"."incident_status" AS ENUM('open', 'triaged', 'in_retro', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."retro_status" AS ENUM('planned', 'held', 'closed');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('member', 'lead', 'leader', 'admin');--> statement-breakpoint
CREATE TYPE "public"."root_cause" AS ENUM('missing_strategy', 'stale_strategy', 'agreement_without_why', 'hidden_decision', 'conflicting_priorities', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."signal_kind" AS ENUM('near_miss', 'autonomy_win');--> statement-breakpoint
CREATE TYPE "public"."strategy_status" AS ENUM('draft', 'published', 'retired');--> statement-breakpoint
CREATE SEQUENCE "public"."incident_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_edits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reverted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"source" "cluster_member_source" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"status" "cluster_status" DEFAULT 'suggested' NOT NULL,
	"explanation" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"owning_team_id" uuid NOT NULL,
	"decided_at" date NOT NULL,
	"link" text,
	"status" "decision_status" DEFAULT 'active' NOT NULL,
	"superseded_by_id" uuid,
	"shared_with_team_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"tradeoff_prefer" text,
	"tradeoff_over" text,
	"tradeoff_for_goal" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "decisions_tradeoff_complete" CHECK (("decisions"."tradeoff_prefer" is null) = ("decisions"."tradeoff_over" is null) and ("decisions"."tradeoff_over" is null) = ("decisions"."tradeoff_for_goal" is null))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer DEFAULT nextval('incident_number_seq') NOT NULL,
	"title" text NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"reporting_team_id" uuid NOT NULL,
	"reporter_id" uuid,
	"reporter_key" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"status" "incident_status" DEFAULT 'open' NOT NULL,
	"discovered_at" date NOT NULL,
	"discovery_channel" "discovery_channel" NOT NULL,
	"expected" text NOT NULL,
	"surprise" smallint NOT NULL,
	"harmed_goal" text NOT NULL,
	"harm" smallint NOT NULL,
	"harm_kinds" "harm_kind"[] DEFAULT '{}' NOT NULL,
	"engineer_days_lost" numeric(8, 1),
	"delay_days" integer,
	"decision_id" uuid,
	"decision_owner_team_id" uuid,
	"gap_id" uuid,
	"missing_context" text DEFAULT '' NOT NULL,
	"root_cause" "root_cause" DEFAULT 'unknown' NOT NULL,
	"weighted_harm" smallint GENERATED ALWAYS AS (harm * surprise) STORED,
	"search_text" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(narrative, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "incidents_surprise_range" CHECK ("incidents"."surprise" between 1 and 5),
	CONSTRAINT "incidents_harm_range" CHECK ("incidents"."harm" between 1 and 5),
	CONSTRAINT "incidents_engineer_days_nonnegative" CHECK ("incidents"."engineer_days_lost" is null or "incidents"."engineer_days_lost" >= 0),
	CONSTRAINT "incidents_delay_days_nonnegative" CHECK ("incidents"."delay_days" is null or "incidents"."delay_days" >= 0),
	CONSTRAINT "incidents_anonymous_has_no_reporter" CHECK (not "incidents"."anonymous" or "incidents"."reporter_id" is null)
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"retro_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_team_id" uuid NOT NULL,
	"due_at" date,
	"status" "action_status" DEFAULT 'open' NOT NULL,
	"kind" "action_kind" NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retros" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"title" text NOT NULL,
	"held_at" timestamp with time zone,
	"summary" text DEFAULT '' NOT NULL,
	"status" "retro_status" DEFAULT 'planned' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "signal_kind" NOT NULL,
	"team_id" uuid NOT NULL,
	"strategy_id" uuid,
	"reporter_id" uuid,
	"note" text NOT NULL,
	"occurred_at" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"context" text DEFAULT '' NOT NULL,
	"owner_team_id" uuid NOT NULL,
	"scope_team_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"tradeoffs" jsonb NOT NULL,
	"status" "strategy_status" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"review_by" date NOT NULL,
	"supersedes_id" uuid,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_gaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" uuid,
	"status" "gap_status" DEFAULT 'open' NOT NULL,
	"addressed_by_strategy_id" uuid,
	"wont_fix_reason" text,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_id" uuid,
	"published_at" timestamp with time zone,
	"published_by_id" uuid,
	"verified_at" timestamp with time zone,
	"verified_by_id" uuid,
	"wont_fix_at" timestamp with time zone,
	"wont_fix_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"parent_team_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"role" "role" DEFAULT 'member' NOT NULL,
	"password_hash" text,
	"external_identity" text,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cluster_edits" ADD CONSTRAINT "cluster_edits_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_edits" ADD CONSTRAINT "cluster_edits_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_owning_team_id_teams_id_fk" FOREIGN KEY ("owning_team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_superseded_by_id_decisions_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reporting_team_id_teams_id_fk" FOREIGN KEY ("reporting_team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_decision_owner_team_id_teams_id_fk" FOREIGN KEY ("decision_owner_team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_gap_id_strategy_gaps_id_fk" FOREIGN KEY ("gap_id") REFERENCES "public"."strategy_gaps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_retro_id_retros_id_fk" FOREIGN KEY ("retro_id") REFERENCES "public"."retros"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retros" ADD CONSTRAINT "retros_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_owner_team_id_teams_id_fk" FOREIGN KEY ("owner_team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_supersedes_id_strategies_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."strategies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_gaps" ADD CONSTRAINT "strategy_gaps_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_gaps" ADD CONSTRAINT "strategy_gaps_addressed_by_strategy_id_strategies_id_fk" FOREIGN KEY ("addressed_by_strategy_id") REFERENCES "public"."strategies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_gaps" ADD CONSTRAINT "strategy_gaps_acknowledged_by_id_users_id_fk" FOREIGN KEY ("acknowledged_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_gaps" ADD CONSTRAINT "strategy_gaps_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_gaps" ADD CONSTRAINT "strategy_gaps_verified_by_id_users_id_fk" FOREIGN KEY ("verified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_gaps" ADD CONSTRAINT "strategy_gaps_wont_fix_by_id_users_id_fk" FOREIGN KEY ("wont_fix_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_parent_team_id_teams_id_fk" FOREIGN KEY ("parent_team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "cluster_edits_cluster_idx" ON "cluster_edits" USING btree ("cluster_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_members_cluster_incident_key" ON "cluster_members" USING btree ("cluster_id","incident_id");--> statement-breakpoint
CREATE INDEX "cluster_members_incident_idx" ON "cluster_members" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "clusters_status_idx" ON "clusters" USING btree ("status");--> statement-breakpoint
CREATE INDEX "decisions_owning_team_idx" ON "decisions" USING btree ("owning_team_id");--> statement-breakpoint
CREATE INDEX "decisions_decided_at_idx" ON "decisions" USING btree ("decided_at");--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_scope_key" ON "idempotency_keys" USING btree ("scope","key");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_number_key" ON "incidents" USING btree ("number");--> statement-breakpoint
CREATE INDEX "incidents_discovered_at_idx" ON "incidents" USING btree ("discovered_at");--> statement-breakpoint
CREATE INDEX "incidents_reporting_team_idx" ON "incidents" USING btree ("reporting_team_id","discovered_at");--> statement-breakpoint
CREATE INDEX "incidents_decision_owner_team_idx" ON "incidents" USING btree ("decision_owner_team_id","discovered_at");--> statement-breakpoint
CREATE INDEX "incidents_root_cause_idx" ON "incidents" USING btree ("root_cause","discovered_at");--> statement-breakpoint
CREATE INDEX "incidents_status_idx" ON "incidents" USING btree ("status","number");--> statement-breakpoint
CREATE INDEX "incidents_decision_idx" ON "incidents" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "incidents_gap_idx" ON "incidents" USING btree ("gap_id");--> statement-breakpoint
CREATE INDEX "incidents_channel_idx" ON "incidents" USING btree ("discovery_channel","discovered_at");--> statement-breakpoint
CREATE INDEX "incidents_reporter_idx" ON "incidents" USING btree ("reporter_id");--> statement-breakpoint
CREATE INDEX "incidents_reporter_key_idx" ON "incidents" USING btree ("reporter_key");--> statement-breakpoint
CREATE INDEX "incidents_search_idx" ON "incidents" USING gin ("search_text");--> statement-breakpoint
CREATE INDEX "actions_retro_idx" ON "actions" USING btree ("retro_id");--> statement-breakpoint
CREATE INDEX "actions_kind_created_idx" ON "actions" USING btree ("kind","created_at");--> statement-breakpoint
CREATE INDEX "retros_cluster_idx" ON "retros" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "signals_kind_idx" ON "signals" USING btree ("kind","occurred_at");--> statement-breakpoint
CREATE INDEX "signals_strategy_idx" ON "signals" USING btree ("strategy_id");--> statement-breakpoint
CREATE INDEX "strategies_owner_team_idx" ON "strategies" USING btree ("owner_team_id");--> statement-breakpoint
CREATE INDEX "strategies_status_review_idx" ON "strategies" USING btree ("status","review_by");--> statement-breakpoint
CREATE INDEX "strategies_supersedes_idx" ON "strategies" USING btree ("supersedes_id");--> statement-breakpoint
CREATE INDEX "strategy_gaps_status_idx" ON "strategy_gaps" USING btree ("status");--> statement-breakpoint
CREATE INDEX "strategy_gaps_strategy_idx" ON "strategy_gaps" USING btree ("addressed_by_strategy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_slug_key" ON "teams" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "teams_parent_idx" ON "teams" USING btree ("parent_team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_team_key" ON "memberships" USING btree ("user_id","team_id");--> statement-breakpoint
CREATE INDEX "memberships_team_idx" ON "memberships" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_external_identity_key" ON "users" USING btree ("external_identity");