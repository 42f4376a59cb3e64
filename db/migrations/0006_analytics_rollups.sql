CREATE TABLE "analytics_decision_days" (
	"day" date NOT NULL,
	"decision_id" uuid,
	"restricted" boolean NOT NULL,
	"incidents" integer NOT NULL,
	"weighted_harm" bigint NOT NULL,
	CONSTRAINT "analytics_decision_days_key" UNIQUE NULLS NOT DISTINCT("day","decision_id","restricted")
);
--> statement-breakpoint
CREATE TABLE "analytics_decision_team_days" (
	"decision_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reporting_team_id" uuid NOT NULL,
	"anonymous" boolean NOT NULL,
	"restricted" boolean NOT NULL,
	"incidents" integer NOT NULL,
	"weighted_harm" bigint NOT NULL,
	CONSTRAINT "analytics_decision_team_days_key" UNIQUE("decision_id","day","reporting_team_id","anonymous","restricted")
);
--> statement-breakpoint
CREATE TABLE "analytics_gap_team_days" (
	"gap_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reporting_team_id" uuid NOT NULL,
	"anonymous" boolean NOT NULL,
	"restricted" boolean NOT NULL,
	"incidents" integer NOT NULL,
	"weighted_harm" bigint NOT NULL,
	CONSTRAINT "analytics_gap_team_days_key" UNIQUE("gap_id","day","reporting_team_id","anonymous","restricted")
);
--> statement-breakpoint
CREATE TABLE "analytics_harm_kind_days" (
	"day" date NOT NULL,
	"reporting_team_id" uuid NOT NULL,
	"anonymous" boolean NOT NULL,
	"harm_kind" "harm_kind" NOT NULL,
	"restricted" boolean NOT NULL,
	"incidents" integer NOT NULL,
	"weighted_harm" bigint NOT NULL,
	"engineer_days_lost" numeric(14, 1) NOT NULL,
	"delay_days" bigint NOT NULL,
	CONSTRAINT "analytics_harm_kind_days_key" UNIQUE("day","reporting_team_id","anonymous","harm_kind","restricted")
);
--> statement-breakpoint
CREATE TABLE "analytics_lag_days" (
	"day" date NOT NULL,
	"discovery_channel" "discovery_channel" NOT NULL,
	"lag_bucket" smallint,
	"restricted" boolean NOT NULL,
	"incidents" integer NOT NULL,
	CONSTRAINT "analytics_lag_days_key" UNIQUE NULLS NOT DISTINCT("day","discovery_channel","lag_bucket","restricted")
);
--> statement-breakpoint
CREATE TABLE "analytics_root_cause_days" (
	"day" date NOT NULL,
	"reporting_team_id" uuid NOT NULL,
	"anonymous" boolean NOT NULL,
	"root_cause" "root_cause" NOT NULL,
	"restricted" boolean NOT NULL,
	"incidents" integer NOT NULL,
	"weighted_harm" bigint NOT NULL,
	CONSTRAINT "analytics_root_cause_days_key" UNIQUE("day","reporting_team_id","anonymous","root_cause","restricted")
);
--> statement-breakpoint
CREATE TABLE "analytics_team_pair_days" (
	"day" date NOT NULL,
	"reporting_team_id" uuid NOT NULL,
	"anonymous" boolean NOT NULL,
	"decision_owner_team_id" uuid,
	"restricted" boolean NOT NULL,
	"incidents" integer NOT NULL,
	"weighted_harm" bigint NOT NULL,
	"engineer_days_lost" numeric(14, 1) NOT NULL,
	"delay_days" bigint NOT NULL,
	CONSTRAINT "analytics_team_pair_days_key" UNIQUE NULLS NOT DISTINCT("day","reporting_team_id","anonymous","decision_owner_team_id","restricted")
);
--> statement-breakpoint
-- The rollups above are kept exact by the triggers below (docs/decisions/011). Statement-level
-- triggers with transition tables: one upsert per rollup per statement, so a COPY of a million incidents costs seven GROUP BYs, not seven million upserts.

-- The discovery-lag bucket of `lagBuckets` (shared/src/domain/analytics.ts); a test holds the two equal.
CREATE FUNCTION analytics_lag_bucket(lag_days integer) RETURNS smallint
  LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE
    WHEN lag_days IS NULL THEN NULL
    WHEN greatest(0, lag_days) <= 1 THEN 0
    WHEN greatest(0, lag_days) <= 7 THEN 1
    WHEN greatest(0, lag_days) <= 30 THEN 2
    WHEN greatest(0, lag_days) <= 90 THEN 3
    ELSE 4 END)::smallint
$$;
--> statement-breakpoint
-- One statement per rollup. `%1$s` is a query of changed incident rows with `sign` (+1 added,
-- -1 removed) and `decided_at` (of the row's decision). Groups whose change nets to nothing
-- (an edit of the title) write nothing.
CREATE FUNCTION analytics_rollup_statements(lag_only boolean) RETURNS SETOF text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT s FROM (VALUES
    (false, $q$insert into analytics_root_cause_days as r (day, reporting_team_id, anonymous, root_cause, restricted, incidents, weighted_harm)
      select discovered_at, reporting_team_id, anonymous, root_cause, restricted, sum(sign), sum(sign * weighted_harm)
      from (%1$s) c group by 1, 2, 3, 4, 5
      having sum(sign) <> 0 or sum(sign * weighted_harm) <> 0
      on conflict on constraint analytics_root_cause_days_key do update
      set incidents = r.incidents + excluded.incidents, weighted_harm = r.weighted_harm + excluded.weighted_harm$q$),
    (false, $q$insert into analytics_team_pair_days as r (day, reporting_team_id, anonymous, decision_owner_team_id, restricted,
        incidents, weighted_harm, engineer_days_lost, delay_days)
      select discovered_at, reporting_team_id, anonymous, decision_owner_team_id, restricted, sum(sign), sum(sign * weighted_harm),
        coalesce(sum(sign * engineer_days_lost), 0), coalesce(sum(sign * delay_days), 0)
      from (%1$s) c group by 1, 2, 3, 4, 5
      having sum(sign) <> 0 or sum(sign * weighted_harm) <> 0 or coalesce(sum(sign * engineer_days_lost), 0) <> 0
        or coalesce(sum(sign * delay_days), 0) <> 0
      on conflict on constraint analytics_team_pair_days_key do update
      set incidents = r.incidents + excluded.incidents, weighted_harm = r.weighted_harm + excluded.weighted_harm,
        engineer_days_lost = r.engineer_days_lost + excluded.engineer_days_lost, delay_days = r.delay_days + excluded.delay_days$q$),
    (false, $q$insert into analytics_harm_kind_days as r (day, reporting_team_id, anonymous, harm_kind, restricted,
        incidents, weighted_harm, engineer_days_lost, delay_days)
      select discovered_at, reporting_team_id, anonymous, kind, restricted, sum(sign), sum(sign * weighted_harm),
        coalesce(sum(sign * engineer_days_lost), 0), coalesce(sum(sign * delay_days), 0)
      from (%1$s) c cross join unnest(c.harm_kinds) as kind group by 1, 2, 3, 4, 5
      having sum(sign) <> 0 or sum(sign * weighted_harm) <> 0 or coalesce(sum(sign * engineer_days_lost), 0) <> 0
        or coalesce(sum(sign * delay_days), 0) <> 0
      on conflict on constraint analytics_harm_kind_days_key do update
      set incidents = r.incidents + excluded.incidents, weighted_harm = r.weighted_harm + excluded.weighted_harm,
        engineer_days_lost = r.engineer_days_lost + excluded.engineer_days_lost, delay_days = r.delay_days + excluded.delay_days$q$),
    (true, $q$insert into analytics_lag_days as r (day, discovery_channel, lag_bucket, restricted, incidents)
      select discovered_at, discovery_channel, analytics_lag_bucket(discovered_at - decided_at), restricted, sum(sign)
      from (%1$s) c group by 1, 2, 3, 4 having sum(sign) <> 0
      on conflict on constraint analytics_lag_days_key do update set incidents = r.incidents + excluded.incidents$q$),
    (false, $q$insert into analytics_decision_days as r (day, decision_id, restricted, incidents, weighted_harm)
      select discovered_at, decision_id, restricted, sum(sign), sum(sign * weighted_harm)
      from (%1$s) c group by 1, 2, 3
      having sum(sign) <> 0 or sum(sign * weighted_harm) <> 0
      on conflict on constraint analytics_decision_days_key do update
      set incidents = r.incidents + excluded.incidents, weighted_harm = r.weighted_harm + excluded.weighted_harm$q$),
    (false, $q$insert into analytics_decision_team_days as r (decision_id, day, reporting_team_id, anonymous, restricted, incidents, weighted_harm)
      select decision_id, discovered_at, reporting_team_id, anonymous, restricted, sum(sign), sum(sign * weighted_harm)
      from (%1$s) c where decision_id is not null group by 1, 2, 3, 4, 5
      having sum(sign) <> 0 or sum(sign * weighted_harm) <> 0
      on conflict on constraint analytics_decision_team_days_key do update
      set incidents = r.incidents + excluded.incidents, weighted_harm = r.weighted_harm + excluded.weighted_harm$q$),
    (false, $q$insert into analytics_gap_team_days as r (gap_id, day, reporting_team_id, anonymous, restricted, incidents, weighted_harm)
      select gap_id, discovered_at, reporting_team_id, anonymous, restricted, sum(sign), sum(sign * weighted_harm)
      from (%1$s) c where gap_id is not null group by 1, 2, 3, 4, 5
      having sum(sign) <> 0 or sum(sign * weighted_harm) <> 0
      on conflict on constraint analytics_gap_team_days_key do update
      set incidents = r.incidents + excluded.incidents, weighted_harm = r.weighted_harm + excluded.weighted_harm$q$)
  ) AS statements(lag, s)
  WHERE lag OR NOT lag_only
$$;
--> statement-breakpoint
-- Rows a removal brought to zero, for the keys the change touched (`%1$s`: the removed rows).
-- A zero row would still count as a day seen (first/last seen of a decision or gap).
CREATE FUNCTION analytics_rollup_sweeps() RETURNS SETOF text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT 'delete from ' || t || ' r using (select distinct discovered_at from (%1$s) c) k
    where r.day = k.discovered_at and r.incidents = 0'
  FROM unnest(array['analytics_root_cause_days', 'analytics_team_pair_days', 'analytics_harm_kind_days',
    'analytics_lag_days', 'analytics_decision_days']) AS t
  UNION ALL
  SELECT 'delete from analytics_decision_team_days r using (select distinct decision_id, discovered_at from (%1$s) c) k
    where r.decision_id = k.decision_id and r.day = k.discovered_at and r.incidents = 0'
  UNION ALL
  SELECT 'delete from analytics_gap_team_days r using (select distinct gap_id, discovered_at from (%1$s) c) k
    where r.gap_id = k.gap_id and r.day = k.discovered_at and r.incidents = 0'
$$;
--> statement-breakpoint
-- One trigger function per operation, its statements written out from the templates above
-- once, here: static SQL keeps its plans between calls, where EXECUTE plans every statement
-- on every filing (measured: 1.4 ms instead of 3.9 ms added to a one-row insert).
DO $generate$
DECLARE
  added text := 'select n.*, 1 as sign, d.decided_at from incidents_added n left join decisions d on d.id = n.decision_id';
  removed text := 'select o.*, -1 as sign, d.decided_at from incidents_removed o left join decisions d on d.id = o.decision_id';
  op record;
  body text;
  statement text;
BEGIN
  FOR op IN SELECT * FROM (VALUES
    ('insert', added, false), ('update', added || ' union all ' || removed, true), ('delete', removed, true)
  ) AS ops(name, changes, sweeps) LOOP
    body := '';
    FOR statement IN SELECT analytics_rollup_statements(false) LOOP
      body := body || format(statement, op.changes) || E';\n';
    END LOOP;
    IF op.sweeps THEN
      FOR statement IN SELECT analytics_rollup_sweeps() LOOP
        body := body || format(statement, 'select * from incidents_removed') || E';\n';
      END LOOP;
    END IF;
    EXECUTE format('CREATE FUNCTION incidents_analytics_rollup_%s() RETURNS trigger LANGUAGE plpgsql AS %L',
      op.name, E'BEGIN\n' || body || E'RETURN NULL;\nEND;');
  END LOOP;
END;
$generate$;
--> statement-breakpoint
CREATE TRIGGER incidents_analytics_rollup_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS incidents_added FOR EACH STATEMENT EXECUTE FUNCTION incidents_analytics_rollup_insert();
--> statement-breakpoint
CREATE TRIGGER incidents_analytics_rollup_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS incidents_removed NEW TABLE AS incidents_added
  FOR EACH STATEMENT EXECUTE FUNCTION incidents_analytics_rollup_update();
--> statement-breakpoint
CREATE TRIGGER incidents_analytics_rollup_delete AFTER DELETE ON incidents
  REFERENCING OLD TABLE AS incidents_removed FOR EACH STATEMENT EXECUTE FUNCTION incidents_analytics_rollup_delete();
--> statement-breakpoint
CREATE FUNCTION incidents_analytics_rollup_truncate() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  -- DELETE, not TRUNCATE: the rollups are often in the same TRUNCATE statement, and may not be
  -- truncated twice in it.
  DELETE FROM analytics_root_cause_days;
  DELETE FROM analytics_team_pair_days;
  DELETE FROM analytics_harm_kind_days;
  DELETE FROM analytics_lag_days;
  DELETE FROM analytics_decision_days;
  DELETE FROM analytics_decision_team_days;
  DELETE FROM analytics_gap_team_days;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER incidents_analytics_rollup_truncate AFTER TRUNCATE ON incidents
  FOR EACH STATEMENT EXECUTE FUNCTION incidents_analytics_rollup_truncate();
--> statement-breakpoint
-- A decision's date moves the discovery lag of every incident traced to it.
CREATE FUNCTION decisions_analytics_rollup() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  statement text;
  changes text := 'select i.*, s.sign, s.decided_at from incidents i join (
      select n.id, 1 as sign, n.decided_at from decisions_new n join decisions_old o on o.id = n.id
        where n.decided_at is distinct from o.decided_at
      union all
      select o.id, -1 as sign, o.decided_at from decisions_new n join decisions_old o on o.id = n.id
        where n.decided_at is distinct from o.decided_at
    ) s on s.id = i.decision_id';
BEGIN
  FOR statement IN SELECT analytics_rollup_statements(true) LOOP
    EXECUTE format(statement, changes);
  END LOOP;
  EXECUTE format('delete from analytics_lag_days r using (select distinct discovered_at from (%s) c) k
    where r.day = k.discovered_at and r.incidents = 0', changes);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER decisions_analytics_rollup_update AFTER UPDATE ON decisions
  REFERENCING OLD TABLE AS decisions_old NEW TABLE AS decisions_new
  FOR EACH STATEMENT EXECUTE FUNCTION decisions_analytics_rollup();
--> statement-breakpoint
-- A deleted decision leaves its incidents with no decision (ON DELETE SET NULL), but by the
-- time that update reaches the incidents trigger the decision's date is gone. Move the lag of
-- its incidents to "no decision" first, so the update that follows nets to nothing.
CREATE FUNCTION decisions_analytics_rollup_delete() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  statement text;
BEGIN
  FOR statement IN SELECT analytics_rollup_statements(true) LOOP
    EXECUTE format(statement, format(
      'select i.*, s.sign, s.decided_at from incidents i cross join (values (-1, %L::date), (1, null::date)) as s(sign, decided_at)
        where i.decision_id = %L', OLD.decided_at, OLD.id));
  END LOOP;
  DELETE FROM analytics_lag_days r USING (SELECT DISTINCT discovered_at FROM incidents WHERE decision_id = OLD.id) k
    WHERE r.day = k.discovered_at AND r.incidents = 0;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER decisions_analytics_rollup_delete BEFORE DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION decisions_analytics_rollup_delete();
--> statement-breakpoint
-- Existing incidents, once.
DO $$
DECLARE
  statement text;
BEGIN
  FOR statement IN SELECT analytics_rollup_statements(false) LOOP
    EXECUTE format(statement, 'select i.*, 1 as sign, d.decided_at from incidents i left join decisions d on d.id = i.decision_id');
  END LOOP;
END;
$$;
--> statement-breakpoint
-- The restricted incidents a member or lead may see are aggregated per request from this small
-- index alone (about 5% of incidents, with every column a chart reads).
CREATE INDEX incidents_restricted_analytics_idx ON incidents (discovered_at)
  INCLUDE (reporting_team_id, anonymous, root_cause, decision_owner_team_id, decision_id, gap_id, discovery_channel,
    status, harm, surprise, weighted_harm, engineer_days_lost, delay_days, harm_kinds, reporter_id, reporter_key)
  WHERE restricted;
