-- Written by hand in the shape `prisma migrate diff` produces (see the init migration).
-- Approval of a flow version by every participating organisation, the published version on the flow,
-- follow-up indicators of time limits, and process landscape entries.

-- CreateEnum
CREATE TYPE "ApprovalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "Flow" ADD COLUMN "publishedVersion" INTEGER,
ADD COLUMN "publishedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "FlowApproval" (
    "id" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "ApprovalStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "FlowApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowApprovalOrganisation" (
    "approvalId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "status" "ApprovalDecision" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "comment" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "FlowApprovalOrganisation_pkey" PRIMARY KEY ("approvalId","organisationId")
);

-- CreateTable
CREATE TABLE "FlowIndicator" (
    "id" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "elementId" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "direction" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlowIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "indicatorId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("indicatorId","period")
);

-- CreateTable
CREATE TABLE "LandscapeProcess" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "ProcessCategory" NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "customer" TEXT NOT NULL DEFAULT '',
    "valueDelivered" TEXT NOT NULL DEFAULT '',
    "legalBasis" TEXT NOT NULL DEFAULT '',
    "processOwner" TEXT NOT NULL DEFAULT '',
    "flowId" TEXT,
    "serves" TEXT[] NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LandscapeProcess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FlowApproval_flowId_version_idx" ON "FlowApproval"("flowId", "version");

-- CreateIndex
CREATE INDEX "FlowApproval_requestedById_idx" ON "FlowApproval"("requestedById");

-- CreateIndex
CREATE INDEX "FlowApprovalOrganisation_organisationId_idx" ON "FlowApprovalOrganisation"("organisationId");

-- CreateIndex
CREATE INDEX "FlowApprovalOrganisation_decidedById_idx" ON "FlowApprovalOrganisation"("decidedById");

-- CreateIndex
CREATE INDEX "FlowIndicator_flowId_idx" ON "FlowIndicator"("flowId");

-- CreateIndex
CREATE INDEX "FlowIndicator_createdById_idx" ON "FlowIndicator"("createdById");

-- CreateIndex
CREATE INDEX "LandscapeProcess_organisationId_idx" ON "LandscapeProcess"("organisationId");

-- CreateIndex
CREATE INDEX "LandscapeProcess_flowId_idx" ON "LandscapeProcess"("flowId");

-- AddForeignKey
ALTER TABLE "FlowApproval" ADD CONSTRAINT "FlowApproval_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowApproval" ADD CONSTRAINT "FlowApproval_flowId_version_fkey" FOREIGN KEY ("flowId", "version") REFERENCES "FlowRevision"("flowId", "version") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowApproval" ADD CONSTRAINT "FlowApproval_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowApprovalOrganisation" ADD CONSTRAINT "FlowApprovalOrganisation_approvalId_fkey" FOREIGN KEY ("approvalId") REFERENCES "FlowApproval"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowApprovalOrganisation" ADD CONSTRAINT "FlowApprovalOrganisation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowApprovalOrganisation" ADD CONSTRAINT "FlowApprovalOrganisation_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowIndicator" ADD CONSTRAINT "FlowIndicator_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowIndicator" ADD CONSTRAINT "FlowIndicator_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "FlowIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LandscapeProcess" ADD CONSTRAINT "LandscapeProcess_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LandscapeProcess" ADD CONSTRAINT "LandscapeProcess_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE SET NULL ON UPDATE CASCADE;
