CREATE TABLE "analytics_incident_deltas" (
	"sign" smallint NOT NULL,
	"discovered_at" date NOT NULL,
	"reporting_team_id" uuid NOT NULL,
	"anonymous" boolean NOT NULL,
	"restricted" boolean NOT NULL,
	"root_cause" "root_cause" NOT NULL,
	"decision_owner_team_id" uuid,
	"harm_kinds" "harm_kind"[] NOT NULL,
	"discovery_channel" "discovery_channel" NOT NULL,
	"decision_id" uuid,
	"decided_at" date,
	"gap_id" uuid,
	"weighted_harm" smallint NOT NULL,
	"engineer_days_lost" numeric(8, 1),
	"delay_days" integer
);
--> statement-breakpoint
DROP INDEX "incidents_root_cause_idx";--> statement-breakpoint
DROP INDEX "incidents_channel_idx";--> statement-breakpoint
DROP INDEX "incidents_gap_idx";--> statement-breakpoint
DROP INDEX "incidents_reporter_key_idx";--> statement-breakpoint
CREATE INDEX "incidents_gap_idx" ON "incidents" USING btree ("gap_id") WHERE "incidents"."gap_id" is not null;--> statement-breakpoint
CREATE INDEX "incidents_reporter_key_idx" ON "incidents" USING btree ("reporter_key") WHERE "incidents"."reporter_key" is not null;--> statement-breakpoint
-- Hand-written below (docs/decisions/021): rollups without hot rows. Writes to incidents and
-- decisions no longer upsert the rollups (16 concurrent filings queued on one day's row); their
-- statement-level triggers append signed rows to analytics_incident_deltas, insert-only.
-- analytics_fold_rollup_deltas() moves them into the rollups in one transaction, and readers read
-- the analytics_*_exact views: folded rows plus pending deltas, exact at every moment.
DROP TRIGGER incidents_analytics_rollup_insert ON incidents;--> statement-breakpoint
DROP TRIGGER incidents_analytics_rollup_update ON incidents;--> statement-breakpoint
DROP TRIGGER incidents_analytics_rollup_delete ON incidents;--> statement-breakpoint
DROP TRIGGER incidents_gapless_decision_rollup_insert ON incidents;--> statement-breakpoint
DROP TRIGGER incidents_gapless_decision_rollup_update ON incidents;--> statement-breakpoint
DROP TRIGGER incidents_gapless_decision_rollup_delete ON incidents;--> statement-breakpoint
DROP TRIGGER decisions_analytics_rollup_update ON decisions;--> statement-breakpoint
DROP TRIGGER decisions_analytics_rollup_delete ON decisions;--> statement-breakpoint
DROP FUNCTION incidents_analytics_rollup_insert();--> statement-breakpoint
DROP FUNCTION incidents_analytics_rollup_update();--> statement-breakpoint
DROP FUNCTION incidents_analytics_rollup_delete();--> statement-breakpoint
DROP FUNCTION incidents_gapless_decision_rollup_insert();--> statement-breakpoint
DROP FUNCTION incidents_gapless_decision_rollup_update();--> statement-breakpoint
DROP FUNCTION incidents_gapless_decision_rollup_delete();--> statement-breakpoint
DROP FUNCTION decisions_analytics_rollup();--> statement-breakpoint
DROP FUNCTION decisions_analytics_rollup_delete();--> statement-breakpoint
-- The delta of incident rows `%1$s` (alias x) with sign `%2$s` and decision date `%3$s`.
CREATE FUNCTION analytics_delta_insert() RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT $q$insert into analytics_incident_deltas (sign, discovered_at, reporting_team_id, anonymous, restricted, root_cause,
      decision_owner_team_id, harm_kinds, discovery_channel, decision_id, decided_at, gap_id, weighted_harm,
      engineer_days_lost, delay_days)
    select %2$s, x.discovered_at, x.reporting_team_id, x.anonymous, x.restricted, x.root_cause, x.decision_owner_team_id,
      x.harm_kinds, x.discovery_channel, x.decision_id, %3$s, x.gap_id, x.weighted_harm, x.engineer_days_lost, x.delay_days
    from %1$s$q$
$$;
--> statement-breakpoint
-- Trigger functions written out once, as static SQL, so their plans are kept between filings.
DO $generate$
DECLARE
  -- The columns some rollup groups or sums: an edit of none of them (a title) writes no delta.
  rollup_columns text := 'discovered_at, reporting_team_id, anonymous, restricted, root_cause, decision_owner_team_id,
    harm_kinds, discovery_channel, decision_id, gap_id, weighted_harm, engineer_days_lost, delay_days';
  changed text;
BEGIN
  changed := format('incidents_removed o join incidents_added n on n.id = o.id where (%s) is distinct from (%s)',
    regexp_replace(rollup_columns, '(\w+)', 'o.\1', 'g'), regexp_replace(rollup_columns, '(\w+)', 'n.\1', 'g'));
  EXECUTE format('CREATE FUNCTION incidents_rollup_deltas_insert() RETURNS trigger LANGUAGE plpgsql AS %L',
    E'BEGIN\n' || format(analytics_delta_insert(), 'incidents_added x left join decisions d on d.id = x.decision_id', '1',
      'd.decided_at') || E';\nRETURN NULL;\nEND;');
  EXECUTE format('CREATE FUNCTION incidents_rollup_deltas_update() RETURNS trigger LANGUAGE plpgsql AS %L',
    E'BEGIN\n'
    || format(analytics_delta_insert(), format('(select o.* from %s) x left join decisions d on d.id = x.decision_id', changed),
      '-1', 'd.decided_at') || E';\n'
    || format(analytics_delta_insert(), format('(select n.* from %s) x left join decisions d on d.id = x.decision_id', changed),
      '1', 'd.decided_at') || E';\nRETURN NULL;\nEND;');
  EXECUTE format('CREATE FUNCTION incidents_rollup_deltas_delete() RETURNS trigger LANGUAGE plpgsql AS %L',
    E'BEGIN\n' || format(analytics_delta_insert(), 'incidents_removed x left join decisions d on d.id = x.decision_id', '-1',
      'd.decided_at') || E';\nRETURN NULL;\nEND;');
  -- A decision's date moves the discovery lag of every incident traced to it.
  EXECUTE format('CREATE FUNCTION decisions_rollup_deltas_update() RETURNS trigger LANGUAGE plpgsql AS %L',
    E'BEGIN\n' || format(analytics_delta_insert(), 'incidents x join (
        select n.id, 1 as sign, n.decided_at from decisions_new n join decisions_old o on o.id = n.id
          where n.decided_at is distinct from o.decided_at
        union all
        select o.id, -1 as sign, o.decided_at from decisions_new n join decisions_old o on o.id = n.id
          where n.decided_at is distinct from o.decided_at
      ) s on s.id = x.decision_id', 's.sign', 's.decided_at') || E';\nRETURN NULL;\nEND;');
  -- A deleted decision leaves its incidents with no decision (ON DELETE SET NULL), but by the
  -- time that update reaches the incidents trigger the decision's date is gone. Move the lag of
  -- its incidents to "no decision" first, so the update that follows nets to the right delta.
  EXECUTE format('CREATE FUNCTION decisions_rollup_deltas_delete() RETURNS trigger LANGUAGE plpgsql AS %L',
    E'BEGIN\n' || format(analytics_delta_insert(),
      'incidents x cross join (values (-1, OLD.decided_at), (1, null::date)) as s(sign, decided_at) where x.decision_id = OLD.id',
      's.sign', 's.decided_at') || E';\nRETURN OLD;\nEND;');
END;
$generate$;
--> statement-breakpoint
CREATE TRIGGER incidents_rollup_deltas_insert AFTER INSERT ON incidents
  REFERENCING NEW TABLE AS incidents_added FOR EACH STATEMENT EXECUTE FUNCTION incidents_rollup_deltas_insert();
--> statement-breakpoint
CREATE TRIGGER incidents_rollup_deltas_update AFTER UPDATE ON incidents
  REFERENCING OLD TABLE AS incidents_removed NEW TABLE AS incidents_added
  FOR EACH STATEMENT EXECUTE FUNCTION incidents_rollup_deltas_update();
--> statement-breakpoint
CREATE TRIGGER incidents_rollup_deltas_delete AFTER DELETE ON incidents
  REFERENCING OLD TABLE AS incidents_removed FOR EACH STATEMENT EXECUTE FUNCTION incidents_rollup_deltas_delete();
--> statement-breakpoint
CREATE FUNCTION incidents_rollup_deltas_truncate() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  -- DELETE, not TRUNCATE: the deltas are often in the same TRUNCATE statement.
  DELETE FROM analytics_incident_deltas;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER incidents_rollup_deltas_truncate AFTER TRUNCATE ON incidents
  FOR EACH STATEMENT EXECUTE FUNCTION incidents_rollup_deltas_truncate();
--> statement-breakpoint
CREATE TRIGGER decisions_rollup_deltas_update AFTER UPDATE ON decisions
  REFERENCING OLD TABLE AS decisions_old NEW TABLE AS decisions_new
  FOR EACH STATEMENT EXECUTE FUNCTION decisions_rollup_deltas_update();
--> statement-breakpoint
CREATE TRIGGER decisions_rollup_deltas_delete BEFORE DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION decisions_rollup_deltas_delete();
--> statement-breakpoint
-- The fold: every pending delta out (DELETE … RETURNING) and into the rollups, with 0006's and
-- 0009's upserts, in one statement, then rows brought to zero swept. Folds are serialized by a
-- transaction-level advisory lock: two folds upserting the same rows in different orders could
-- deadlock, and the one that waits then takes a fresh snapshot, so it only sees deltas the
-- first left behind. Filings never take the lock: they only insert deltas. Returns the deltas folded.
DO $generate$
DECLARE
  upserts text := '';
  statement text;
  n integer := 0;
  gapless text := $q$insert into analytics_gapless_decision_team_days as r (decision_id, day, reporting_team_id, anonymous, restricted, incidents, weighted_harm)
      select decision_id, discovered_at, reporting_team_id, anonymous, restricted, sum(sign), sum(sign * weighted_harm)
      from (%1$s) c where gap_id is null and decision_id is not null group by 1, 2, 3, 4, 5
      having sum(sign) <> 0 or sum(sign * weighted_harm) <> 0
      on conflict on constraint analytics_gapless_decision_team_days_key do update
      set incidents = r.incidents + excluded.incidents, weighted_harm = r.weighted_harm + excluded.weighted_harm$q$;
BEGIN
  FOR statement IN SELECT analytics_rollup_statements(false) UNION ALL SELECT gapless LOOP
    n := n + 1;
    upserts := upserts || format(E',\n  upsert_%s as (%s)', n, format(statement, 'select * from taken'));
  END LOOP;
  EXECUTE format($f$CREATE FUNCTION analytics_fold_rollup_deltas() RETURNS bigint LANGUAGE plpgsql AS %L$f$,
    E'DECLARE\n  folded bigint;\n  days date[];\nBEGIN\n'
    || E'  PERFORM pg_advisory_xact_lock(hashtext(''analytics_fold_rollup_deltas''));\n'
    || E'  WITH taken AS (DELETE FROM analytics_incident_deltas RETURNING *)' || upserts
    || E'\n  SELECT count(*), array_agg(DISTINCT discovered_at) INTO folded, days FROM taken;\n'
    || E'  IF folded = 0 THEN RETURN 0; END IF;\n'
    -- A zero row would still count as a day seen (first/last seen of a decision or gap).
    || (SELECT string_agg(format('  DELETE FROM %I WHERE incidents = 0 AND day = ANY(days);', t), E'\n')
        FROM unnest(array['analytics_root_cause_days', 'analytics_team_pair_days', 'analytics_harm_kind_days',
          'analytics_lag_days', 'analytics_decision_days', 'analytics_decision_team_days', 'analytics_gap_team_days',
          'analytics_gapless_decision_team_days']) AS t)
    || E'\n  RETURN folded;\nEND;');
END;
$generate$;
--> statement-breakpoint
-- What the dashboard reads: each rollup plus the pending deltas, summed by its key. Keys that net
-- to nothing are left out, as the fold's sweep would. Filters on the key reach both sides.
CREATE VIEW analytics_root_cause_days_exact AS
  SELECT day, reporting_team_id, anonymous, root_cause, restricted, sum(incidents)::integer AS incidents,
    sum(weighted_harm)::bigint AS weighted_harm
  FROM (
    SELECT day, reporting_team_id, anonymous, root_cause, restricted, incidents, weighted_harm FROM analytics_root_cause_days
    UNION ALL
    SELECT discovered_at, reporting_team_id, anonymous, root_cause, restricted, sign, sign * weighted_harm
    FROM analytics_incident_deltas
  ) u GROUP BY 1, 2, 3, 4, 5 HAVING sum(incidents) <> 0;
--> statement-breakpoint
CREATE VIEW analytics_team_pair_days_exact AS
  SELECT day, reporting_team_id, anonymous, decision_owner_team_id, restricted, sum(incidents)::integer AS incidents,
    sum(weighted_harm)::bigint AS weighted_harm, sum(engineer_days_lost)::numeric(14, 1) AS engineer_days_lost,
    sum(delay_days)::bigint AS delay_days
  FROM (
    SELECT day, reporting_team_id, anonymous, decision_owner_team_id, restricted, incidents, weighted_harm, engineer_days_lost,
      delay_days
    FROM analytics_team_pair_days
    UNION ALL
    SELECT discovered_at, reporting_team_id, anonymous, decision_owner_team_id, restricted, sign, sign * weighted_harm,
      coalesce(sign * engineer_days_lost, 0), coalesce(sign * delay_days, 0)
    FROM analytics_incident_deltas
  ) u GROUP BY 1, 2, 3, 4, 5 HAVING sum(incidents) <> 0;
--> statement-breakpoint
CREATE VIEW analytics_harm_kind_days_exact AS
  SELECT day, reporting_team_id, anonymous, harm_kind, restricted, sum(incidents)::integer AS incidents,
    sum(weighted_harm)::bigint AS weighted_harm, sum(engineer_days_lost)::numeric(14, 1) AS engineer_days_lost,
    sum(delay_days)::bigint AS delay_days
  FROM (
    SELECT day, reporting_team_id, anonymous, harm_kind, restricted, incidents, weighted_harm, engineer_days_lost, delay_days
    FROM analytics_harm_kind_days
    UNION ALL
    SELECT discovered_at, reporting_team_id, anonymous, kind, restricted, sign, sign * weighted_harm,
      coalesce(sign * engineer_days_lost, 0), coalesce(sign * delay_days, 0)
    FROM analytics_incident_deltas CROSS JOIN unnest(harm_kinds) AS kind
  ) u GROUP BY 1, 2, 3, 4, 5 HAVING sum(incidents) <> 0;
--> statement-breakpoint
CREATE VIEW analytics_lag_days_exact AS
  SELECT day, discovery_channel, lag_bucket, restricted, sum(incidents)::integer AS incidents
  FROM (
    SELECT day, discovery_channel, lag_bucket, restricted, incidents FROM analytics_lag_days
    UNION ALL
    SELECT discovered_at, discovery_channel, analytics_lag_bucket(discovered_at - decided_at), restricted, sign
    FROM analytics_incident_deltas
  ) u GROUP BY 1, 2, 3, 4 HAVING sum(incidents) <> 0;
--> statement-breakpoint
CREATE VIEW analytics_decision_days_exact AS
  SELECT day, decision_id, restricted, sum(incidents)::integer AS incidents, sum(weighted_harm)::bigint AS weighted_harm
  FROM (
    SELECT day, decision_id, restricted, incidents, weighted_harm FROM analytics_decision_days
    UNION ALL
    SELECT discovered_at, decision_id, restricted, sign, sign * weighted_harm FROM analytics_incident_deltas
  ) u GROUP BY 1, 2, 3 HAVING sum(incidents) <> 0;
--> statement-breakpoint
CREATE VIEW analytics_decision_team_days_exact AS
  SELECT decision_id, day, reporting_team_id, anonymous, restricted, sum(incidents)::integer AS incidents,
    sum(weighted_harm)::bigint AS weighted_harm
  FROM (
    SELECT decision_id, day, reporting_team_id, anonymous, restricted, incidents, weighted_harm FROM analytics_decision_team_days
    UNION ALL
    SELECT decision_id, discovered_at, reporting_team_id, anonymous, restricted, sign, sign * weighted_harm
    FROM analytics_incident_deltas WHERE decision_id IS NOT NULL
  ) u GROUP BY 1, 2, 3, 4, 5 HAVING sum(incidents) <> 0;
--> statement-breakpoint
CREATE VIEW analytics_gap_team_days_exact AS
  SELECT gap_id, day, reporting_team_id, anonymous, restricted, sum(incidents)::integer AS incidents,
    sum(weighted_harm)::bigint AS weighted_harm
  FROM (
    SELECT gap_id, day, reporting_team_id, anonymous, restricted, incidents, weighted_harm FROM analytics_gap_team_days
    UNION ALL
    SELECT gap_id, discovered_at, reporting_team_id, anonymous, restricted, sign, sign * weighted_harm
    FROM analytics_incident_deltas WHERE gap_id IS NOT NULL
  ) u GROUP BY 1, 2, 3, 4, 5 HAVING sum(incidents) <> 0;
--> statement-breakpoint
CREATE VIEW analytics_gapless_decision_team_days_exact AS
  SELECT decision_id, day, reporting_team_id, anonymous, restricted, sum(incidents)::integer AS incidents,
    sum(weighted_harm)::bigint AS weighted_harm
  FROM (
    SELECT decision_id, day, reporting_team_id, anonymous, restricted, incidents, weighted_harm
    FROM analytics_gapless_decision_team_days
    UNION ALL
    SELECT decision_id, discovered_at, reporting_team_id, anonymous, restricted, sign, sign * weighted_harm
    FROM analytics_incident_deltas WHERE gap_id IS NULL AND decision_id IS NOT NULL
  ) u GROUP BY 1, 2, 3, 4, 5 HAVING sum(incidents) <> 0;
