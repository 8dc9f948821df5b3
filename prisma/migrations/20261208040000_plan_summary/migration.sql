-- CreateTable
CREATE TABLE "PlanSummary" (
    "planId" INTEGER NOT NULL,
    "planYearId" INTEGER NOT NULL,
    "plannedYtd" DECIMAL(18,2)[],
    "approvedYtd" DECIMAL(18,2)[],
    "submittedYtd" DECIMAL(18,2)[],
    "onTimeYtd" INTEGER[],
    "readyToStart" BOOLEAN[],
    "status" "ReportStatus"[],
    "flagLevel" INTEGER[],

    CONSTRAINT "PlanSummary_pkey" PRIMARY KEY ("planId")
);

-- CreateTable
CREATE TABLE "PlanMonthSummary" (
    "planId" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "status" "ReportStatus" NOT NULL,
    "approved" DECIMAL(18,2),
    "submitted" DECIMAL(18,2),
    "flags" TEXT[],
    "onTime" BOOLEAN NOT NULL,
    "readyToStart" BOOLEAN,

    CONSTRAINT "PlanMonthSummary_pkey" PRIMARY KEY ("planId","month")
);

-- CreateIndex
CREATE INDEX "PlanSummary_planYearId_idx" ON "PlanSummary"("planYearId");

-- AddForeignKey
ALTER TABLE "PlanSummary" ADD CONSTRAINT "PlanSummary_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ProjectPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanMonthSummary" ADD CONSTRAINT "PlanMonthSummary_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ProjectPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ── The definition ─────────────────────────────────────────────────────────────────────────────────────────────
-- What each summary row must hold, computed from the reports, the monthly split and the plan year: the triggers
-- below write exactly this, and `npm run figures:verify` compares the tables with it. Functions (not views), so
-- the schema stays what schema.prisma describes.

-- One report's figures. Plans are joined one by one (a nested loop over the ids, index lookups on the reports),
-- so the cost follows the number of plans refreshed, not the size of the tables.
CREATE FUNCTION "keystone_plan_month_figures"(ids INTEGER[])
RETURNS TABLE ("planId" INTEGER, "month" INTEGER, "status" "ReportStatus", "approved" NUMERIC, "submitted" NUMERIC,
               "flags" TEXT[], "onTime" BOOLEAN, "readyToStart" BOOLEAN)
LANGUAGE sql STABLE AS $$
  SELECT r."planId", r.month, r.status, r."approvedInvested",
         CASE WHEN r.status IN ('SUBMITTED', 'APPROVED') THEN r."investedThisMonth" ELSE r."approvedInvested" END,
         r.flags,
         -- on time: submitted (Chongqing calendar day) by day D of the following month
         COALESCE(r."submittedAt" IS NOT NULL
           AND (r."submittedAt" AT TIME ZONE 'Asia/Shanghai')::date
               <= (make_date(py.year, 1, 1) + make_interval(months => r.month)
                   + make_interval(days => py."reportDeadlineDay" - 1))::date, false),
         r."readyToStart"
    FROM (SELECT DISTINCT unnest(ids)) AS u(id)
    JOIN "ProjectPlan" pp ON pp.id = u.id
    JOIN "PlanYear" py ON py.id = pp."planYearId"
   CROSS JOIN LATERAL (SELECT * FROM "MonthlyReport" r WHERE r."planId" = pp.id) r
$$;

-- One plan's figures: months 1–12 of its split and its reports, running totals per month; one plan at a time.
CREATE FUNCTION "keystone_plan_figures"(ids INTEGER[])
RETURNS TABLE ("planId" INTEGER, "planYearId" INTEGER, "plannedYtd" NUMERIC[], "approvedYtd" NUMERIC[],
               "submittedYtd" NUMERIC[], "onTimeYtd" INTEGER[], "readyToStart" BOOLEAN[], "status" "ReportStatus"[],
               "flagLevel" INTEGER[])
LANGUAGE sql STABLE AS $$
  SELECT pp.id, pp."planYearId", f.*
    FROM (SELECT DISTINCT unnest(ids)) AS u(id)
    JOIN "ProjectPlan" pp ON pp.id = u.id
    JOIN "PlanYear" py ON py.id = pp."planYearId"
   CROSS JOIN LATERAL (
     SELECT array_agg(planned ORDER BY month), array_agg(approved ORDER BY month), array_agg(submitted ORDER BY month),
            array_agg("onTime" ORDER BY month), array_agg(ready ORDER BY month), array_agg(status ORDER BY month),
            array_agg(flag ORDER BY month)
       FROM (
         SELECT month, status, flag,
                COALESCE(sum(planned) OVER w, 0)::numeric(18, 2) AS planned,
                COALESCE(sum(approved) OVER w, 0)::numeric(18, 2) AS approved,
                COALESCE(sum(submitted) OVER w, 0)::numeric(18, 2) AS submitted,
                (count(*) FILTER (WHERE "onTime") OVER w)::int AS "onTime",
                -- the latest report of months 1…m: the first month of its run of "seen"
                seen > 0 AND first_value("readyToStart") OVER (PARTITION BY seen ORDER BY month) IS TRUE AS ready
           FROM (
             SELECT m.month, i.amount AS planned, r.status, r."approvedInvested" AS approved,
                    CASE WHEN r.status IN ('SUBMITTED', 'APPROVED') THEN r."investedThisMonth"
                         ELSE r."approvedInvested" END AS submitted,
                    COALESCE(r."submittedAt" IS NOT NULL
                      AND (r."submittedAt" AT TIME ZONE 'Asia/Shanghai')::date
                          <= (make_date(py.year, 1, 1) + make_interval(months => r.month)
                              + make_interval(days => py."reportDeadlineDay" - 1))::date, false) AS "onTime",
                    r."readyToStart",
                    CASE WHEN 'cumulativeAboveTotal' = ANY(r.flags) THEN 2 WHEN cardinality(r.flags) > 0 THEN 1 ELSE 0 END AS flag,
                    -- reports seen so far: the months since the latest report share its number
                    count(r.id) OVER (ORDER BY m.month) AS seen
               FROM generate_series(1, 12) AS m(month)
               LEFT JOIN "MonthlyReport" r ON r."planId" = pp.id AND r.month = m.month
               LEFT JOIN "MonthlyPlanItem" i ON i."planId" = pp.id AND i.month = m.month
           ) cells
         WINDOW w AS (ORDER BY month)
       ) running
   ) f
$$;

-- ── Upkeep ──────────────────────────────────────────────────────────────────────────────────────────────────────
-- Rewrites the summary rows of these plans that differ from the definition, and only those: an unchanged row is
-- not written, so it fires no trigger (the figures version moves only when a figure changed). The plans' summary
-- rows are locked first, in id order: a concurrent writer of the same plan waits here, and the statements below,
-- each with a new snapshot, then see its committed reports (no lost update between two months of one plan).
CREATE FUNCTION "keystone_refresh_plan_figures"(ids INTEGER[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF ids IS NULL OR cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "PlanSummary" WHERE "planId" = ANY(ids) ORDER BY "planId" FOR UPDATE;

  DELETE FROM "PlanMonthSummary" s
   WHERE s."planId" = ANY(ids)
     AND NOT EXISTS (SELECT 1 FROM "MonthlyReport" r WHERE r."planId" = s."planId" AND r.month = s.month);
  INSERT INTO "PlanMonthSummary" AS s ("planId", month, status, approved, submitted, flags, "onTime", "readyToStart")
  SELECT * FROM "keystone_plan_month_figures"(ids)
  ON CONFLICT ("planId", month) DO UPDATE
     SET status = EXCLUDED.status, approved = EXCLUDED.approved, submitted = EXCLUDED.submitted,
         flags = EXCLUDED.flags, "onTime" = EXCLUDED."onTime", "readyToStart" = EXCLUDED."readyToStart"
   WHERE (s.status, s.approved, s.submitted, s.flags, s."onTime", s."readyToStart")
         IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.approved, EXCLUDED.submitted, EXCLUDED.flags, EXCLUDED."onTime",
                           EXCLUDED."readyToStart");

  INSERT INTO "PlanSummary" AS s ("planId", "planYearId", "plannedYtd", "approvedYtd", "submittedYtd", "onTimeYtd",
                                  "readyToStart", status, "flagLevel")
  SELECT * FROM "keystone_plan_figures"(ids)
  ON CONFLICT ("planId") DO UPDATE
     SET "planYearId" = EXCLUDED."planYearId", "plannedYtd" = EXCLUDED."plannedYtd",
         "approvedYtd" = EXCLUDED."approvedYtd", "submittedYtd" = EXCLUDED."submittedYtd",
         "onTimeYtd" = EXCLUDED."onTimeYtd", "readyToStart" = EXCLUDED."readyToStart", status = EXCLUDED.status,
         "flagLevel" = EXCLUDED."flagLevel"
   WHERE (s."planYearId", s."plannedYtd", s."approvedYtd", s."submittedYtd", s."onTimeYtd", s."readyToStart",
          s.status, s."flagLevel")
         IS DISTINCT FROM (EXCLUDED."planYearId", EXCLUDED."plannedYtd", EXCLUDED."approvedYtd",
                           EXCLUDED."submittedYtd", EXCLUDED."onTimeYtd", EXCLUDED."readyToStart", EXCLUDED.status,
                           EXCLUDED."flagLevel");
END
$$;

-- Statement-level triggers with transition tables: approving 1,000 reports or a 10,000-row month sheet refreshes
-- each plan once, set-based, at the end of the statement (same transaction). An UPDATE that changes none of the
-- columns the figures read (a draft's texts, its version) refreshes nothing; one that changes such a column but
-- no figure (a draft's amount, counted on neither basis) refreshes its plans and writes nothing.
CREATE FUNCTION "keystone_report_figures_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids INTEGER[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT "planId") INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT "planId") INTO ids FROM old_rows;
  ELSE
    -- only rows whose figure columns changed
    SELECT array_agg(DISTINCT x."planId") INTO ids FROM (
      SELECT n."planId", o."planId" AS "oldPlanId" FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n."planId", n.month, n.status, n."approvedInvested", n."investedThisMonth", n.flags, n."submittedAt",
              n."readyToStart")
             IS DISTINCT FROM (o."planId", o.month, o.status, o."approvedInvested", o."investedThisMonth", o.flags,
                               o."submittedAt", o."readyToStart")
    ) c CROSS JOIN LATERAL (VALUES (c."planId"), (c."oldPlanId")) AS x("planId");
  END IF;
  PERFORM "keystone_refresh_plan_figures"(ids);
  RETURN NULL;
END
$$;

CREATE TRIGGER "plan_figures_insert" AFTER INSERT ON "MonthlyReport" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "keystone_report_figures_changed"();
CREATE TRIGGER "plan_figures_update" AFTER UPDATE ON "MonthlyReport" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "keystone_report_figures_changed"();
CREATE TRIGGER "plan_figures_delete" AFTER DELETE ON "MonthlyReport" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "keystone_report_figures_changed"();

-- The monthly split (分月计划): its plans.
CREATE FUNCTION "keystone_split_figures_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids INTEGER[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT "planId") INTO ids FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT "planId") INTO ids FROM old_rows;
  ELSE
    SELECT array_agg(DISTINCT x) INTO ids FROM (SELECT "planId" FROM new_rows UNION SELECT "planId" FROM old_rows) u(x);
  END IF;
  PERFORM "keystone_refresh_plan_figures"(ids);
  RETURN NULL;
END
$$;

CREATE TRIGGER "plan_figures_insert" AFTER INSERT ON "MonthlyPlanItem" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "keystone_split_figures_changed"();
CREATE TRIGGER "plan_figures_update" AFTER UPDATE ON "MonthlyPlanItem" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "keystone_split_figures_changed"();
CREATE TRIGGER "plan_figures_delete" AFTER DELETE ON "MonthlyPlanItem" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "keystone_split_figures_changed"();

-- A new plan gets its (empty) row; a plan moved to another year is refreshed.
CREATE FUNCTION "keystone_plan_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids INTEGER[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(id) INTO ids FROM new_rows;
  ELSE
    SELECT array_agg(n.id) INTO ids FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE n."planYearId" IS DISTINCT FROM o."planYearId";
  END IF;
  PERFORM "keystone_refresh_plan_figures"(ids);
  RETURN NULL;
END
$$;

CREATE TRIGGER "plan_figures_insert" AFTER INSERT ON "ProjectPlan" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "keystone_plan_row_changed"();
CREATE TRIGGER "plan_figures_update" AFTER UPDATE ON "ProjectPlan" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "keystone_plan_row_changed"();

-- The plan year's deadline day decides which reports were on time: a change refreshes the year's plans.
CREATE FUNCTION "keystone_plan_year_figures_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ids INTEGER[];
BEGIN
  SELECT array_agg(pp.id) INTO ids FROM "ProjectPlan" pp
   WHERE pp."planYearId" IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
                              WHERE (n.year, n."reportDeadlineDay") IS DISTINCT FROM (o.year, o."reportDeadlineDay"));
  PERFORM "keystone_refresh_plan_figures"(ids);
  RETURN NULL;
END
$$;

CREATE TRIGGER "plan_figures_update" AFTER UPDATE ON "PlanYear" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "keystone_plan_year_figures_changed"();

-- Backfill: every existing plan.
SELECT "keystone_refresh_plan_figures"(ARRAY(SELECT id FROM "ProjectPlan" ORDER BY id));
