-- A tradeoff request is answered the moment its decision carries a complete tradeoff, however
-- the decision was changed (API, CLI, import). A trigger rather than code in the decision
-- repository, so no write path can forget it; the decision's audit entry records the change.
CREATE OR REPLACE FUNCTION tradeoff_requests_mark_answered() RETURNS trigger AS $$
BEGIN
  IF coalesce(btrim(NEW.tradeoff_prefer), '') <> '' AND coalesce(btrim(NEW.tradeoff_over), '') <> ''
     AND coalesce(btrim(NEW.tradeoff_for_goal), '') <> '' THEN
    UPDATE tradeoff_requests SET answered_at = now(), updated_at = now()
      WHERE decision_id = NEW.id AND answered_at IS NULL;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER decisions_answer_tradeoff_requests
  AFTER UPDATE OF tradeoff_prefer, tradeoff_over, tradeoff_for_goal ON decisions
  FOR EACH ROW EXECUTE FUNCTION tradeoff_requests_mark_answered();
