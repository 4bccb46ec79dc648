-- Flows a user follows (issue 15's notifications): what changed since they last had the flow open.

-- CreateTable
CREATE TABLE "FlowFollow" (
    "userId" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "seenVersion" INTEGER NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlowFollow_pkey" PRIMARY KEY ("userId","flowId")
);

-- CreateIndex
CREATE INDEX "FlowFollow_flowId_idx" ON "FlowFollow"("flowId");

-- AddForeignKey
ALTER TABLE "FlowFollow" ADD CONSTRAINT "FlowFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowFollow" ADD CONSTRAINT "FlowFollow_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;
