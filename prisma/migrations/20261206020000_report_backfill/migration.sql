-- AlterTable
ALTER TABLE "MonthlyReport" ADD COLUMN     "backfillId" INTEGER;

-- CreateTable
CREATE TABLE "ReportBackfill" (
    "id" SERIAL NOT NULL,
    "planYearId" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created" INTEGER NOT NULL,
    "restated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportBackfill_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportBackfill_planYearId_month_idx" ON "ReportBackfill"("planYearId", "month");

-- AddForeignKey
ALTER TABLE "MonthlyReport" ADD CONSTRAINT "MonthlyReport_backfillId_fkey" FOREIGN KEY ("backfillId") REFERENCES "ReportBackfill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportBackfill" ADD CONSTRAINT "ReportBackfill_planYearId_fkey" FOREIGN KEY ("planYearId") REFERENCES "PlanYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportBackfill" ADD CONSTRAINT "ReportBackfill_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

