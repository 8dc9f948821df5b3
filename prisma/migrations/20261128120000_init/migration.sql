-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "PlanYearStatus" AS ENUM ('DRAFT', 'ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('BUREAU', 'DEPARTMENT', 'SUBDISTRICT', 'MANAGEMENT_COMMITTEE', 'STATE_COMPANY');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'BUREAU', 'DEPARTMENT', 'LEADER');

-- CreateEnum
CREATE TYPE "BuildType" AS ENUM ('NEW', 'CONTINUED', 'EXPANSION');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('COMPLETION', 'ONGOING', 'NEW_START', 'PRELIMINARY');

-- CreateEnum
CREATE TYPE "InvestorType" AS ENUM ('MUNICIPAL', 'DISTRICT', 'SOCIAL');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('INFRASTRUCTURE', 'PUBLIC_SERVICE', 'REAL_ESTATE', 'INDUSTRY');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('APPROVAL', 'LAND', 'PLANNING_PERMIT', 'EIA', 'CONSTRUCTION_PERMIT');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'BLOCKED');

-- CreateEnum
CREATE TYPE "IndicatorNature" AS ENUM ('EXPECTED', 'BINDING');

-- CreateEnum
CREATE TYPE "PlanCut" AS ENUM ('TOTAL', 'STAGE', 'INVESTOR', 'DIRECTION');

-- CreateTable
CREATE TABLE "PlanYear" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "approvedInvestment" DECIMAL(18,2) NOT NULL,
    "status" "PlanYearStatus" NOT NULL DEFAULT 'DRAFT',
    "currentMonth" INTEGER NOT NULL DEFAULT 1,
    "reportDeadlineDay" INTEGER NOT NULL DEFAULT 5,
    "paceYellowPoints" DECIMAL(5,2) NOT NULL DEFAULT 10,
    "paceRedPoints" DECIMAL(5,2) NOT NULL DEFAULT 30,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlanYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanFigure" (
    "id" SERIAL NOT NULL,
    "planYearId" INTEGER NOT NULL,
    "cut" "PlanCut" NOT NULL,
    "key" TEXT NOT NULL,
    "projectCount" INTEGER,
    "amount" DECIMAL(18,2),
    "sharePercent" DECIMAL(5,2),

    CONSTRAINT "PlanFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "kind" "DepartmentKind" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "departmentId" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "passwordChangedAt" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "ownerUnit" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "buildType" "BuildType" NOT NULL,
    "scope" TEXT NOT NULL,
    "totalInvestment" DECIMAL(18,2) NOT NULL,
    "plannedStart" DATE,
    "plannedCompletion" DATE,
    "actualStart" DATE,
    "actualCompletion" DATE,
    "leaderInCharge" TEXT,
    "contactName" TEXT,
    "contactPhone" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectPlan" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "planYearId" INTEGER NOT NULL,
    "stage" "Stage" NOT NULL,
    "investorType" "InvestorType" NOT NULL,
    "direction" "Direction" NOT NULL,
    "cumulativeBeforeYear" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "annualPlan" DECIMAL(18,2),
    "milestoneTarget" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProjectPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthlyPlanItem" (
    "planId" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "MonthlyPlanItem_pkey" PRIMARY KEY ("planId","month")
);

-- CreateTable
CREATE TABLE "MonthlyReport" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "investedThisMonth" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "progressText" TEXT NOT NULL DEFAULT '',
    "percentComplete" DECIMAL(5,2),
    "actualStart" DATE,
    "actualCompletion" DATE,
    "problems" TEXT NOT NULL DEFAULT '',
    "coordinationNeeded" TEXT NOT NULL DEFAULT '',
    "nextSteps" TEXT NOT NULL DEFAULT '',
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedById" INTEGER,
    "submittedAt" TIMESTAMPTZ(3),
    "reviewedById" INTEGER,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "MonthlyReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonthlyReportRevision" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "investedThisMonth" DECIMAL(18,2) NOT NULL,
    "progressText" TEXT NOT NULL,
    "percentComplete" DECIMAL(5,2),
    "approvedById" INTEGER,
    "approvedAt" TIMESTAMPTZ(3) NOT NULL,
    "reopenedById" INTEGER,
    "reopenedAt" TIMESTAMPTZ(3),
    "reopenReason" TEXT,

    CONSTRAINT "MonthlyReportRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PreliminaryMilestone" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "plannedDate" DATE,
    "actualDate" DATE,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "note" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PreliminaryMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "actor" TEXT NOT NULL,
    "ip" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" SERIAL NOT NULL,
    "planYearId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "nature" "IndicatorNature" NOT NULL,
    "previousOutcome" TEXT NOT NULL,
    "targetText" TEXT NOT NULL,
    "targetValue" DECIMAL(18,4),

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanYear_year_key" ON "PlanYear"("year");

-- CreateIndex
CREATE UNIQUE INDEX "PlanFigure_planYearId_cut_key_key" ON "PlanFigure"("planYearId", "cut", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_username_key" ON "User"("username");

-- CreateIndex
CREATE INDEX "User_departmentId_idx" ON "User"("departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_code_key" ON "Project"("code");

-- CreateIndex
CREATE INDEX "Project_departmentId_idx" ON "Project"("departmentId");

-- CreateIndex
CREATE INDEX "ProjectPlan_planYearId_stage_idx" ON "ProjectPlan"("planYearId", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectPlan_projectId_planYearId_key" ON "ProjectPlan"("projectId", "planYearId");

-- CreateIndex
CREATE INDEX "MonthlyReport_month_status_idx" ON "MonthlyReport"("month", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyReport_planId_month_key" ON "MonthlyReport"("planId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "MonthlyReportRevision_reportId_revision_key" ON "MonthlyReportRevision"("reportId", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "PreliminaryMilestone_projectId_kind_key" ON "PreliminaryMilestone"("projectId", "kind");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_planYearId_seq_key" ON "Indicator"("planYearId", "seq");

-- AddForeignKey
ALTER TABLE "PlanFigure" ADD CONSTRAINT "PlanFigure_planYearId_fkey" FOREIGN KEY ("planYearId") REFERENCES "PlanYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPlan" ADD CONSTRAINT "ProjectPlan_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectPlan" ADD CONSTRAINT "ProjectPlan_planYearId_fkey" FOREIGN KEY ("planYearId") REFERENCES "PlanYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyPlanItem" ADD CONSTRAINT "MonthlyPlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ProjectPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyReport" ADD CONSTRAINT "MonthlyReport_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ProjectPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyReport" ADD CONSTRAINT "MonthlyReport_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyReport" ADD CONSTRAINT "MonthlyReport_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyReportRevision" ADD CONSTRAINT "MonthlyReportRevision_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MonthlyReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PreliminaryMilestone" ADD CONSTRAINT "PreliminaryMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_planYearId_fkey" FOREIGN KEY ("planYearId") REFERENCES "PlanYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: the audit log is append-only, enforced by the database itself so that no code path
-- (nor a stray psql session using the app's role) can rewrite history.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

CREATE TRIGGER "AuditLog_no_truncate"
  BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_append_only"();
