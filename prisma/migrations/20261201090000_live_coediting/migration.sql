-- CreateTable
CREATE TABLE "FlowHead" (
    "flowId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "records" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlowHead_pkey" PRIMARY KEY ("flowId")
);

-- CreateTable
CREATE TABLE "FlowChange" (
    "id" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "batchId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "ops" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlowChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowPresence" (
    "flowId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "selection" JSONB NOT NULL,
    "lastSeen" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlowPresence_pkey" PRIMARY KEY ("flowId","clientId")
);

-- CreateIndex
CREATE INDEX "FlowChange_authorId_idx" ON "FlowChange"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "FlowChange_flowId_version_key" ON "FlowChange"("flowId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "FlowChange_flowId_batchId_key" ON "FlowChange"("flowId", "batchId");

-- CreateIndex
CREATE INDEX "FlowPresence_userId_idx" ON "FlowPresence"("userId");

-- AddForeignKey
ALTER TABLE "FlowHead" ADD CONSTRAINT "FlowHead_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowChange" ADD CONSTRAINT "FlowChange_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowChange" ADD CONSTRAINT "FlowChange_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowPresence" ADD CONSTRAINT "FlowPresence_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowPresence" ADD CONSTRAINT "FlowPresence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The change log is history like the revisions: refuse to change or remove an entry.
CREATE TRIGGER "FlowChange_append_only"
  BEFORE UPDATE OR DELETE ON "FlowChange"
  FOR EACH ROW EXECUTE FUNCTION "stafett_refuse_revision_change"();
