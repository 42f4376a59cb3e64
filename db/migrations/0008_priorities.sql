CREATE TABLE "priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "tradeoff_prefer_priority_id" uuid;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "tradeoff_over_priority_id" uuid;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "tradeoff_priorities_confirmed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "priorities_name_key" ON "priorities" USING btree (lower("name"));--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_tradeoff_prefer_priority_id_priorities_id_fk" FOREIGN KEY ("tradeoff_prefer_priority_id") REFERENCES "public"."priorities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_tradeoff_over_priority_id_priorities_id_fk" FOREIGN KEY ("tradeoff_over_priority_id") REFERENCES "public"."priorities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
-- Hand-written data migration (docs/decisions/015-priorities-register.md): the free-text
-- tradeoffs already stored become priorities, one per spelling once case, punctuation and
-- spacing are set aside (the most used spelling names it), and every tradeoff gets the ids of
-- its X and Y as a *suggestion* (not confirmed) that a lead or leader confirms or changes in
-- "Tradeoffs to confirm". The key mirrors normalizePriority in shared/src/domain/conflicts.ts.
CREATE OR REPLACE FUNCTION pg_temp.priority_key(words text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  select btrim(regexp_replace(regexp_replace(lower(words), '[[:punct:]]+', ' ', 'g'), '\s+', ' ', 'g'))
$$;--> statement-breakpoint
WITH spelled AS (
  SELECT btrim(tradeoff_prefer) AS words FROM decisions WHERE tradeoff_prefer IS NOT NULL
  UNION ALL SELECT btrim(tradeoff_over) FROM decisions WHERE tradeoff_over IS NOT NULL
  UNION ALL SELECT btrim(t ->> 'prefer') FROM strategies, jsonb_array_elements(tradeoffs) AS t
  UNION ALL SELECT btrim(t ->> 'over') FROM strategies, jsonb_array_elements(tradeoffs) AS t
), counted AS (
  SELECT pg_temp.priority_key(words) AS key, words, count(*) AS uses
  FROM spelled WHERE pg_temp.priority_key(coalesce(words, '')) <> ''
  GROUP BY 1, 2
)
INSERT INTO priorities (name)
-- Ties go to a spelling without trailing punctuation, then to a fixed (byte) order on every server.
SELECT DISTINCT ON (key) words FROM counted
ORDER BY key, uses DESC, words ~ '[[:punct:]]$', words COLLATE "C";--> statement-breakpoint
UPDATE decisions d SET
  tradeoff_prefer_priority_id = (SELECT p.id FROM priorities p WHERE pg_temp.priority_key(p.name) = pg_temp.priority_key(d.tradeoff_prefer)),
  tradeoff_over_priority_id = (SELECT p.id FROM priorities p WHERE pg_temp.priority_key(p.name) = pg_temp.priority_key(d.tradeoff_over)),
  tradeoff_priorities_confirmed = false
WHERE d.tradeoff_prefer IS NOT NULL;--> statement-breakpoint
UPDATE strategies s SET tradeoffs = (
  SELECT jsonb_agg(
    t || jsonb_build_object(
      'preferPriorityId', (SELECT p.id FROM priorities p WHERE pg_temp.priority_key(p.name) = pg_temp.priority_key(t ->> 'prefer')),
      'overPriorityId', (SELECT p.id FROM priorities p WHERE pg_temp.priority_key(p.name) = pg_temp.priority_key(t ->> 'over')),
      'prioritiesConfirmed', false
    ) ORDER BY i)
  FROM jsonb_array_elements(s.tradeoffs) WITH ORDINALITY AS x(t, i)
)
WHERE jsonb_array_length(s.tradeoffs) > 0;--> statement-breakpoint
DROP FUNCTION pg_temp.priority_key(text);
