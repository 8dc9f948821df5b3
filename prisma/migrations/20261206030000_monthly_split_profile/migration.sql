-- CreateEnum
CREATE TYPE "SplitProfile" AS ENUM ('EVEN', 'S_CURVE');

-- AlterTable
ALTER TABLE "PlanYear" ADD COLUMN     "splitProfile" "SplitProfile" NOT NULL DEFAULT 'EVEN',
ADD COLUMN     "splitWeights" DECIMAL(8,4)[] DEFAULT ARRAY[3, 4, 7, 8, 9, 10, 10, 11, 11, 10, 9, 8]::DECIMAL(8,4)[];

-- AlterTable
ALTER TABLE "ProjectPlan" ADD COLUMN     "monthlySplitDerived" "SplitProfile";

