-- Written by hand in the shape `prisma migrate diff` produces (see the init migration).
-- Comments and suggestions on elements of a flow, and the notices they leave for people.

-- CreateEnum
CREATE TYPE "CommentKind" AS ENUM ('COMMENT', 'SUGGESTION');

-- CreateEnum
CREATE TYPE "CommentStatus" AS ENUM ('OPEN', 'RESOLVED', 'ACCEPTED', 'REJECTED');

-- CreateEnum
CREATE TYPE "CommentNoticeKind" AS ENUM ('MENTION', 'DECIDED');

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "threadId" TEXT,
    "elementId" TEXT,
    "elementName" TEXT,
    "kind" "CommentKind" NOT NULL DEFAULT 'COMMENT',
    "body" TEXT NOT NULL,
    "status" "CommentStatus" NOT NULL DEFAULT 'OPEN',
    "reason" TEXT,
    "proposal" JSONB,
    "addressedToOrganisationId" TEXT,
    "authorId" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "appliedVersion" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "editedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentNotice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "commentId" TEXT NOT NULL,
    "kind" "CommentNoticeKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3),

    CONSTRAINT "CommentNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Comment_flowId_createdAt_idx" ON "Comment"("flowId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_threadId_idx" ON "Comment"("threadId");

-- CreateIndex
CREATE INDEX "Comment_addressedToOrganisationId_status_idx" ON "Comment"("addressedToOrganisationId", "status");

-- CreateIndex
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");

-- CreateIndex
CREATE INDEX "CommentNotice_commentId_idx" ON "CommentNotice"("commentId");

-- CreateIndex
CREATE UNIQUE INDEX "CommentNotice_userId_commentId_kind_key" ON "CommentNotice"("userId", "commentId", "kind");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_addressedToOrganisationId_fkey" FOREIGN KEY ("addressedToOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentNotice" ADD CONSTRAINT "CommentNotice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentNotice" ADD CONSTRAINT "CommentNotice_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
