-- Written by hand in the shape `prisma migrate diff` produces (see the init migration).
-- The responsibility projection of each flow's head revision: derived data, rewritten on every commit.

-- CreateEnum
CREATE TYPE "RaciLetter" AS ENUM ('R', 'A', 'C', 'I');

-- CreateEnum
CREATE TYPE "ResponsibilityElementKind" AS ENUM ('ACTIVITY', 'HANDOVER');

-- CreateTable
CREATE TABLE "FlowActivity" (
    "flowId" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "elementType" TEXT NOT NULL,
    "organisationId" TEXT,
    "laneRoleId" TEXT,
    "touchpoint" BOOLEAN NOT NULL DEFAULT false,
    "journeyPhase" TEXT,
    "valueClass" TEXT,
    "timeLimit" TEXT,

    CONSTRAINT "FlowActivity_pkey" PRIMARY KEY ("flowId","elementId")
);

-- CreateTable
CREATE TABLE "FlowHandover" (
    "flowId" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "fromOrganisationId" TEXT,
    "fromRoleId" TEXT,
    "fromElementId" TEXT,
    "toOrganisationId" TEXT,
    "toRoleId" TEXT,
    "toElementId" TEXT,
    "what" TEXT,
    "timeLimit" TEXT,
    "legalBasis" TEXT,
    "channel" TEXT,

    CONSTRAINT "FlowHandover_pkey" PRIMARY KEY ("flowId","elementId")
);

-- CreateTable
CREATE TABLE "FlowResponsibility" (
    "flowId" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "elementKind" "ResponsibilityElementKind" NOT NULL,
    "elementName" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "roleId" TEXT NOT NULL,
    "letter" "RaciLetter" NOT NULL,

    CONSTRAINT "FlowResponsibility_pkey" PRIMARY KEY ("flowId","elementId","roleId","letter")
);

-- CreateIndex
CREATE INDEX "FlowResponsibility_roleId_idx" ON "FlowResponsibility"("roleId");

-- AddForeignKey
ALTER TABLE "FlowActivity" ADD CONSTRAINT "FlowActivity_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowHandover" ADD CONSTRAINT "FlowHandover_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowResponsibility" ADD CONSTRAINT "FlowResponsibility_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;
