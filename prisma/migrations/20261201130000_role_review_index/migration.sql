-- The role review reads every row of one role across all flows (12,000 across 1,000 flows): with
-- every column it reads in the index, that is an index-only scan instead of a heap page per row.

-- DropIndex
DROP INDEX "FlowResponsibility_roleId_idx";

-- CreateIndex
CREATE INDEX "FlowResponsibility_role_review_idx" ON "FlowResponsibility"("roleId", "flowId", "elementId", "letter", "elementKind", "elementName", "position");
