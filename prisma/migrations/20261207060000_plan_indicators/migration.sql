-- CreateEnum
CREATE TYPE "IndicatorFrequency" AS ENUM ('MONTHLY', 'QUARTERLY', 'ANNUAL');

-- CreateEnum
CREATE TYPE "IndicatorJudgement" AS ENUM ('MET', 'NOT_MET');

-- AlterTable
-- An existing year's indicators become the bureau's until it names their departments: the column is added empty,
-- filled with the bureau, then made required.
ALTER TABLE "Indicator" ADD COLUMN     "cumulative" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "departmentId" INTEGER,
ADD COLUMN     "frequency" "IndicatorFrequency" NOT NULL DEFAULT 'ANNUAL';
UPDATE "Indicator" SET "departmentId" = (SELECT "id" FROM "Department" WHERE "kind" = 'BUREAU' ORDER BY "id" LIMIT 1);
ALTER TABLE "Indicator" ALTER COLUMN "departmentId" SET NOT NULL;

-- CreateTable
CREATE TABLE "IndicatorActual" (
    "id" SERIAL NOT NULL,
    "indicatorId" INTEGER NOT NULL,
    "period" INTEGER NOT NULL,
    "value" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "judgement" "IndicatorJudgement",
    "reviewComment" TEXT,
    "enteredById" INTEGER,
    "enteredAt" TIMESTAMPTZ(3) NOT NULL,
    "submittedById" INTEGER,
    "submittedAt" TIMESTAMPTZ(3),
    "reviewedById" INTEGER,
    "reviewedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IndicatorActual_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IndicatorActual_status_idx" ON "IndicatorActual"("status");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorActual_indicatorId_period_key" ON "IndicatorActual"("indicatorId", "period");

-- CreateIndex
CREATE INDEX "Indicator_departmentId_idx" ON "Indicator"("departmentId");

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorActual" ADD CONSTRAINT "IndicatorActual_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorActual" ADD CONSTRAINT "IndicatorActual_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorActual" ADD CONSTRAINT "IndicatorActual_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorActual" ADD CONSTRAINT "IndicatorActual_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

