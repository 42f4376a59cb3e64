CREATE TABLE "analytics_gapless_decision_team_days" (
	"decision_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reporting_team_id" uuid NOT NULL,
	"anonymous" boolean NOT NULL,
	"restricted" boolean NOT NULL,
	"incidents" integer NOT NULL,
	"weighted_harm" bigint NOT NULL,
	CONSTRAINT "analytics_gapless_decision_team_days_key" UNIQUE("decision_id","day","reporting_team_id","anonymous","restricted")
);
--> statement-breakpoint
CREATE TABLE "strategy_gap_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"gap_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"linked_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "strategy_gap_decisions" ADD CONSTRAINT "strategy_gap_decisions_gap_id_strategy_gaps_id_fk" FOREIGN KEY ("gap_id") REFERENCES "public"."strategy_gaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_gap_decisions" ADD CONSTRAINT "strategy_gap_decisions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_gap_decisions" ADD CONSTRAINT "strategy_gap_decisions_linked_by_id_users_id_fk" FOREIGN KEY ("linked_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_gap_decisions_gap_decision_key" ON "strategy_gap_decisions" USING btree ("gap_id","decision_id");--> statement-breakpoint
CREATE INDEX "strategy_gap_decisions_decision_idx" ON "strategy_gap_decisions" USING btree ("decision_id","created_at");--> statement-breakpoint
-- Hand-written below: the triggers that keep analytics_gapless_decision_team_days exact, in the
-- manner of migration 0006 (docs/decisions/011, 017). Separate trigger functions, so 0006's stay
-- as they are. A row holds incidents that name no gap but a decision; the gap a decision counts
-- towards is resolved when the dashboard reads, from strategy_gap_decisions.
DO $generate$
DECLARE
  added text := 'select n.*, 1 as sign from incidents_added n';
  removed text := 'select o.*, -1 as sign from incidents_removed o';
  upsert text := $q$insert into analytics_gapless_decision_team_days as r (decision_id, day, reporting_team_id, anonymous, restricted, incidents, weighted_harm)
      select decision_id, discovered_at, reporting_team_id, anonymous, restricted, sum(sign), sum(sign * weighted_harm)
      from (%1$s) c where gap_id is null and decision_id is not null group by 1, 2, 3, 4, 5
      having sum(sign) <> 0 or sum(sign * weighted_harm) <> 0
      on conflict on constraint analytics_gapless_decision_team_days_key do update
      set incidents = r.incidents + excluded.incidents, weighted_harm = r.weighted_harm + excluded.weighted_harm$q$;
  -- A row a removal brought to zero would still count as a day seen (first/last discovery).
  sweep text := $q$delete from analytics_gapless_decision_team_days r
      using (select distinct decision_id, discovered_at from incidents_removed where gap_id is null and decision_id is not null) k
      where r.decision_id = k.decision_id and r.day = k.discovered_at and r.incidents = 0$q$;
  op record;
BEGIN
  FOR op IN SELECT * FROM (VALUES
    ('insert', added, false), ('update', added || ' union all ' || removed, true), ('delete', removed, true)
  ) AS ops(name, changes, sweeps) LOOP
    EXECUTE format('CREATE FUNCTION incidents_gapless_decision_rollup_%s() RETURNS trigger LANGUAGE plpgsql AS %L',
      op.name,
      E'BEGIN\n' || format(upsert, op.changes) || E';\n' || CASE WHEN op.sweeps THEN sweep || E';\n' ELSE '' END || E'RETURN NULL;\nEND;');
  END LOOP;
END;
$generate$;
--> statement-breakpoint
CREATE TRIGGER incidents_gapless_decision_rollup_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS incidents_added FOR EACH STATEMENT EXECUTE FUNCTION incidents_gapless_decision_rollup_insert();
--> statement-breakpoint
CREATE TRIGGER incidents_gapless_decision_rollup_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS incidents_removed NEW TABLE AS incidents_added
  FOR EACH STATEMENT EXECUTE FUNCTION incidents_gapless_decision_rollup_update();
--> statement-breakpoint
CREATE TRIGGER incidents_gapless_decision_rollup_delete AFTER DELETE ON incidents
  REFERENCING OLD TABLE AS incidents_removed FOR EACH STATEMENT EXECUTE FUNCTION incidents_gapless_decision_rollup_delete();
--> statement-breakpoint
CREATE FUNCTION incidents_gapless_decision_rollup_truncate() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  -- DELETE, not TRUNCATE: the rollup is often in the same TRUNCATE statement.
  DELETE FROM analytics_gapless_decision_team_days;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER incidents_gapless_decision_rollup_truncate AFTER TRUNCATE ON incidents
  FOR EACH STATEMENT EXECUTE FUNCTION incidents_gapless_decision_rollup_truncate();
--> statement-breakpoint
-- Existing incidents, once.
INSERT INTO analytics_gapless_decision_team_days (decision_id, day, reporting_team_id, anonymous, restricted, incidents, weighted_harm)
  SELECT decision_id, discovered_at, reporting_team_id, anonymous, restricted, count(*), sum(weighted_harm)
  FROM incidents WHERE gap_id IS NULL AND decision_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
