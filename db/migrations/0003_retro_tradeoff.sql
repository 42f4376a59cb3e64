ALTER TABLE "retros" ADD COLUMN "tradeoff_prefer" text;--> statement-breakpoint
ALTER TABLE "retros" ADD COLUMN "tradeoff_over" text;--> statement-breakpoint
ALTER TABLE "retros" ADD COLUMN "tradeoff_for_goal" text;--> statement-breakpoint
ALTER TABLE "retros" ADD COLUMN "strategy_id" uuid;--> statement-breakpoint
ALTER TABLE "retros" ADD COLUMN "gap_id" uuid;--> statement-breakpoint
ALTER TABLE "retros" ADD CONSTRAINT "retros_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retros" ADD CONSTRAINT "retros_gap_id_strategy_gaps_id_fk" FOREIGN KEY ("gap_id") REFERENCES "public"."strategy_gaps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retros" ADD CONSTRAINT "retros_tradeoff_complete" CHECK (("retros"."tradeoff_prefer" is null) = ("retros"."tradeoff_over" is null) and ("retros"."tradeoff_over" is null) = ("retros"."tradeoff_for_goal" is null));