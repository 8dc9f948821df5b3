-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('REPORT_RETURNED', 'REPORT_REOPENED', 'REPORTS_SUBMITTED');

-- AlterTable
ALTER TABLE "MonthlyReport" ADD COLUMN     "approvedInvested" DECIMAL(18,2),
ADD COLUMN     "blockers" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "milestoneUpdates" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "readyToStart" BOOLEAN;

-- AlterTable
ALTER TABLE "MonthlyReportRevision" ADD COLUMN     "snapshot" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" TEXT NOT NULL,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- AddForeignKey
ALTER TABLE "MonthlyReportRevision" ADD CONSTRAINT "MonthlyReportRevision_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonthlyReportRevision" ADD CONSTRAINT "MonthlyReportRevision_reopenedById_fkey" FOREIGN KEY ("reopenedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: reports approved before this migration carry their figure as the approved one.
UPDATE "MonthlyReport" SET "approvedInvested" = "investedThisMonth" WHERE "status" = 'APPROVED';
