-- CreateTable
CREATE TABLE "FiguresVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FiguresVersion_pkey" PRIMARY KEY ("id")
);

INSERT INTO "FiguresVersion" ("id", "version") VALUES (1, 0);

-- Bumps the figures version once per transaction, at commit. The triggers below are deferred constraint
-- triggers, so the version row is locked only at the very end of a writing transaction, after every other lock
-- it takes: it cannot take part in a deadlock, and readers see the new version only with the committed data.
-- The first row event of a transaction bumps; the rest see the transaction-local marker and return.
CREATE FUNCTION "keystone_figures_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('keystone.figures_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    INSERT INTO "FiguresVersion" ("id", "version", "changedAt") VALUES (1, 1, now())
      ON CONFLICT ("id") DO UPDATE SET "version" = "FiguresVersion"."version" + 1, "changedAt" = now();
    PERFORM set_config('keystone.figures_bumped', txid_current()::text, true);
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "figures_changed" AFTER INSERT OR UPDATE OR DELETE ON "MonthlyReport"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keystone_figures_changed"();
CREATE CONSTRAINT TRIGGER "figures_changed" AFTER INSERT OR UPDATE OR DELETE ON "MonthlyPlanItem"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keystone_figures_changed"();
CREATE CONSTRAINT TRIGGER "figures_changed" AFTER INSERT OR UPDATE OR DELETE ON "ProjectPlan"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keystone_figures_changed"();
CREATE CONSTRAINT TRIGGER "figures_changed" AFTER INSERT OR UPDATE OR DELETE ON "Project"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keystone_figures_changed"();
CREATE CONSTRAINT TRIGGER "figures_changed" AFTER INSERT OR UPDATE OR DELETE ON "PreliminaryMilestone"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keystone_figures_changed"();
CREATE CONSTRAINT TRIGGER "figures_changed" AFTER INSERT OR UPDATE OR DELETE ON "PlanYear"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keystone_figures_changed"();
CREATE CONSTRAINT TRIGGER "figures_changed" AFTER INSERT OR UPDATE OR DELETE ON "Department"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "keystone_figures_changed"();
