-- DropForeignKey
ALTER TABLE "PlanFigure" DROP CONSTRAINT "PlanFigure_planYearId_fkey";

-- DropForeignKey
ALTER TABLE "ProjectPlan" DROP CONSTRAINT "ProjectPlan_projectId_fkey";

-- DropForeignKey
ALTER TABLE "MonthlyPlanItem" DROP CONSTRAINT "MonthlyPlanItem_planId_fkey";

-- DropForeignKey
ALTER TABLE "MonthlyReport" DROP CONSTRAINT "MonthlyReport_planId_fkey";

-- DropForeignKey
ALTER TABLE "MonthlyReportRevision" DROP CONSTRAINT "MonthlyReportRevision_reportId_fkey";

-- DropForeignKey
ALTER TABLE "PreliminaryMilestone" DROP CONSTRAINT "PreliminaryMilestone_projectId_fkey";

-- DropForeignKey
ALTER TABLE "Indicator" DROP CONSTRAINT "Indicator_planYearId_fkey";

-- AddForeignKey
ALTER TABLE "PlanFigure" ADD CONSTRAINT "PlanFigure_planYearId_fkey" FOREIGN KEY ("planYearId") REFERENCES "PlanYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPlan" ADD CONSTRAINT "ProjectPlan_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyPlanItem" ADD CONSTRAINT "MonthlyPlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ProjectPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyReport" ADD CONSTRAINT "MonthlyReport_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ProjectPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyReportRevision" ADD CONSTRAINT "MonthlyReportRevision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonthlyReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreliminaryMilestone" ADD CONSTRAINT "PreliminaryMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_planYearId_fkey" FOREIGN KEY ("planYearId") REFERENCES "PlanYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

