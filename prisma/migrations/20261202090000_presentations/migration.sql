-- Written by hand in the shape `prisma migrate diff` produces (see the init migration).
-- Workshop presentations (issue 13): the presenter's current step, shared with every follower.

-- CreateTable
CREATE TABLE "Presentation" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "presenterId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "stepCount" INTEGER NOT NULL,
    "stepIndex" INTEGER NOT NULL DEFAULT 0,
    "overview" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "guestRevokedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Presentation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Presentation_code_key" ON "Presentation"("code");

-- CreateIndex
CREATE INDEX "Presentation_flowId_idx" ON "Presentation"("flowId");

-- CreateIndex
CREATE INDEX "Presentation_presenterId_idx" ON "Presentation"("presenterId");

-- AddForeignKey
ALTER TABLE "Presentation" ADD CONSTRAINT "Presentation_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Presentation" ADD CONSTRAINT "Presentation_presenterId_fkey" FOREIGN KEY ("presenterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
