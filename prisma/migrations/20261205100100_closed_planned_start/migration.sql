-- AlterTable
ALTER TABLE "ProjectPlan" ADD COLUMN     "closedPlannedStart" DATE;


-- Years closed before this migration keep the planned starts they were closed with (the best record there is).
UPDATE "ProjectPlan" pp
   SET "closedPlannedStart" = p."plannedStart"
  FROM "Project" p, "PlanYear" py
 WHERE p.id = pp."projectId" AND py.id = pp."planYearId" AND py.status = 'CLOSED';
