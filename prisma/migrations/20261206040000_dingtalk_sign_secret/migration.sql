-- AlterTable
ALTER TABLE "DepartmentWebhook" ADD COLUMN     "signSecret" TEXT;

