-- AlterTable
ALTER TABLE "MonthlyReport" ADD COLUMN     "explanation" TEXT NOT NULL DEFAULT '';

