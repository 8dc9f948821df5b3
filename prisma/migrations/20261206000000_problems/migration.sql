-- CreateEnum
CREATE TYPE "ProblemLevel" AS ENUM ('NORMAL', 'KEY', 'SUPERVISED');

-- CreateEnum
CREATE TYPE "ProblemStatus" AS ENUM ('PENDING', 'IN_PROGRESS', 'CLOSE_PROPOSED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ProblemSourceField" AS ENUM ('PROBLEMS', 'COORDINATION', 'BLOCKERS');

-- CreateEnum
CREATE TYPE "ProblemEntryKind" AS ENUM ('RAISED', 'ASSIGNED', 'REPLY', 'CLOSE_PROPOSED', 'SENT_BACK', 'CLOSED', 'REOPENED', 'ESCALATED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'PROBLEM_RAISED';
ALTER TYPE "NotificationKind" ADD VALUE 'PROBLEM_ASSIGNED';
ALTER TYPE "NotificationKind" ADD VALUE 'PROBLEM_REPLY';
ALTER TYPE "NotificationKind" ADD VALUE 'PROBLEM_CLOSE_PROPOSED';
ALTER TYPE "NotificationKind" ADD VALUE 'PROBLEM_SENT_BACK';
ALTER TYPE "NotificationKind" ADD VALUE 'PROBLEM_CLOSED';
ALTER TYPE "NotificationKind" ADD VALUE 'PROBLEM_REOPENED';
ALTER TYPE "NotificationKind" ADD VALUE 'PROBLEM_DUE_SOON';
ALTER TYPE "NotificationKind" ADD VALUE 'PROBLEM_OVERDUE';
ALTER TYPE "NotificationKind" ADD VALUE 'PROBLEM_ESCALATED';

-- AlterTable
ALTER TABLE "AppSetting" ADD COLUMN     "problemEscalationDays" INTEGER NOT NULL DEFAULT 7;

-- CreateTable
CREATE TABLE "ProblemCategory" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProblemCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Problem" (
    "id" SERIAL NOT NULL,
    "planYearId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "projectId" INTEGER,
    "sourceReportId" INTEGER,
    "sourceField" "ProblemSourceField",
    "categoryId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "raisedByDepartmentId" INTEGER NOT NULL,
    "raisedById" INTEGER,
    "leadDepartmentId" INTEGER,
    "leaderId" INTEGER,
    "dueDate" DATE,
    "level" "ProblemLevel" NOT NULL DEFAULT 'NORMAL',
    "status" "ProblemStatus" NOT NULL DEFAULT 'PENDING',
    "supervisionSeq" INTEGER,
    "supervisionNumber" TEXT,
    "supervisionRequirement" TEXT,
    "escalatedAt" TIMESTAMPTZ(3),
    "resolution" TEXT,
    "closedById" INTEGER,
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Problem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemSupportingUnit" (
    "problemId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,

    CONSTRAINT "ProblemSupportingUnit_pkey" PRIMARY KEY ("problemId","departmentId")
);

-- CreateTable
CREATE TABLE "ProblemEntry" (
    "id" SERIAL NOT NULL,
    "problemId" INTEGER NOT NULL,
    "kind" "ProblemEntryKind" NOT NULL,
    "authorId" INTEGER,
    "departmentId" INTEGER,
    "body" TEXT NOT NULL DEFAULT '',
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProblemEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProblemCategory_name_key" ON "ProblemCategory"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Problem_number_key" ON "Problem"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Problem_supervisionNumber_key" ON "Problem"("supervisionNumber");

-- CreateIndex
CREATE INDEX "Problem_status_dueDate_idx" ON "Problem"("status", "dueDate");

-- CreateIndex
CREATE INDEX "Problem_projectId_idx" ON "Problem"("projectId");

-- CreateIndex
CREATE INDEX "Problem_leadDepartmentId_idx" ON "Problem"("leadDepartmentId");

-- CreateIndex
CREATE INDEX "Problem_raisedByDepartmentId_idx" ON "Problem"("raisedByDepartmentId");

-- CreateIndex
CREATE INDEX "Problem_sourceReportId_idx" ON "Problem"("sourceReportId");

-- CreateIndex
CREATE UNIQUE INDEX "Problem_planYearId_seq_key" ON "Problem"("planYearId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Problem_planYearId_supervisionSeq_key" ON "Problem"("planYearId", "supervisionSeq");

-- CreateIndex
CREATE INDEX "ProblemSupportingUnit_departmentId_idx" ON "ProblemSupportingUnit"("departmentId");

-- CreateIndex
CREATE INDEX "ProblemEntry_problemId_createdAt_idx" ON "ProblemEntry"("problemId", "createdAt");

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_planYearId_fkey" FOREIGN KEY ("planYearId") REFERENCES "PlanYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_sourceReportId_fkey" FOREIGN KEY ("sourceReportId") REFERENCES "MonthlyReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ProblemCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_raisedByDepartmentId_fkey" FOREIGN KEY ("raisedByDepartmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_leadDepartmentId_fkey" FOREIGN KEY ("leadDepartmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemSupportingUnit" ADD CONSTRAINT "ProblemSupportingUnit_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemSupportingUnit" ADD CONSTRAINT "ProblemSupportingUnit_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemEntry" ADD CONSTRAINT "ProblemEntry_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "Problem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemEntry" ADD CONSTRAINT "ProblemEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The categories every district starts with (the bureau edits the list in the app).
INSERT INTO "ProblemCategory" ("name", "sortOrder", "updatedAt") VALUES
  ('征地拆迁', 10, now()),
  ('规划用地', 20, now()),
  ('审批手续', 30, now()),
  ('资金保障', 40, now()),
  ('管线迁改', 50, now()),
  ('施工组织', 60, now()),
  ('其他', 100, now());
