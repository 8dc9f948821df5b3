-- CreateTable
CREATE TABLE "PlanYearSnapshot" (
    "id" SERIAL NOT NULL,
    "planYearId" INTEGER NOT NULL,
    "basis" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "digest" TEXT NOT NULL,
    "figures" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanYearSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlanYearSnapshot_planYearId_basis_key" ON "PlanYearSnapshot"("planYearId", "basis");

-- AddForeignKey
ALTER TABLE "PlanYearSnapshot" ADD CONSTRAINT "PlanYearSnapshot_planYearId_fkey" FOREIGN KEY ("planYearId") REFERENCES "PlanYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

