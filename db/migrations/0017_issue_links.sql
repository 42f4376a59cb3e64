CREATE TYPE "public"."issue_link_state" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."issue_link_subject" AS ENUM('action', 'incident');--> statement-breakpoint
CREATE TYPE "public"."issue_tracker" AS ENUM('jira', 'linear', 'github');--> statement-breakpoint
CREATE TABLE "issue_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" "issue_link_subject" NOT NULL,
	"subject_id" uuid NOT NULL,
	"tracker" "issue_tracker" NOT NULL,
	"key" text NOT NULL,
	"url" text NOT NULL,
	"state" "issue_link_state" DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "issue_links" ADD CONSTRAINT "issue_links_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "issue_links_subject_url" ON "issue_links" USING btree ("subject_type","subject_id","url");--> statement-breakpoint
CREATE INDEX "issue_links_tracker_key" ON "issue_links" USING btree ("tracker","key");